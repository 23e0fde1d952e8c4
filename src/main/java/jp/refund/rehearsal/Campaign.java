package jp.refund.rehearsal;

/**
 * Who sent an application in an attacker rehearsal (SPEC section 11): an honest applicant, or
 * one of the five attacker campaigns. The answer key ({@code application_id,campaign}) names
 * one per application; the night never reads it.
 */
public enum Campaign {
    /** An honest applicant, families and typing differences included. */
    HONEST,
    /** APP from a taken-over ID not on the victim list; BANK to a mule account in the mule's own name. */
    TAKEOVER_MULE,
    /** APP from a taken-over ID; BANK to an account opened in the victim's name; the attacker's own contact. */
    TAKEOVER_LOOKALIKE,
    /** WEB with the victim's leaked birth date, phone and kana name; BANK to a mule or POSTAL to a drop address. */
    STOLEN_DATA_WEB,
    /** APP from a taken-over ID; POSTAL to a drop address shared by several attacker applications. */
    ADDRESS_DROP,
    /** One of the above, submitted before the owner's own application. */
    RACE_THE_OWNER;

    /** Whether an attacker sent it. */
    public boolean attacker() {
        return this != HONEST;
    }
}
