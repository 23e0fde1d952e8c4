package jp.refund.claim;

/** Japan Post Bank cashed a claim's current certificate (an accepted row of certificate_redemptions.csv). */
public record CertificateRedemption(String redemptionId, String certificateNo, String claimNo) {
}
