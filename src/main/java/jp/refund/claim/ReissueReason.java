package jp.refund.claim;

/** Why a certificate is reissued (certificate_reissues.csv); the old one is void for this reason. */
public enum ReissueReason {
    LOST,
    DAMAGED,
    NOT_RECEIVED,
    EXPIRED;

    /** The reason an approved reissue records: {@code REISSUE_<reason>}. */
    ClaimReason approvalReason() {
        return ClaimReason.valueOf("REISSUE_" + name());
    }
}
