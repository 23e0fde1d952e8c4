package jp.refund.claim;

import java.time.LocalDate;

/**
 * One status change of a claim in one night: a line of {@code reports/claim-events.csv}.
 * Made and numbered only by {@link ClaimLifecycle}.
 */
public record ClaimEvent(LocalDate runDate, int seq, String claimNo, String applicationId, Channel channel,
                         String memberId, ClaimStatus status, String reasons, long amountYen,
                         PayoutMethod payoutMethod, LocalDate payoutDate, String reference) {
}
