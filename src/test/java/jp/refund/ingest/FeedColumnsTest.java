package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.refund.claim.PayoutMethod;
import jp.refund.ingest.csv.CsvHeader;
import jp.refund.ingest.csv.CsvRecord;
import org.junit.jupiter.api.Test;

/** The feeds' column declarations and what is derived from them: header, parsing, insert, binding. */
class FeedColumnsTest {

    /** The headers as they were written out before the declarations: content hashes depend on this order. */
    private static final Map<Feed, List<String>> HEADERS = Map.of(
            Feed.MEMBERS, List.of("member_id", "family_name", "given_name", "family_name_kana", "given_name_kana",
                    "birth_date", "email", "phone", "postal_code", "address", "contact_changed_at"),
            Feed.CLOSING_BALANCES, List.of("wallet_id", "member_id", "balance_yen", "disputed_yen", "compromised"),
            Feed.APPLICATIONS_APP, applicationColumns("member_id"),
            Feed.APPLICATIONS_WEB, applicationColumns("family_name", "given_name", "family_name_kana",
                    "given_name_kana", "birth_date"),
            Feed.IDENTITY_CHECKS, List.of("check_id", "application_id", "checked_at", "result", "document_type",
                    "reviewer_id", "note"),
            Feed.BANK_RETURNS, List.of("return_id", "claim_no", "value_date", "amount_yen", "reason", "received_at"),
            Feed.CONFIRMATIONS, List.of("confirmation_id", "claim_no", "answered_at", "answer"),
            Feed.CERTIFICATE_REDEMPTIONS, List.of("redemption_id", "certificate_no", "redeemed_at", "office_code",
                    "amount_yen"),
            Feed.CERTIFICATE_REISSUES, List.of("reissue_id", "claim_no", "requested_at", "reason", "postal_code",
                    "address"));

    private static List<String> applicationColumns(String... channelColumns) {
        List<String> columns = new ArrayList<>(List.of("application_id", "submitted_at", "payout_method",
                "bank_code", "branch_code", "account_type", "account_number", "yucho_symbol", "yucho_number",
                "account_holder_kana", "recipient_name", "postal_code", "address", "email", "phone"));
        columns.addAll(Arrays.asList(channelColumns));
        return columns;
    }

    @Test
    void everyFeedsHeaderIsItsDeclaredColumnsInOrder() {
        for (Feed feed : Feed.values()) {
            assertThat(feed.columns()).as(feed.id())
                    .isEqualTo(feed.layout().columns().stream().map(FeedColumn::name).toList())
                    .isEqualTo(HEADERS.get(feed));
            assertThat(feed.keyColumn()).as(feed.id()).isEqualTo(feed.columns().get(0));
        }
    }

    @Test
    void theInsertHasOnePlaceholderPerColumnAndBindsEachOnce() throws Exception {
        for (Feed feed : Feed.values()) {
            FeedLayout layout = feed.layout();
            String sql = layout.insertSql();
            String columnList = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
            List<String> sqlColumns = List.of(columnList.split(", "));
            long placeholders = sql.chars().filter(c -> c == '?').count();

            assertThat(sql).as(feed.id()).startsWith("INSERT INTO " + layout.table() + " (");
            assertThat(sqlColumns).as(feed.id()).startsWith(
                    layout.columns().stream().map(FeedColumn::sqlColumn).toArray(String[]::new));
            assertThat(sqlColumns).as(feed.id()).endsWith("content_hash", "ingested_on", "source_line");
            assertThat(placeholders).as(feed.id()).isEqualTo(sqlColumns.size());

            Map<Integer, Object> bound = bind(layout, new FeedRow(layout), LocalDate.of(2019, 10, 1));
            assertThat(bound.keySet()).as(feed.id()).hasSize(sqlColumns.size())
                    .containsExactlyElementsOf(rangeClosed(1, sqlColumns.size()));
        }
    }

