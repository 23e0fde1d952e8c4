package jp.refund.ingest;

/** Why a feed row was rejected (SPEC section 3, "Bad input"). */
public enum RejectReason {
    WRONG_COLUMN_COUNT,
    MISSING_FIELD,
    INVALID_FORMAT,
    INVALID_ENCODING,
    CONFLICTING_DUPLICATE,
    UNKNOWN_APPLICATION,
    UNMATCHED_RETURN,
    // sections 9-10
    UNKNOWN_CLAIM,
    UNKNOWN_CERTIFICATE,
    VOID_CERTIFICATE,
    ALREADY_REDEEMED,
    EXPIRED_CERTIFICATE,
    AMOUNT_MISMATCH,
    NOT_REISSUABLE,
    /**
     * A lifecycle row (confirmation, redemption, reissue) dated after the night it arrives in
     * (after that date ends in JST), or a redemption dated before its certificate's issue date:
     * what cannot have happened (issue 37). Counts against the reject ratio: a clock or an export
     * gone wrong, not where the book stands.
     */
    IMPOSSIBLE_TIMESTAMP;

    /**
     * Rejects that say where the book stands (a certificate void, already cashed or out of date;
     * a claim that cannot be reissued), not that the export is broken: Japan Post Bank cashing
     * expired certificates is a fact to report, not a reason to stop every refund of the night.
     * They do not count against {@code refund.ingest.max-reject-ratio}.
     */
    public boolean isBookState() {
        return this == VOID_CERTIFICATE || this == ALREADY_REDEEMED || this == EXPIRED_CERTIFICATE
                || this == NOT_REISSUABLE;
    }
}
