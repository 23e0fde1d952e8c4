package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.refund.MigratedDatabase;
import jp.refund.claim.EmittedTransfers;
import jp.refund.claim.IssuedCertificates;
import jp.refund.ingest.csv.CsvHeader;
import jp.refund.ingest.csv.CsvRecord;
import jp.refund.shared.CrashPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lifecycle feeds of SPEC sections 9-10 (confirmations, redemptions, reissues) through the
 * ingest's parser and writer on a small book in memory (issue 37): SPEC section 3's key rule
 * within one file and across nights, dates at the edge of the calendar, impossible timestamps,
 * and redemption alerts that repeat the bank's cells as received.
 */
class LifecycleFeedsTest {

    private static final LocalDate NIGHT = LocalDate.of(2019, 12, 2);
    private static final LocalDate NEXT_NIGHT = LocalDate.of(2019, 12, 3);
    /** Certificates printed 2019-11-29, valid until 2020-02-29. */
    private static final String[] POSTAL_CLAIMS = {"1000000001", "1000000002", "1000000003", "1000000004"};
    private static final String BANK_CLAIM = "1000000009";

    private JdbcTemplate jdbc;
    private FeedTables tables;
    private IngestLedger ledger;

    @BeforeEach
    void book() throws Exception {
        jdbc = MigratedDatabase.create();
        int n = 0;
        for (String claimNo : POSTAL_CLAIMS) {
            n++;
            claim(claimNo, "POSTAL", "P00000000" + n);
            jdbc.update("INSERT INTO certificate (certificate_no, claim_no, amount_yen, issue_date, valid_until,"
                    + " issued_on) VALUES (?, ?, 1000, ?, ?, ?)", "P00000000" + n, claimNo, LocalDate.of(2019, 11, 29),
                    LocalDate.of(2020, 2, 29), LocalDate.of(2019, 11, 28));
        }
        claim(BANK_CLAIM, "BANK", null);
        tables = new FeedTables(jdbc, construct(EmittedTransfers.class), construct(IssuedCertificates.class), 0);
        ledger = new IngestLedger(jdbc);
    }