    @Test
    void applicationsCarryTheirChannelAndTheNightsCleanUpKeepsToIt() throws Exception {
        FeedLayout web = Feed.APPLICATIONS_WEB.layout();
        assertThat(web.insertSql()).contains(", channel, content_hash, ingested_on, source_line)")
                .doesNotContain("member_id");
        assertThat(Feed.APPLICATIONS_APP.layout().insertSql()).contains("member_id").doesNotContain("birth_date");
        Map<Integer, Object> bound = bind(web, new FeedRow(web), LocalDate.of(2019, 10, 1));
        assertThat(bound.get(web.columns().size() + 1)).isEqualTo("WEB");

        assertThat(web.deleteSql()).isEqualTo("DELETE FROM application WHERE ingested_on = ? AND channel = ?");
        assertThat(web.deleteArguments(LocalDate.of(2019, 10, 1))).containsExactly(LocalDate.of(2019, 10, 1), "WEB");
        assertThat(Feed.MEMBERS.layout().deleteSql()).isEqualTo("DELETE FROM member WHERE ingested_on = ?");
    }

    /** PostgreSQL's COPY takes the insert's columns, as CSV: text quoted (an empty text is not NULL), absent values empty. */
    @Test
    void theCopyRowIsTheInsertsColumnsAsCsv() {
        FeedRow member = parsed(Feed.MEMBERS, "M1,山田 \"太\",太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,"
                + "100-0001,東京都千代田区,");
        FeedLayout layout = Feed.MEMBERS.layout();
        assertThat(layout.copySql()).isEqualTo("COPY member (" + layout.insertSql().substring(
                layout.insertSql().indexOf('(') + 1, layout.insertSql().indexOf(')')) + ") FROM STDIN (FORMAT csv)");

        StringBuilder csv = new StringBuilder();
        layout.appendCopyRow(csv, member, "ab".repeat(32), LocalDate.of(2019, 10, 1), 7);

        assertThat(csv).hasToString("\"M1\",\"山田 \"\"太\"\"\",\"太郎\",\"ヤマダ\",\"タロウ\",1980-04-01,\"t@example.jp\","
                + "\"090-1111-0001\",\"100-0001\",\"東京都千代田区\",," + "ab".repeat(32) + ",2019-10-01,7\n");
        FeedRow wallet = parsed(Feed.CLOSING_BALANCES, "W1,M1,12500,500,true");
        StringBuilder walletCsv = new StringBuilder();
        Feed.CLOSING_BALANCES.layout().appendCopyRow(walletCsv, wallet, "0".repeat(64), LocalDate.of(2019, 10, 1), 2);
        assertThat(walletCsv).startsWith("\"W1\",\"M1\",12500,500,true,");
    }

