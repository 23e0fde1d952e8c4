package jp.refund.claim;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The claims' part of a night that starts over from its ingest (issue 38): the night's
 * assessments, claims, events and certificates go, and the claims of earlier nights it
 * changed are put back as they were before it ({@link ClaimLifecycle#forgetNight}).
 */
@Service
public class ClaimRollback {

    private final ClaimLifecycle lifecycle;
    private final ApplicationAssessments assessments;

    ClaimRollback(ClaimLifecycle lifecycle, ApplicationAssessments assessments) {
        this.lifecycle = lifecycle;
        this.assessments = assessments;
    }

    /** Runs in the caller's transaction, with the other features' parts. */
    public void forgetNight(LocalDate runDate) {
        assessments.forgetNight(runDate);
        lifecycle.forgetNight(runDate);
    }

    /** A completed night never starts over: the claims' columns kept for that go. */
    public void nightCompleted(LocalDate runDate) {
        lifecycle.nightCompleted(runDate);
    }
}
