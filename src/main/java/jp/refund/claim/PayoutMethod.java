package jp.refund.claim;

/** How an approved claim is paid: a Zengin bank transfer or a postal payout certificate. */
public enum PayoutMethod {
    BANK,
    POSTAL
}
