package jp.refund.job;

import java.time.LocalDate;
import jp.refund.claim.ClaimRollback;
import jp.refund.ingest.IngestRollback;
import jp.refund.notice.NightNotices;
import jp.refund.report.Reconciliation;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back everything a night that did not complete stored, in one transaction, so that it
 * runs again from its ingest as a first run would (issue 38). Each feature forgets its own
 * tables: the notices, the reconciliation lines, the claims (its claims, events, certificates,
 * assessments, and the earlier claims it changed put back), the ingest (rows, counts, rejects,
 * alerts); and the night's job instance goes with them, so that no half-forgotten night can
 * resume.
 */
@Service
class NightRollback {

    private final NightNotices notices;
    private final Reconciliation reconciliation;
    private final ClaimRollback claims;
    private final IngestRollback ingest;
    private final JobRepository jobRepository;

    NightRollback(NightNotices notices, Reconciliation reconciliation, ClaimRollback claims, IngestRollback ingest,
                  JobRepository jobRepository) {
        this.notices = notices;
        this.reconciliation = reconciliation;
        this.claims = claims;
        this.ingest = ingest;
        this.jobRepository = jobRepository;
    }

    @Transactional
    public void forgetNight(LocalDate runDate, JobInstance instance) {
        notices.forgetNight(runDate);
        reconciliation.forgetNight(runDate);
        claims.forgetNight(runDate);
        ingest.forgetNight(runDate);
        jobRepository.deleteJobInstance(instance);
    }
}
