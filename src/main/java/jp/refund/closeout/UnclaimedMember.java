package jp.refund.closeout;

/**
 * A member still owed money at close-out: a line of {@code unclaimed-members.csv}, for the
 * legal deposit (供託) or the public notice. {@code state}: NEVER_APPLIED, REJECTED:&lt;reason&gt;,
 * RETURNED, EXPIRED_CERTIFICATE, PENDING_REVIEW, AWAITING_CONFIRMATION, APPROVED_UNSCHEDULED.
 */
public record UnclaimedMember(String memberId, String familyName, String givenName, String postalCode,
                              String address, long refundableYen, String state) {
}
