package jp.refund.claim;

import java.time.LocalDate;

/** Where one claim stands now, with what its next event repeats (channel, member, amount, payout). */
record ClaimState(String claimNo, String applicationId, Channel channel, String memberId, ClaimStatus status,
                  long amountYen, PayoutMethod payoutMethod, LocalDate payoutDate, String reference) {

    ClaimState withStatus(ClaimStatus newStatus) {
        return new ClaimState(claimNo, applicationId, channel, memberId, newStatus, amountYen, payoutMethod,
                payoutDate, reference);
    }
}
