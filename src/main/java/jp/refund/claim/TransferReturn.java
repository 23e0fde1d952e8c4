package jp.refund.claim;

/** The bank sent a transfer back: the claim, and the bank's reason (stored as the claim's reason). */
public record TransferReturn(String claimNo, String reason) {
}
