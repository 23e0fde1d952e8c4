package jp.refund.claim;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies the night's confirmations, oldest {@code answered_at} first (SPEC section 9): CONFIRM
 * on a claim awaiting confirmation, answered by the end of its {@code confirm_by} day (JST),
 * approves it tonight; DECLINE sends it to review with APPLICANT_DISAGREES. Anything else — a
 * late CONFIRM, an answer about a claim in another status, a second answer — changes nothing
 * and the row's effect says NO_EFFECT. With confirmation off no claim awaits one, so every
 * row is accepted without effect.
 */
class ApplyConfirmationsWriter implements ItemWriter<Confirmation> {

    private final ClaimBook book;
    private final ClaimLifecycle lifecycle;
    private final LocalDate runDate;

    ApplyConfirmationsWriter(ClaimBook book, ClaimLifecycle lifecycle, LocalDate runDate) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.runDate = runDate;
    }

    @Override
    public void write(Chunk<? extends Confirmation> chunk) {
        Set<String> claimNos = new HashSet<>();
        chunk.forEach(c -> claimNos.add(c.claimNo()));
        Map<String, ClaimState> claims = lifecycle.claims(claimNos);
        Map<String, LocalDate> deadlines = book.confirmBy(claimNos);
        for (Confirmation answer : chunk) {
            ClaimState claim = claims.get(answer.claimNo());
            if (claim == null) {
                throw new IllegalStateException("confirmation " + answer.confirmationId() + " names claim "
                        + answer.claimNo() + " which does not exist");
            }
            if (claim.status() != ClaimStatus.AWAITING_CONFIRMATION) {
                lifecycle.recordConfirmationWithoutEffect(answer.confirmationId());
                continue;
            }
            ClaimState after = switch (answer.answer()) {
                case CONFIRM -> ConfirmationSettings.inTime(answer.answeredAt(), deadlines.get(claim.claimNo()))
                        ? lifecycle.confirm(runDate, claim, answer.confirmationId()) : null;
                case DECLINE -> lifecycle.decline(runDate, claim, answer.confirmationId());
            };
            if (after == null) {
                lifecycle.recordConfirmationWithoutEffect(answer.confirmationId());
            } else {
                claims.put(claim.claimNo(), after);
            }
        }
    }
}
