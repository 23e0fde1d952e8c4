package jp.refund.claim;

/** A wallet's balance at service end; what may be refunded is the balance less the disputed yen. */
public record Wallet(String walletId, String memberId, long balanceYen, long disputedYen, boolean compromised) {

    long refundableYen() {
        return balanceYen - disputedYen;
    }
}
