package jp.refund.ingest;

import java.util.List;

/**
 * The six nightly input feeds of SPEC section 3, in the order they are ingested:
 * a check may name an application delivered the same night, a wallet may name a
 * member delivered the same night.
 */
public enum Feed {

    MEMBERS("members", "member_id",
            List.of("member_id", "family_name", "given_name", "family_name_kana", "given_name_kana",
                    "birth_date", "email", "phone", "postal_code", "address", "contact_changed_at")),

    CLOSING_BALANCES("closing_balances", "wallet_id",
            List.of("wallet_id", "member_id", "balance_yen", "disputed_yen", "compromised")),

    APPLICATIONS_APP("applications_app", "application_id",
            withCommonApplicationColumns("member_id")),

    APPLICATIONS_WEB("applications_web", "application_id",
            withCommonApplicationColumns("family_name", "given_name", "family_name_kana", "given_name_kana",
                    "birth_date")),

    IDENTITY_CHECKS("identity_checks", "check_id",
            List.of("check_id", "application_id", "checked_at", "result", "document_type", "reviewer_id", "note")),

    BANK_RETURNS("bank_returns", "return_id",
            List.of("return_id", "claim_no", "value_date", "amount_yen", "reason", "received_at"));

    private final String id;
    private final String keyColumn;
    private final List<String> columns;

    Feed(String id, String keyColumn, List<String> columns) {
        this.id = id;
        this.keyColumn = keyColumn;
        this.columns = columns;
    }

    private static List<String> withCommonApplicationColumns(String... channelColumns) {
        List<String> common = List.of("application_id", "submitted_at", "payout_method",
                "bank_code", "branch_code", "account_type", "account_number", "yucho_symbol", "yucho_number",
                "account_holder_kana", "recipient_name", "postal_code", "address", "email", "phone");
        return java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(channelColumns)).toList();
    }

    /** Name used in file names and settings: {@code members}, {@code applications_web}, ... */
    public String id() {
        return id;
    }

    public String fileName() {
        return id + ".csv";
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** Every column the header must carry, in the canonical order used for content hashes. */
    public List<String> columns() {
        return columns;
    }

    public static Feed byId(String id) {
        for (Feed feed : values()) {
            if (feed.id.equals(id)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("unknown feed: " + id);
    }
}
