package jp.refund.claim;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies the night's identity checks, oldest first: PASS approves a claim pending
 * review (one PASS clears every flag), FAIL rejects it. With confirmation required, a PASS
 * makes the claim await the applicant's confirmation instead, unless it awaited one before
 * (a claim the applicant declined is approved by the PASS: no second confirmation). A check on a claim in any other
 * status changes nothing; its effect is recorded as NO_EFFECT.
 */
class ApplyIdentityChecksWriter implements ItemWriter<IdentityCheck> {

    private final ClaimBook book;
    private final ClaimLifecycle lifecycle;
    private final LocalDate runDate;
    private final ConfirmationSettings confirmation;

    ApplyIdentityChecksWriter(ClaimBook book, ClaimLifecycle lifecycle, LocalDate runDate,
                              ConfirmationSettings confirmation) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.runDate = runDate;
        this.confirmation = confirmation;
    }

    @Override
    public void write(Chunk<? extends IdentityCheck> chunk) {
        Set<String> applicationIds = new HashSet<>();
        chunk.forEach(c -> applicationIds.add(c.applicationId()));
        Map<String, ClaimState> claims = book.claimsOfApplications(applicationIds);
        Set<String> awaitedBefore = confirmation.required()
                ? book.claimsThatAwaitedConfirmation(claims.values().stream().map(ClaimState::claimNo).toList())
                : Set.of();
        for (IdentityCheck check : chunk) {
            ClaimState claim = claims.get(check.applicationId());
            if (claim == null) {
                throw new IllegalStateException("identity check " + check.checkId() + " names application "
                        + check.applicationId() + " which has no claim after the decisions");
            }
            if (claim.status() != ClaimStatus.PENDING_REVIEW) {
                lifecycle.recordCheckWithoutEffect(check.checkId());
                continue;
            }
            ClaimState after;
            if (!check.passed()) {
                after = lifecycle.failIdentityCheck(runDate, claim, check.checkId());
            } else if (confirmation.required() && !awaitedBefore.contains(claim.claimNo())) {
                after = lifecycle.awaitConfirmation(runDate, claim, check.checkId(), confirmation.deadline(runDate));
            } else {
                after = lifecycle.passIdentityCheck(runDate, claim, check.checkId());
            }
            claims.put(check.applicationId(), after);
        }
    }
}
