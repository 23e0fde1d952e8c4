package jp.refund.identity;

/**
 * Why a claim needs a person to look at identity documents before any payout: the flags of
 * SPEC section 4, then the stricter ones of section 11 (each off unless its setting is on).
 */
public enum ReviewFlag {
    WEB_APPLICATION,
    COMPROMISED_ACCOUNT,
    CONTACT_CHANGED_DURING_INCIDENT,
    PAYEE_NAME_MISMATCH,
    MAILING_ADDRESS_CHANGED,
    SHARED_BANK_ACCOUNT,
    LARGE_REFUND,
    CONTACT_NOT_REGISTERED,
    SHARED_CONTACT
}
