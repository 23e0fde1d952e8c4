package jp.refund.ingest;

import java.util.List;

/**
 * The nightly input feeds of SPEC sections 3, 9 and 10, in the order they are ingested:
 * a check may name an application delivered the same night, a wallet may name a
 * member delivered the same night. Each feed's columns are declared once, in its
 * {@code *Columns} class.
 */
public enum Feed {

    MEMBERS("members", MemberColumns.LAYOUT),
    CLOSING_BALANCES("closing_balances", WalletColumns.LAYOUT),
    APPLICATIONS_APP("applications_app", ApplicationColumns.APP),
    APPLICATIONS_WEB("applications_web", ApplicationColumns.WEB),
    IDENTITY_CHECKS("identity_checks", IdentityCheckColumns.LAYOUT),
    BANK_RETURNS("bank_returns", BankReturnColumns.LAYOUT),
    CONFIRMATIONS("confirmations", ConfirmationColumns.LAYOUT),
    CERTIFICATE_REDEMPTIONS("certificate_redemptions", CertificateRedemptionColumns.LAYOUT),
    CERTIFICATE_REISSUES("certificate_reissues", CertificateReissueColumns.LAYOUT);

    private final String id;
    private final FeedLayout layout;

    Feed(String id, FeedLayout layout) {
        this.id = id;
        this.layout = layout;
    }

    /** Name used in file names and settings: {@code members}, {@code applications_web}, ... */
    public String id() {
        return id;
    }

    public String fileName() {
        return id + ".csv";
    }

    /** The name of the night's step that ingests this feed: the step-scoped ingest beans find their feed by it. */
    public String stepName() {
        return STEP_PREFIX + id;
    }

    /** The feed an {@code ingest-<feed>} step ingests. */
    static Feed ofStep(String stepName) {
        return byId(stepName.substring(STEP_PREFIX.length()));
    }

    private static final String STEP_PREFIX = "ingest-";

    /** Every column the header must carry, in the canonical order used for content hashes. */
    public List<String> columns() {
        return layout.header();
    }

    public static Feed byId(String id) {
        for (Feed feed : values()) {
            if (feed.id.equals(id)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("unknown feed: " + id);
    }

    FeedLayout layout() {
        return layout;
    }

    /** The column that identifies a row of this feed. */
    String keyColumn() {
        return layout.key().name();
    }
}
