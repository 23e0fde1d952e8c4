package jp.refund.claim;

/** Reason codes of SPEC section 4: rejections, review flags, and what changed a status later. */
public enum ClaimReason {
    // rejections, in the order the rules are tried
    OUTSIDE_APPLICATION_WINDOW,
    UNKNOWN_MEMBER,
    IDENTITY_NOT_FOUND,
    IDENTITY_AMBIGUOUS,
    NO_REFUNDABLE_BALANCE,
    DUPLICATE_APPLICATION,
    INVALID_BANK_ACCOUNT,
    INVALID_ACCOUNT_HOLDER_NAME,
    // review flags, in the order they are listed
    WEB_APPLICATION,
    COMPROMISED_ACCOUNT,
    CONTACT_CHANGED_DURING_INCIDENT,
    PAYEE_NAME_MISMATCH,
    MAILING_ADDRESS_CHANGED,
    SHARED_BANK_ACCOUNT,
    // the stricter review flags of section 11, each off by default
    LARGE_REFUND,
    CONTACT_NOT_REGISTERED,
    SHARED_CONTACT,
    // identity checks
    IDENTITY_CHECK_PASSED,
    IDENTITY_CHECK_FAILED,
    // certificate reissues (SPEC section 10): REISSUE_<the request's reason>
    REISSUE_LOST,
    REISSUE_DAMAGED,
    REISSUE_NOT_RECEIVED,
    REISSUE_EXPIRED,
    // the applicant's confirmation (SPEC section 9)
    CONFIRMED_BY_APPLICANT,
    /** A review flag: the applicant declined the amount or payout method; a PASS approves it. */
    APPLICANT_DISAGREES,
    /** A rejection: the claim was not confirmed by the end of its confirm_by day. */
    NOT_CONFIRMED
}
