package jp.refund.claim;

import java.time.LocalDate;

/** One status change of a claim in one night: a line of {@code reports/claim-events.csv}. */
public record ClaimEvent(LocalDate runDate, int seq, String claimNo, String applicationId, String channel,
                         String memberId, ClaimStatus status, String reasons, long amountYen, String payoutMethod,
                         LocalDate payoutDate, String reference) {
}
