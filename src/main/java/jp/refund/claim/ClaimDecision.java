package jp.refund.claim;

import java.util.List;
import jp.refund.shared.BankAccount;

/**
 * The first decision on an application: the status, its reasons (the rejection reason,
 * or the review flags), the member it was matched to, the amount and, for a payable
 * claim, where the money goes.
 */
public record ClaimDecision(ClaimStatus status, List<ClaimReason> reasons, String memberId, String walletId,
                            long amountYen, BankAccount account, String holderName) {

    static ClaimDecision rejected(ClaimReason reason, String memberId, String walletId, long amountYen) {
        return new ClaimDecision(ClaimStatus.REJECTED, List.of(reason), memberId, walletId, amountYen, null, null);
    }

    static ClaimDecision duplicate(String memberId, String walletId, long amountYen) {
        return new ClaimDecision(ClaimStatus.DUPLICATE, List.of(ClaimReason.DUPLICATE_APPLICATION), memberId,
                walletId, amountYen, null, null);
    }
}
