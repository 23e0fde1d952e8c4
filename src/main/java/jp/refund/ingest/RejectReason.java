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
    NOT_REISSUABLE
}