    @Test
    void aPlantedUnknownRuleFails() {
        assertThatThrownBy(() -> new ColumnRule<>("yen(decimal)", BigDecimal.class,
                (fields, column) -> new BigDecimal(fields.required(column))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule yen(decimal): no SQL column type for BigDecimal values");
    }

    @Test
    void aDeclarationWithoutKeyOrWithAColumnTwiceFails() {
        FeedColumn<String> id = FeedColumn.column("id", ColumnRule.IDENTIFIER);
        FeedColumn<String> name = FeedColumn.column("name", ColumnRule.REQUIRED);
        assertThatThrownBy(() -> FeedLayout.into("t").columns(id).build())
                .hasMessageContaining("t: no key column declared");
        assertThatThrownBy(() -> FeedLayout.into("t").columns(name).key(id))
                .hasMessageContaining("the key id must be the first column");
        assertThatThrownBy(() -> FeedLayout.into("t").key(id).columns(name, name).build())
                .hasMessageContaining("column name declared twice");
    }

    @Test
    void eachColumnIsReadByItsRuleAndTheFirstBrokenRuleRejectsTheRow() {
        FeedRow member = parsed(Feed.MEMBERS, "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,"
                + "100-0001,東京都千代田区,2019-07-02T10:00:00+09:00");
        assertThat(member.key()).isEqualTo("M1");
        assertThat(member.get(MemberColumns.BIRTH_DATE)).isEqualTo(LocalDate.of(1980, 4, 1));
        assertThat(member.get(MemberColumns.CONTACT_CHANGED_AT)).hasToString("2019-07-02T10:00+09:00");

        assertRejected(Feed.MEMBERS, "M1,山田,太郎,yamada,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,,",
                "INVALID_FORMAT family_name_kana family_name_kana 'yamada' is not katakana or hiragana");
        assertRejected(Feed.BANK_RETURNS, "R1,123,2019-10-07,12500,ACCOUNT_CLOSED,2019-10-03T08:00:00+09:00",
                "INVALID_FORMAT claim_no claim_no '123' is not 10 digits");
        assertRejected(Feed.IDENTITY_CHECKS, " C1,A1,2019-10-01T15:00:00+09:00,PASS,PASSPORT,R-1,",
                "INVALID_FORMAT check_id check_id ' C1' is not at most 40 printable ASCII characters without surrounding"
                        + " spaces");
    }

    @Test
    void theWalletsCrossFieldRuleComesBetweenItsColumns() {
        FeedRow wallet = parsed(Feed.CLOSING_BALANCES, "W1,M1,12500,500,true");
        assertThat(wallet.get(WalletColumns.BALANCE_YEN)).isEqualTo(12500L);
        assertThat(wallet.get(WalletColumns.COMPROMISED)).isTrue();

        assertRejected(Feed.CLOSING_BALANCES, "W1,M1,100,500,yes",
                "INVALID_FORMAT disputed_yen disputed_yen 500 is more than balance_yen 100");
        assertRejected(Feed.CLOSING_BALANCES, "W1,M1,500,100,yes",
                "INVALID_FORMAT compromised compromised 'yes' is not one of true, false");
    }

    @Test
    void aBankApplicationHasExactlyOneCompleteAccountAndTheOtherMethodsFieldsAreIgnored() {
        String tail = ",t@example.jp,090-1111-0001,M1";
        FeedRow bank = parsed(Feed.APPLICATIONS_APP,
                "A1,2019-10-01T09:15:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,山田,not-a-code,東京" + tail);
        assertThat(bank.get(ApplicationColumns.PAYOUT_METHOD)).isEqualTo(PayoutMethod.BANK);
        assertThat(bank.get(ApplicationColumns.ACCOUNT_NUMBER)).isEqualTo("1234567");
        assertThat(bank.get(MemberColumns.POSTAL_CODE)).isNull();
        assertThat(bank.get(ApplicationColumns.RECIPIENT_NAME)).isNull();

        FeedRow yucho = parsed(Feed.APPLICATIONS_APP,
                "A1,2019-10-01T09:15:00+09:00,BANK,,,,,10180,12345671,ヤマダ タロウ,,," + tail);
        assertThat(yucho.get(ApplicationColumns.YUCHO_NUMBER)).isEqualTo("12345671");
        assertThat(yucho.get(ApplicationColumns.BANK_CODE)).isNull();

        FeedRow postal = parsed(Feed.APPLICATIONS_APP,
                "A1,2019-10-01T09:15:00+09:00,POSTAL,xx,,,,,,,山田 太郎,100-0001,東京" + tail);
        assertThat(postal.get(ApplicationColumns.BANK_CODE)).isNull();
        assertThat(postal.get(MemberColumns.POSTAL_CODE)).isEqualTo("100-0001");

        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,BANK,12,001,1,1234567,10180,1,カナ,,,"
                + tail, "INVALID_FORMAT yucho_symbol both a bank account and a Japan Post Bank symbol/number are"
                + " given; exactly one is allowed");
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,BANK,,,,,,,カナ,,," + tail,
                "INVALID_FORMAT bank_code BANK payout without an account: give bank_code, branch_code,"
                        + " account_type, account_number or yucho_symbol, yucho_number");
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,BANK,12,,1,1234567,,,カナ,,," + tail,
                "INVALID_FORMAT branch_code partial account: branch_code is missing (bank_code, branch_code,"
                        + " account_type, account_number go together)");
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,BANK,12,001,1,1234567,,,カナ,,," + tail,
                "INVALID_FORMAT bank_code bank_code '12' is not 4 digits");
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,CASH,,,,,,,,,," + tail,
                "INVALID_FORMAT payout_method payout_method 'CASH' is not one of BANK, POSTAL");
        assertRejected(Feed.APPLICATIONS_WEB, "W1,2019-10-01T09:15:00+09:00,POSTAL,,,,,,,,山田,100-0001,東京,"
                + "t@example.jp,090,山田,太郎,yamada,タロウ,1980-02-30",
                "INVALID_FORMAT birth_date birth_date '1980-02-30' is not a date YYYY-MM-DD");
    }

    private static final long CEILING = 10_000_000L;
    /** The text limits of the real schema. */
    private static final ColumnLimits LIMITS = new ColumnLimits(jp.refund.MigratedDatabase.create());

    @Test
    void aTextLongerThanItsTableColumnIsARejectNamingTheField() {
        String tail = ",1980-04-01,t@example.jp,090-1111-0001,100-0001,東京,";
        assertThat(parsed(Feed.MEMBERS, "M1," + "山".repeat(200) + ",太郎,ヤマダ,タロウ" + tail)
                .get(MemberColumns.FAMILY_NAME)).hasSize(200);
        assertRejected(Feed.MEMBERS, "M1," + "山".repeat(201) + ",太郎,ヤマダ,タロウ" + tail,
                "INVALID_FORMAT family_name family_name is 201 characters long; at most 200 are kept");
        assertRejected(Feed.MEMBERS, "M1,山田,太郎,ヤマダ,タロウ,1980-04-01," + "e".repeat(310) + "@example.jp,"
                + "090-1111-0001,100-0001,東京,", "INVALID_FORMAT email email is 321 characters long; at most 320"
                + " are kept");
        assertRejected(Feed.IDENTITY_CHECKS, "C1,A1,2019-10-02T15:00:00+09:00,PASS,PASSPORT,R-1," + "n".repeat(2001),
                "INVALID_FORMAT note note is 2001 characters long; at most 2000 are kept");
        assertThat(LIMITS.of("member", "phone")).isEqualTo(40);
        assertThat(LIMITS.of("application", "address")).isEqualTo(1000);
    }

    @Test
    void keysAreVisibleAsciiAndNoTextCarriesANul() {
        for (String invisible : new String[]{"\uFEFF", "\u200D", "\u00A0", "\u200B", "\u202E", "\u0007"}) {
            String walletId = "W" + invisible + "1";
            assertRejected(Feed.CLOSING_BALANCES, walletId + ",M1,1000,0,false", "INVALID_FORMAT wallet_id wallet_id '"
                    + walletId + "' is not at most 40 printable ASCII characters without surrounding spaces");
        }
        assertRejected(Feed.BANK_RETURNS, "R\u200D1,1000000016,2019-11-18,1000,OTHER,2019-11-20T10:00:00+09:00",
                "INVALID_FORMAT return_id return_id 'R\u200D1' is not at most 40 printable ASCII characters without"
                        + " surrounding spaces");
        assertThat(parsed(Feed.CLOSING_BALANCES, "W-1_a.b,M1,1000,0,false").get(WalletColumns.WALLET_ID))
                .isEqualTo("W-1_a.b");
        assertRejected(Feed.MEMBERS, "M1,山\u0000田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,東京,",
                "INVALID_FORMAT family_name family_name contains a NUL character");
        // even in a column the row's payout method ignores
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,POSTAL,00\u00001,,,,,,,山田 太郎,100-0001,東京,"
                + "t@example.jp,090-1111-0001,M1", "INVALID_FORMAT bank_code bank_code contains a NUL character");
    }

    /**
     * Issue 38: a control character in a name or an address is no valid value (990 of them in an
     * address JSON-escaped past the notice's column and stopped the night): the row is rejected at
     * ingest naming the column, the value not shown.
     */
    @Test
    void aControlCharacterInANameOrAnAddressIsARejectNamingTheColumn() {
        String address = "\u0007".repeat(990) + "市1-1";
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,POSTAL,,,,,,,,山田 太郎,100-0001," + address
                + ",t@example.jp,090-1111-0001,M1", "INVALID_FORMAT address address contains a control character"
                + " (U+0007 at position 1); printable text only");
        assertRejected(Feed.MEMBERS, "M1,山田,太\u001B郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,東京,",
                "INVALID_FORMAT given_name given_name contains a control character (U+001B at position 2); printable"
                        + " text only");
        assertRejected(Feed.APPLICATIONS_APP, "A1,2019-10-01T09:15:00+09:00,POSTAL,,,,,,,,山田\u0085太郎,100-0001,東京,"
                + "t@example.jp,090-1111-0001,M1", "INVALID_FORMAT recipient_name recipient_name contains a control"
                + " character (U+0085 at position 3); printable text only");
        assertRejected(Feed.MEMBERS, "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,東京\t都,",
                "INVALID_FORMAT address address contains a control character (U+0009 at position 3); printable text"
                        + " only");
        // an address on two lines (a quoted field's line break) is an address
        assertThat(parsed(Feed.MEMBERS, "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,"
                + "東京都\r\n千代田区,").get(MemberColumns.ADDRESS)).isEqualTo("東京都\r\n千代田区");
    }

    @Test
    void anAmountAboveThePlausibleCeilingIsRejectedNamingItsColumn() {
        assertThat(parsed(Feed.CLOSING_BALANCES, "W1,M1,10000000,0,false").get(WalletColumns.BALANCE_YEN))
                .isEqualTo(10_000_000L);
        assertRejected(Feed.CLOSING_BALANCES, "W1,M1,99999999999,0,false", "INVALID_FORMAT balance_yen balance_yen"
                + " 99999999999 is above the plausible ceiling of 10000000 yen (refund.ingest.max-balance-yen)");
        assertRejected(Feed.CLOSING_BALANCES, "W1,M1,999999999999999,0,false", "INVALID_FORMAT balance_yen"
                + " balance_yen 999999999999999 is above the plausible ceiling of 10000000 yen"
                + " (refund.ingest.max-balance-yen)");
        assertRejected(Feed.BANK_RETURNS, "R1,1000000016,2019-11-18,10000001,OTHER,2019-11-20T10:00:00+09:00",
                "INVALID_FORMAT amount_yen amount_yen 10000001 is above the plausible ceiling of 10000000 yen"
                        + " (refund.ingest.max-balance-yen)");
    }

    private static FeedRecord record(Feed feed, String line) {
        List<String> fields = Arrays.asList(line.split(",", -1));
        return new FeedRecord(CsvHeader.of(feed.columns(), feed.columns()),
                new CsvRecord(2, fields, line, true, false, 1, null));
    }

    private static FeedRow parsed(Feed feed, String line) {
        ParsedRow row = new FeedRowParser(feed, CEILING, column -> LIMITS.of(feed.layout().table(), column.sqlColumn())).process(record(feed, line));
        assertThat(row.rejection()).as(() -> row.rejection().getMessage()).isNull();
        return row.row();
    }

    private static void assertRejected(Feed feed, String line, String expected) {
        RowRejection rejection = new FeedRowParser(feed, CEILING, column -> LIMITS.of(feed.layout().table(), column.sqlColumn())).process(record(feed, line)).rejection();
        assertThat(rejection).as(line).isNotNull();
        assertThat(rejection.reason() + " " + rejection.field() + " " + rejection.getMessage()).isEqualTo(expected);
    }

    /** Binds a row to a statement that records every parameter index and value. */
    private static Map<Integer, Object> bind(FeedLayout layout, FeedRow row, LocalDate runDate) throws Exception {
        Map<Integer, Object> bound = new TreeMap<>();
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(FeedColumnsTest.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set")) {
                        Object previous = bound.put((Integer) args[0],
                                method.getName().equals("setNull") ? "NULL" : args[1]);
                        assertThat(previous).as("parameter " + args[0] + " bound twice").isNull();
                    }
                    return null;
                });
        layout.bind(ps, row, "hash", runDate, 2);
        return bound;
    }

    private static List<Integer> rangeClosed(int from, int to) {
        List<Integer> range = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            range.add(i);
        }
        return range;
    }
}
