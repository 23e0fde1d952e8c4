package jp.refund.identity;

/** Why a claim needs a person to look at identity documents before any payout. */
public enum ReviewFlag {
    WEB_APPLICATION,
    COMPROMISED_ACCOUNT,
    CONTACT_CHANGED_DURING_INCIDENT,
    PAYEE_NAME_MISMATCH,
    MAILING_ADDRESS_CHANGED,
    SHARED_BANK_ACCOUNT
}
