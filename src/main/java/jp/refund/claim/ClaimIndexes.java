package jp.refund.claim;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.refund.shared.DatabaseKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secondary indexes of {@code claim} and {@code claim_event}, each with the query that needs
 * it. On PostgreSQL the decisions drop them before a load that adds at least a tenth to the claims
 * and build them again after it: keeping seven B-trees up to date row by row during the load costs
 * more than building each once, sorted, at its end. H2 builds an index row by row, so there the
 * indexes stay (measured in docs/benchmarks/2026-12-07-planner-statistics-and-indexes.md). The
 * migrations create the same indexes
 * ({@code ClaimIndexesTest} holds the two lists together); the primary keys and the unique
 * constraints (one claim per application, one certificate number) are never dropped.
 */
enum ClaimIndexes {

    /** ClaimBook's approved claims in payout order (the scheduler), and the pending ones (review listings). */
    CLAIM_STATUS_ORDER("claim_status_order", "claim (status, payout_method, approved_on, claim_no)"),
    /** ClaimBook: the claims already given a payout date (a day's capacity). */
    CLAIM_PAYOUT("claim_payout", "claim (payout_method, payout_date)"),
    /** BankFileWriter and the certificate issue: the claims emitted tonight. */
    CLAIM_EMITTED("claim_emitted", "claim (emitted_on, payout_method)"),
    /** The support look-up by member id; the live claims of a member. */
    CLAIM_MEMBER_ID("claim_member_id", "claim (member_id, claim_no)"),
    /** The audit workbook's shared accounts sheet: the claims of an account number. */
    CLAIM_ACCOUNT_NUMBER("claim_account_number", "claim (account_number)"),
    /** ClaimLifecycle's lapse of unconfirmed claims, and the confirmation reminders (SPEC section 9). */
    CLAIM_CONFIRM_BY("claim_confirm_by", "claim (confirm_by)"),
    /** The support look-up's history of a claim, and the notices' "no earlier event" checks. */
    CLAIM_EVENT_CLAIM("claim_event_claim", "claim_event (claim_no)");

    private final String indexName;
    private final String on;

    ClaimIndexes(String indexName, String on) {
        this.indexName = indexName;
        this.on = on;
    }

    String indexName() {
        return indexName;
    }

    /** The table and columns, as the migrations spell them: {@code claim (member_id, claim_no)}. */
    String on() {
        return on;
    }

    /** Whether a load of {@code adding} claims into a book of {@code existing} is large enough to rebuild them. */
    static boolean worthRebuilding(long adding, long existing) {
        return adding > 0 && adding * 10 >= existing;
    }

    /** Whether the book's database builds an index from a sorted scan (PostgreSQL), not row by row (H2). */
    static boolean builtInBulk(JdbcTemplate jdbc) {
        return DatabaseKind.of(jdbc) == DatabaseKind.POSTGRESQL;
    }

    /** Drops every one (those missing already, after a killed load, are passed over). */
    static void dropAll(JdbcTemplate jdbc) {
        for (ClaimIndexes index : values()) {
            jdbc.execute("DROP INDEX IF EXISTS " + index.indexName);
        }
    }

    /** Creates those missing; returns them. */
    static Set<ClaimIndexes> createMissing(JdbcTemplate jdbc) {
        Set<ClaimIndexes> missing = missing(jdbc);
        for (ClaimIndexes index : missing) {
            jdbc.execute("CREATE INDEX " + index.indexName + " ON " + index.on);
        }
        return missing;
    }

    /** Those not in the book now (read from the JDBC driver's index metadata: H2 and PostgreSQL alike). */
    static Set<ClaimIndexes> missing(JdbcTemplate jdbc) {
        Set<String> present = jdbc.execute((Connection c) -> {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> names = new HashSet<>();
            for (String table : List.of("claim", "claim_event")) {
                String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), stored, false, true)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name != null) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return names;
        });
        Set<ClaimIndexes> missing = EnumSet.noneOf(ClaimIndexes.class);
        for (ClaimIndexes index : values()) {
            if (!present.contains(index.indexName)) {
                missing.add(index);
            }
        }
        return missing;
    }
}