    private void claim(String claimNo, String method, String certificateNo) {
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, wallet_id, status, amount_yen,"
                + " payout_method, certificate_no, submitted_at, decided_on, status_since) VALUES (?, ?, 'APP', ?, ?,"
                + " 'SCHEDULED', 1000, ?, ?, ?, ?, ?)", claimNo, "A" + claimNo, "M" + claimNo, "W" + claimNo, method,
                certificateNo, OffsetDateTime.parse("2019-11-01T10:00:00+09:00"), LocalDate.of(2019, 11, 28),
                LocalDate.of(2019, 11, 28));
    }

    /** The claim package's look-ups are beans of their own package: made here as Spring would. */
    private <T> T construct(Class<T> type) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(JdbcTemplate.class);
        constructor.setAccessible(true);
        return constructor.newInstance(jdbc);
    }

    /** Ingests the lines (header implied, first line is line 2) as one file of the night, in one chunk. */
    private FeedCount ingest(LocalDate night, Feed feed, String... lines) {
        ColumnLimits limits = new ColumnLimits(jdbc);
        FeedRowParser parser = new FeedRowParser(feed, 10_000_000L,
                column -> limits.of(feed.layout().table(), column.sqlColumn()));
        ledger.openFeed(night, feed, Path.of("no-such-folder", feed.fileName()));
        List<ParsedRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(parser.process(new FeedRecord(CsvHeader.of(feed.columns(), feed.columns()),
                    new CsvRecord(i + 2, Arrays.asList(lines[i].split(",", -1)), lines[i], true, false, 1, null))));
        }
        new FeedRowWriter(tables.of(feed), ledger, night, CrashPoint.NONE).write(new Chunk<>(rows));
        return ledger.counts(night).stream().filter(c -> c.feed() == feed).findFirst().orElseThrow();
    }

    /** {@code line reason field} of each reject of the night's feed. */
    private List<String> rejects(LocalDate night, Feed feed) {
        return ledger.rejects(night, feed).stream().map(r -> r.lineNumber() + " " + r.reason() + " " + r.field())
                .toList();
    }

    // ---- SPEC section 3's key rule on every lifecycle feed ----------------------------------

    @Test
    void reissuesFollowTheKeyRuleWithinAFileAndAcrossNights() {
        // an exact duplicate is skipped; the same reissue_id with another requested_at (earlier: it would
        // otherwise take the claim's one reissue of the night) is a conflicting duplicate
        FeedCount first = ingest(NIGHT, Feed.CERTIFICATE_REISSUES,
                "RI1," + POSTAL_CLAIMS[0] + ",2019-12-02T09:00:00+09:00,LOST,,",
                "RI1," + POSTAL_CLAIMS[0] + ",2019-12-02T09:00:00+09:00,LOST,,",
                "RI2," + POSTAL_CLAIMS[1] + ",2019-12-02T10:00:00+09:00,LOST,,",
                "RI2," + POSTAL_CLAIMS[1] + ",2019-12-02T08:00:00+09:00,LOST,,",
                // a rejected row's exact duplicate is the same fact again, its other content a conflict
                "RI3," + BANK_CLAIM + ",2019-12-02T09:00:00+09:00,LOST,,",
                "RI3," + BANK_CLAIM + ",2019-12-02T09:00:00+09:00,LOST,,",
                "RI3," + POSTAL_CLAIMS[2] + ",2019-12-02T09:00:00+09:00,LOST,,");
        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REISSUES)).containsExactly("5 CONFLICTING_DUPLICATE reissue_id",
                "6 NOT_REISSUABLE claim_no", "8 CONFLICTING_DUPLICATE reissue_id");
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT reissue_id || ' ' || claim_no FROM certificate_reissue ORDER BY 1",
                String.class)).containsExactly("RI1 " + POSTAL_CLAIMS[0], "RI2 " + POSTAL_CLAIMS[1]);

        FeedCount next = ingest(NEXT_NIGHT, Feed.CERTIFICATE_REISSUES,
                "RI1," + POSTAL_CLAIMS[0] + ",2019-12-02T09:00:00+09:00,LOST,,",
                "RI2," + POSTAL_CLAIMS[1] + ",2019-12-03T08:00:00+09:00,LOST,,");
        assertThat(next.skipped()).isEqualTo(1);
        assertThat(rejects(NEXT_NIGHT, Feed.CERTIFICATE_REISSUES)).containsExactly("3 CONFLICTING_DUPLICATE reissue_id");
    }

    @Test
    void redemptionsFollowTheKeyRuleWithinAFileAndAcrossNights() {
        FeedCount first = ingest(NIGHT, Feed.CERTIFICATE_REDEMPTIONS,
                "R1,P000000001,2019-12-01T10:00:00+09:00,12345,1000",
                "R1,P000000001,2019-12-01T10:00:00+09:00,12345,1000",
                "R2,P000000002,2019-12-01T10:00:00+09:00,12345,1000",
                "R2,P000000002,2019-12-01T09:00:00+09:00,12345,1000");
        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REDEMPTIONS)).containsExactly("5 CONFLICTING_DUPLICATE redemption_id");
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(first.skipped()).isEqualTo(1);
        // every rejected redemption is an alert, a conflicting duplicate too (issue 38); the skipped one is not
        assertThat(jdbc.queryForList("SELECT line_number || ' ' || redemption_id || ' ' || reason FROM"
                + " redemption_alert", String.class)).containsExactly("5 R2 CONFLICTING_DUPLICATE");

        FeedCount next = ingest(NEXT_NIGHT, Feed.CERTIFICATE_REDEMPTIONS,
                "R1,P000000001,2019-12-01T10:00:00+09:00,12345,1000",
                "R2,P000000002,2019-12-01T10:00:00+09:00,54321,1000");
        assertThat(next.skipped()).isEqualTo(1);
        assertThat(rejects(NEXT_NIGHT, Feed.CERTIFICATE_REDEMPTIONS))
                .containsExactly("3 CONFLICTING_DUPLICATE redemption_id");
    }

    @Test
    void confirmationsFollowTheKeyRuleWithinAFileAndAcrossNights() {
        FeedCount first = ingest(NIGHT, Feed.CONFIRMATIONS,
                "K1," + POSTAL_CLAIMS[0] + ",2019-12-01T10:00:00+09:00,CONFIRM",
                "K1," + POSTAL_CLAIMS[0] + ",2019-12-01T10:00:00+09:00,CONFIRM",
                "K2,9999999999,2019-12-01T10:00:00+09:00,CONFIRM",
                "K2," + POSTAL_CLAIMS[1] + ",2019-12-01T10:00:00+09:00,DECLINE");
        assertThat(rejects(NIGHT, Feed.CONFIRMATIONS)).containsExactly("4 UNKNOWN_CLAIM claim_no",
                "5 CONFLICTING_DUPLICATE confirmation_id");
        assertThat(first.accepted()).isEqualTo(1);
        assertThat(first.skipped()).isEqualTo(1);

        ingest(NEXT_NIGHT, Feed.CONFIRMATIONS,
                "K1," + POSTAL_CLAIMS[0] + ",2019-12-01T10:00:00+09:00,CONFIRM",
                "K1," + POSTAL_CLAIMS[0] + ",2019-12-01T10:00:00+09:00,DECLINE");
        assertThat(rejects(NEXT_NIGHT, Feed.CONFIRMATIONS)).containsExactly("3 CONFLICTING_DUPLICATE confirmation_id");
    }

    // ---- dates at the edge of the calendar -------------------------------------------------

    @Test
    void aDateAtTheEdgeOfTheCalendarIsARejectedRowNamingItsColumn() {
        List<String> edges = List.of("+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
                "+10000-01-01T00:00:00+09:00");
        List<String> redemptions = new ArrayList<>();
        List<String> confirmations = new ArrayList<>();
        List<String> reissues = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<String> returns = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            String at = edges.get(i);
            redemptions.add("R" + i + ",P000000001," + at + ",12345,1000");
            confirmations.add("K" + i + "," + POSTAL_CLAIMS[0] + "," + at + ",CONFIRM");
            reissues.add("RI" + i + "," + POSTAL_CLAIMS[i] + "," + at + ",LOST,,");
            checks.add("C" + i + ",A1," + at + ",PASS,PASSPORT,REV-1,");
            returns.add("B" + i + "," + BANK_CLAIM + ",2019-12-02,1000,OTHER," + at);
            members.add("M" + i + ",山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,東京都千代田区,"
                    + at);
        }
        returns.add("B9," + BANK_CLAIM + ",+999999999-12-31,1000,OTHER,2019-12-02T10:00:00+09:00");
        members.add("M9,山田,太郎,ヤマダ,タロウ,-999999999-01-01,t@example.jp,090-1111-0001,100-0001,東京,");

        // each night ends with the rows rejected, instead of stopping with "Invalid value for EpochDay"
        ingest(NIGHT, Feed.CERTIFICATE_REDEMPTIONS, redemptions.toArray(String[]::new));
        ingest(NIGHT, Feed.CONFIRMATIONS, confirmations.toArray(String[]::new));
        ingest(NIGHT, Feed.CERTIFICATE_REISSUES, reissues.toArray(String[]::new));
        ingest(NIGHT, Feed.IDENTITY_CHECKS, checks.toArray(String[]::new));
        ingest(NIGHT, Feed.BANK_RETURNS, returns.toArray(String[]::new));
        ingest(NIGHT, Feed.MEMBERS, members.toArray(String[]::new));

        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REDEMPTIONS)).containsExactly("2 INVALID_FORMAT redeemed_at",
                "3 INVALID_FORMAT redeemed_at", "4 INVALID_FORMAT redeemed_at");
        assertThat(rejects(NIGHT, Feed.CONFIRMATIONS)).containsExactly("2 INVALID_FORMAT answered_at",
                "3 INVALID_FORMAT answered_at", "4 INVALID_FORMAT answered_at");
        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REISSUES)).containsExactly("2 INVALID_FORMAT requested_at",
                "3 INVALID_FORMAT requested_at", "4 INVALID_FORMAT requested_at");
        assertThat(rejects(NIGHT, Feed.IDENTITY_CHECKS)).containsExactly("2 INVALID_FORMAT checked_at",
                "3 INVALID_FORMAT checked_at", "4 INVALID_FORMAT checked_at");
        assertThat(rejects(NIGHT, Feed.BANK_RETURNS)).containsExactly("2 INVALID_FORMAT received_at",
                "3 INVALID_FORMAT received_at", "4 INVALID_FORMAT received_at", "5 INVALID_FORMAT value_date");
        assertThat(rejects(NIGHT, Feed.MEMBERS)).containsExactly("2 INVALID_FORMAT contact_changed_at",
                "3 INVALID_FORMAT contact_changed_at", "4 INVALID_FORMAT contact_changed_at",
                "5 INVALID_FORMAT birth_date");
        assertThat(ledger.rejects(NIGHT, Feed.CERTIFICATE_REDEMPTIONS).get(0).message())
                .contains("year of four digits");
    }

    // ---- impossible timestamps -------------------------------------------------------------

    @Test
    void aLifecycleRowDatedAfterItsNightOrARedemptionBeforeItsCertificateIsImpossible() {
        ingest(NIGHT, Feed.CERTIFICATE_REDEMPTIONS,
                "R1,P000000001,2019-01-01T10:00:00+09:00,12345,1000",    // before the issue date 2019-11-29
                "R2,P000000002,2019-11-29T00:00:00+09:00,12345,1000",    // the issue date itself: paid
                "R3,P000000003,2019-12-02T15:00:00Z,12345,1000",         // 12-03 00:00 in Japan: after the night
                "R4,P000000004,2019-12-02T14:59:59Z,12345,1000");        // the night's last second in Japan: paid
        ingest(NIGHT, Feed.CERTIFICATE_REISSUES,
                "RI1," + POSTAL_CLAIMS[0] + ",2030-01-01T09:00:00+09:00,LOST,,");
        ingest(NIGHT, Feed.CONFIRMATIONS,
                "K1," + POSTAL_CLAIMS[0] + ",2019-12-03T00:00:00+09:00,CONFIRM",
                "K2," + POSTAL_CLAIMS[1] + ",2019-12-02T23:59:59+09:00,CONFIRM");

        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REDEMPTIONS)).containsExactly("2 IMPOSSIBLE_TIMESTAMP redeemed_at",
                "4 IMPOSSIBLE_TIMESTAMP redeemed_at");
        assertThat(jdbc.queryForList("SELECT redemption_id || ' ' || reason FROM redemption_alert ORDER BY line_number",
                String.class)).containsExactly("R1 IMPOSSIBLE_TIMESTAMP", "R3 IMPOSSIBLE_TIMESTAMP");
        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REISSUES)).containsExactly("2 IMPOSSIBLE_TIMESTAMP requested_at");
        assertThat(rejects(NIGHT, Feed.CONFIRMATIONS)).containsExactly("2 IMPOSSIBLE_TIMESTAMP answered_at");
        assertThat(RejectReason.IMPOSSIBLE_TIMESTAMP.isBookState()).isFalse();
    }

    // ---- the alert goes back to Japan Post Bank as it came ---------------------------------

    /**
     * Issue 38: a cashing rejected for its shape (a malformed cell, a wrong column count, two rows
     * merged by a bare CR) is an alert like any other, with its raw line; cells it has not got, or
     * that do not fit, are empty.
     */
    @Test
    void everyRejectedRedemptionIsAnAlertWithItsRawLine() {
        String merged = "R3,P000000003,2019-12-01T10:00:00+09:00,12345,1000\rR4,P000000004,2019-12-01T11:00:00+09:00,"
                + "12345,1000";
        ingest(NIGHT, Feed.CERTIFICATE_REDEMPTIONS,
                "R1,P000000001,2019-12-01T10:00:00+09:00,12345,1,000",
                "R2,P000000002,2019-12-01,12345,1000",
                merged,
                "R5,P000000001,2019-12-01T10:00:00+09:00,12345,999");
        assertThat(rejects(NIGHT, Feed.CERTIFICATE_REDEMPTIONS)).containsExactly("2 WRONG_COLUMN_COUNT null",
                "3 INVALID_FORMAT redeemed_at", "4 WRONG_COLUMN_COUNT null", "5 AMOUNT_MISMATCH amount_yen");
        assertThat(jdbc.queryForList("SELECT line_number || '|' || COALESCE(redemption_id, '') || '|' || reason"
                + " || '|' || raw_line FROM redemption_alert ORDER BY line_number", String.class)).containsExactly(
                "2||WRONG_COLUMN_COUNT|R1,P000000001,2019-12-01T10:00:00+09:00,12345,1,000",
                "3|R2|INVALID_FORMAT|R2,P000000002,2019-12-01,12345,1000",
                "4||WRONG_COLUMN_COUNT|" + merged,
                "5|R5|AMOUNT_MISMATCH|R5,P000000001,2019-12-01T10:00:00+09:00,12345,999");
        // the night's summary names the record that holds two rows
        assertThat(ledger.mergedRows(NIGHT)).containsExactly("certificate_redemptions.csv line 4: 2 rows joined by"
                + " a bare CR into one rejected record (rejects/certificate_redemptions.csv); none of them was applied:"
                + " deliver them again, one per line, in a later night's folder");
    }

    @Test
    void aRedemptionAlertRepeatsEveryCellAsReceived() {
        ingest(NIGHT, Feed.CERTIFICATE_REDEMPTIONS,
                "R9,P999999999,2019-11-30T15:00:00+00:00,012345,01000",
                "R8,P000000001,2019-11-30T15:00:00.000+00:00,12345,0999");
        assertThat(jdbc.queryForList("SELECT redemption_id || ',' || certificate_no || ',' || redeemed_at || ','"
                + " || office_code || ',' || amount_yen || ',' || reason FROM redemption_alert ORDER BY line_number",
                String.class)).containsExactly(
                "R9,P999999999,2019-11-30T15:00:00+00:00,012345,01000,UNKNOWN_CERTIFICATE",
                "R8,P000000001,2019-11-30T15:00:00.000+00:00,12345,0999,AMOUNT_MISMATCH");
    }
}
