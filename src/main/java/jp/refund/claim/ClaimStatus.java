package jp.refund.claim;

/** Where a claim stands. A claim is live unless it is RETURNED, REJECTED or DUPLICATE. */
public enum ClaimStatus {
    PENDING_REVIEW,
    APPROVED,
    SCHEDULED,
    RETURNED,
    REJECTED,
    DUPLICATE;

    public boolean isLive() {
        return this == PENDING_REVIEW || this == APPROVED || this == SCHEDULED;
    }

    /** For SQL: the statuses that are live. */
    public static final String LIVE_SQL = "('PENDING_REVIEW', 'APPROVED', 'SCHEDULED')";
}
