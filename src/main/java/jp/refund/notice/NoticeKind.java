package jp.refund.notice;

import java.util.Locale;

/**
 * The kinds of applicant notice (SPEC section 9's seven, and {@link #APPLY_AGAIN} of issue 35),
 * in the order a claim's notices are listed in {@code notices/notices.csv} (a new kind goes last:
 * the stored {@code kind_rank} of earlier nights is its ordinal). Each has one template,
 * {@code notices/<kind>.txt}.
 */
public enum NoticeKind {
    /** The balance notice (残高のお知らせ): a claim is decided APPROVED, PENDING_REVIEW or AWAITING_CONFIRMATION. */
    BALANCE,
    /** What is missing: a claim enters PENDING_REVIEW. */
    DEFICIENCY,
    /** Why not: a claim of a known member becomes REJECTED or DUPLICATE. */
    REJECTION,
    /** Money goes out: a claim becomes SCHEDULED. */
    PAYOUT,
    /** The bank sent the transfer back: a claim becomes RETURNED. */
    RETURNED,
    /** The confirmation deadline is near. */
    CONFIRMATION_REMINDER,
    /** The payout certificate's valid-until date is near. */
    CERTIFICATE_EXPIRY_REMINDER,
    /**
     * The member's own application is DUPLICATE of an earlier claim that was rejected tonight
     * after a failed identity check (SPEC section 11, RACE_THE_OWNER): the owner may apply again.
     * On the member's first such DUPLICATE claim, once per rejected claim.
     */
    APPLY_AGAIN;

    /** The template file's name (without {@code .txt}) under {@code notices/}. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code <claim_no>-<kind>-<n>} */
    public String noticeId(String claimNo, int n) {
        return claimNo + "-" + name() + "-" + n;
    }
}
