package jp.refund.claim;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.ingest.IdentityCheckRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies the night's identity checks, oldest first: PASS approves a claim pending
 * review (one PASS clears every flag), FAIL rejects it. A check on a claim in any other
 * status changes nothing; its effect is recorded as NO_EFFECT.
 */
class ApplyIdentityChecksWriter implements ItemWriter<IdentityCheckRow> {

    private final ClaimBook book;
    private final LocalDate runDate;

    ApplyIdentityChecksWriter(ClaimBook book, LocalDate runDate) {
        this.book = book;
        this.runDate = runDate;
    }

    @Override
    public void write(Chunk<? extends IdentityCheckRow> chunk) {
        Set<String> applicationIds = new HashSet<>();
        chunk.forEach(c -> applicationIds.add(c.applicationId()));
        Map<String, ClaimBook.ClaimState> claims = book.claimsOfApplications(applicationIds);
        int seq = book.lastEventSeq(runDate);
        List<ClaimEvent> events = new java.util.ArrayList<>();
        for (IdentityCheckRow check : chunk) {
            ClaimBook.ClaimState claim = claims.get(check.applicationId());
            if (claim == null) {
                throw new IllegalStateException("identity check " + check.checkId() + " names application "
                        + check.applicationId() + " which has no claim after the decisions");
            }
            if (claim.status() != ClaimStatus.PENDING_REVIEW) {
                book.recordCheckEffect(check.checkId(), "NO_EFFECT");
                continue;
            }
            boolean pass = "PASS".equals(check.result());
            ClaimStatus status = pass ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
            ClaimReason reason = pass ? ClaimReason.IDENTITY_CHECK_PASSED : ClaimReason.IDENTITY_CHECK_FAILED;
            book.changeStatus(claim.claimNo(), status, reason.name(), runDate);
            book.recordCheckEffect(check.checkId(), status.name());
            events.add(new ClaimEvent(runDate, ++seq, claim.claimNo(), claim.applicationId(), claim.channel(),
                    claim.memberId(), status, reason.name(), claim.amountYen(), claim.payoutMethod(), null, null));
            claims.put(check.applicationId(), new ClaimBook.ClaimState(claim.claimNo(), claim.applicationId(),
                    claim.channel(), claim.memberId(), status, claim.amountYen(), claim.payoutMethod()));
        }
        book.insertEvents(events);
    }
}
