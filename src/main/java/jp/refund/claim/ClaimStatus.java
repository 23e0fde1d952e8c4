package jp.refund.claim;

/**
 * Where a claim stands. A claim is live unless it is RETURNED, REJECTED or DUPLICATE: a PAID
 * claim's money went out, an EXPIRED claim's money is still owed (SPEC section 10).
 */
public enum ClaimStatus {
    PENDING_REVIEW,
    APPROVED,
    SCHEDULED,
    RETURNED,
    REJECTED,
    DUPLICATE,
    /** Its certificate was cashed at a Japan Post Bank counter. */
    PAID,
    /** Its certificate was not cashed by valid-until + grace days; a reissue may follow. */
    EXPIRED,
    /**
     * Would be APPROVED, but waits for the applicant to confirm amount and payout method by
     * {@code confirm_by} (SPEC section 9; only when {@code refund.confirmation.required}).
     */
    AWAITING_CONFIRMATION;

    public boolean isLive() {
        return this == PENDING_REVIEW || this == APPROVED || this == SCHEDULED || this == PAID || this == EXPIRED
                || this == AWAITING_CONFIRMATION;
    }

    /** For SQL: the statuses that are live. */
    public static final String LIVE_SQL = "('PENDING_REVIEW', 'APPROVED', 'SCHEDULED', 'PAID', 'EXPIRED',"
            + " 'AWAITING_CONFIRMATION')";
}
