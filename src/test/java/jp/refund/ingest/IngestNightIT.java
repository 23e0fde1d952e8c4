package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Ingest through the real command line: rejects, skips, charsets, and what a broken file does. */
class IngestNightIT {

    private static final Path FIXTURES = Path.of("src/test/resources/jp/refund/ingest/reject-reasons");

    @TempDir
    Path root;

    /** Small fixture files: the reject ratio is not what these tests are about. */
    private NightlyHarness harness() {
        return new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
    }

    /**
     * The night of 2019-10-01 published by {@code h} equals a first clean run of its input as it
     * is now, on a fresh database with the settings of {@code like} (a harness on another root).
     */
    private void assertSameAsAFirstCleanRun(NightlyHarness h, NightlyHarness like) {
        NightlyHarness clean = like.movedTo(root.resolve("clean"));
        clean.night("2019-10-01", h.input().resolve("2019-10-01"));
        assertThat(clean.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        assertThat(NightlyHarness.tree(h.output().resolve("2019-10-01")))
                .isEqualTo(NightlyHarness.tree(clean.output().resolve("2019-10-01")));
    }

    /** members.csv with 20 well-formed members, M1 to M20; the first {@code badPostal} have an invalid postal code. */
    private static StringBuilder twentyMembers(int badPostal) {
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        for (int i = 1; i <= 20; i++) {
            members.append("M").append(i).append(",山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,")
                    .append(i <= badPostal ? "BAD" : "100-0001").append(",東京都千代田区千代田1-1,\n");
        }
        return members;
    }

    @Test
    void everyRejectReasonLandsInTheRejectsFileWithLineFieldAndRaw() {
        NightlyHarness h = harness();
        h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        h.write("2019-10-01", "applications_web.csv", webFileWithInvalidBytes());

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-01/rejects/members.csv")).isEqualTo("""
                line_number,reason,field,message,raw
                4,WRONG_COLUMN_COUNT,,"expected 11 fields as in the header, found 9","M3,鈴木,一郎,スズキ,イチロウ,1990-01-15,ichiro@example.jp,080-2222-0003,530-0001"
                5,MISSING_FIELD,family_name,family_name is required,"M4,,次郎,スズキ,ジロウ,1990-01-15,jiro@example.jp,080-2222-0004,530-0001,大阪府大阪市北区梅田1-1-1,"
                6,INVALID_FORMAT,postal_code,"postal_code '12-34567' is not 7 digits, 123-4567 allowed","M5,高橋,美咲,タカハシ,ミサキ,1988-07-07,misaki@example.jp,070-3333-0005,12-34567,愛知県名古屋市中区栄3-4-5,"
                7,CONFLICTING_DUPLICATE,member_id,member_id M1 was delivered before with different content,"M1,山田,太郎,ヤマダ,タロウ,1980-04-01,another@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,"
                9,INVALID_FORMAT,contact_changed_at,"contact_changed_at '2019-07-02 10:00' is not an ISO-8601 timestamp with offset, e.g. 2019-10-01T09:15:00+09:00","M6,伊藤,翔,イトウ,ショウ,1995-11-11,sho@example.jp,090-6666-0006,810-0001,福岡県福岡市中央区天神2-2-2,2019-07-02 10:00"
                """);
        assertThat(reasons(h, "closing_balances")).containsExactly("3 CONFLICTING_DUPLICATE member_id",
                "4 INVALID_FORMAT compromised", "5 INVALID_FORMAT balance_yen");
        assertThat(reasons(h, "applications_app")).containsExactly("3 INVALID_FORMAT account_type",
                "4 INVALID_FORMAT submitted_at");
        assertThat(reasons(h, "applications_web")).containsExactly("3 INVALID_ENCODING ");
        assertThat(h.read("2019-10-01/rejects/applications_web.csv")).contains("\\x82\\xA0");
        assertThat(reasons(h, "identity_checks")).containsExactly("3 UNKNOWN_APPLICATION application_id",
                "4 INVALID_FORMAT document_type");
        assertThat(reasons(h, "bank_returns")).containsExactly("2 UNMATCHED_RETURN claim_no");

        assertThat(h.read("2019-10-01/reports/ingest-summary.csv")).isEqualTo("""
                feed,file,rows_read,accepted,skipped,rejected
                members,members.csv,8,2,1,5
                closing_balances,closing_balances.csv,4,1,0,3
                applications_app,applications_app.csv,3,1,0,2
                applications_web,applications_web.csv,2,1,0,1
                identity_checks,identity_checks.csv,3,1,0,2
                bank_returns,bank_returns.csv,1,0,0,1
                confirmations,,0,0,0,0
                certificate_redemptions,,0,0,0,0
                certificate_reissues,,0,0,0,0
                """);
        assertThat(h.count("SELECT COUNT(*) FROM member")).isEqualTo(2);
        assertThat(h.rows("SELECT email FROM member WHERE member_id = 'M1'")).containsExactly(List.of("taro@example.jp"));
    }

    /** Line 3 holds Shift_JIS bytes in a UTF-8 feed: never decoded into something else. */
    private static byte[] webFileWithInvalidBytes() {
        String header = "application_id,submitted_at,payout_method,bank_code,branch_code,account_type,account_number,"
                + "yucho_symbol,yucho_number,account_holder_kana,recipient_name,postal_code,address,email,phone,"
                + "family_name,given_name,family_name_kana,given_name_kana,birth_date\n";
        String good = "W1,2019-10-01T13:00:00+09:00,POSTAL,,,,,,,,山本 優子,330-0853,埼玉県さいたま市,y@example.jp,"
                + "090-1313-0012,山本,優子,ヤマモト,ユウコ,1985-10-10\n";
        String bad = "W2,2019-10-01T13:10:00+09:00,POSTAL,,,,,,,,X,330-0853,埼玉県さいたま市,y@example.jp,"
                + "090-1313-0012,山本,優子,ヤマモト,";
        byte[] sjisKana = "あ".getBytes(Charset.forName("windows-31j")); // 0x82 0xA0
        byte[] tail = ",1985-10-10\n".getBytes(StandardCharsets.UTF_8);
        byte[] head = (header + good + bad).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + sjisKana.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(sjisKana, 0, all, head.length, sjisKana.length);
        System.arraycopy(tail, 0, all, head.length + sjisKana.length, tail.length);
        return all;
    }

    private static List<String> reasons(NightlyHarness h, String feed) {
        return h.read("2019-10-01/rejects/" + feed + ".csv").lines().skip(1)
                .map(line -> line.split(",", 4))
                .map(p -> p[0] + " " + p[1] + " " + p[2])
                .toList();
    }

    /** Member ids are exact, and the registry never has two that differ only in case: the twin is rejected. */
    @Test
    void aMemberIdDifferingFromAKnownOneOnlyInLetterCaseIsRejectedThatNightAndLater() throws Exception {
        NightlyHarness h = harness();
        Path night = h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        String twin = "m2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,09011110002,1500001,東京都渋谷区神宮前1-2-3,\n";
        h.write("2019-10-01", "members.csv", java.nio.file.Files.readString(night.resolve("members.csv")) + twin);
        h.write("2019-10-02", "members.csv", FeedHeaders.MEMBERS + twin.replace("m2,", "m1,"));

        NightlyHarness.Result result = h.run("nightly");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-01/rejects/members.csv"))
                .contains("10,CONFLICTING_DUPLICATE,member_id,member_id m2 differs only in letter case from member M2");
        assertThat(h.read("2019-10-02/rejects/members.csv"))
                .contains("2,CONFLICTING_DUPLICATE,member_id,member_id m1 differs only in letter case from member M1");
        assertThat(h.count("SELECT COUNT(*) FROM member WHERE UPPER(member_id) IN ('M1', 'M2')")).isEqualTo(2);
    }

    @Test
    void aRowSeenOnAnEarlierNightIsSkippedWhateverItsColumnOrderAndAKeyReusedAcrossChannelsConflicts() {
        NightlyHarness h = harness();
        h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        h.night("2019-10-02", FIXTURES.resolve("2019-10-02"));

        NightlyHarness.Result result = h.run("nightly");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-02/reports/ingest-summary.csv")).contains(
                "members,members.csv,1,0,1,0", "applications_web,applications_web.csv,1,0,0,1");
        assertThat(h.read("2019-10-02/rejects/applications_web.csv"))
                .contains("2,CONFLICTING_DUPLICATE,application_id,application_id A1 was delivered before");
    }

    @Test
    void aWindows31jFeedIsReadAsTheSameRowsAsItsUtf8TwinAndAUtf8BomIsIgnored() {
        NightlyHarness h = harness().with("--refund.feeds.members.charset=windows-31j");
        String rows = FeedHeaders.MEMBERS
                + "M1,髙橋,美咲,タカハシ,ミサキ,1988-07-07,misaki@example.jp,070-3333-0004,460-0008,愛知県名古屋市中区栄３丁目①,\r\n";
        h.write("2019-10-01", "members.csv", rows.getBytes(Charset.forName("windows-31j")));

        NightlyHarness.Result first = h.run("nightly", "--date=2019-10-01");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(h.rows("SELECT family_name, address FROM member"))
                .containsExactly(List.of("髙橋", "愛知県名古屋市中区栄３丁目①"));

        NightlyHarness utf8 = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
        h.write("2019-10-02", "members.csv", ("\uFEFF" + rows.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8));
        NightlyHarness.Result second = utf8.run("nightly", "--date=2019-10-02");

        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(utf8.read("2019-10-02/reports/ingest-summary.csv")).contains("members,members.csv,1,0,1,0");
    }

    @Test
    void aBadHeaderStopsTheNightLeavesNothingBehindAndTheFixedFileRunsLikeAFirstRun() throws Exception {
        NightlyHarness h = harness();
        h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        Path checks = h.input().resolve("2019-10-01/identity_checks.csv");
        String good = Files.readString(checks);
        Files.writeString(checks, good.replace("reviewer_id", "reviewer"));

        NightlyHarness.Result broken = h.run("nightly", "--date=2019-10-01");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stderr().strip()).startsWith("error: identity_checks.csv line 1")
                .contains("unknown column 'reviewer'").contains("missing column 'reviewer_id'")
                .doesNotContain("\n");
        assertThat(Files.exists(h.output().resolve("2019-10-01"))).isFalse();
        for (String table : List.of("member", "wallet", "application", "identity_check", "bank_return",
                "ingest_reject", "ingest_count", "night", "claim")) {
            assertThat(h.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }

        Files.writeString(checks, good);
        NightlyHarness.Result fixed = h.run("nightly", "--date=2019-10-01");
        assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();

        assertSameAsAFirstCleanRun(h, harness());
    }

    /** Values longer than their table column are rejects naming the field; the night goes on. */
    @Test
    void aValueLongerThanItsColumnIsARejectNamingTheFieldNotAFailedChunk() throws Exception {
        NightlyHarness h = harness();
        Path night = h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        Files.writeString(night.resolve("members.csv"), Files.readString(night.resolve("members.csv"))
                + "M9," + "長".repeat(201) + ",太郎,ナガ,タロウ,1980-04-01,n@example.jp,090-1111-0009,100-0001,東京,\n"
                + "M10,山田,花子,ヤマダ,ハナコ,1980-04-01,h@example.jp," + "0".repeat(44) + ",100-0001,東京,\n");

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(reasons(h, "members")).contains("10 INVALID_FORMAT family_name", "11 INVALID_FORMAT phone");
    }

    /** A 40,000-character line is rejected whole into the CSV and cut in the workbook: the night publishes. */
    @Test
    void aHugeRejectedLineIsKeptWholeInTheRejectsFileAndCutInTheWorkbook() throws Exception {
        NightlyHarness h = harness();
        Path night = h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        String huge = "x".repeat(40_000);
        Files.writeString(night.resolve("members.csv"), Files.readString(night.resolve("members.csv")) + huge + "\n");

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-01/rejects/members.csv")).contains(",WRONG_COLUMN_COUNT,,").contains(huge);
        try (var in = Files.newInputStream(h.output().resolve("2019-10-01/reports/audit-2019-10-01.xlsx"));
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheet("Rejected rows");
            boolean cut = false;
            for (var row : sheet) {
                for (var cell : row) {
                    String text = cell.toString();
                    cut |= text.startsWith("xxxx") && text.endsWith("[cut: 40000 characters; whole in the CSV file]");
                }
            }
            assertThat(cut).as("the huge line's cell, cut").isTrue();
        }
    }

    /** A members.csv that is there but cannot be read as a file stops the night; it is not "no members tonight". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a link to an unmounted share", "a FIFO no one writes", "a folder"})
    void aFeedPathThatIsNotARegularFileStopsTheNightAndTheFixedFileRunsLikeAFirstRun(String what) throws Exception {
        NightlyHarness h = harness();
        Path night = h.night("2019-10-01", FIXTURES.resolve("2019-10-01"));
        Path members = night.resolve("members.csv");
        Path good = root.resolve("members.csv");
        Files.move(members, good);
        switch (what) {
            case "a link to an unmounted share" -> Files.createSymbolicLink(members, root.resolve("mnt/share/members.csv"));
            case "a FIFO no one writes" -> assertThat(new ProcessBuilder("mkfifo", members.toString()).start().waitFor())
                    .isZero();
            default -> Files.createDirectory(members);
        }

        NightlyHarness.Result broken = h.run("nightly", "--date=2019-10-01");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stderr().strip()).startsWith("error: " + members).doesNotContain("\n");
        assertThat(Files.exists(h.output().resolve("2019-10-01"))).isFalse();
        for (String table : List.of("member", "wallet", "application", "ingest_count", "night", "claim")) {
            assertThat(h.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }

        Files.delete(members);
        Files.move(good, members);
        assertThat(h.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        assertSameAsAFirstCleanRun(h, harness());
    }

    @Test
    void aFeedRejectedBeyondTheRatioIsABrokenExportAndNothingOfTheNightIsKept() {
        NightlyHarness h = new NightlyHarness(root); // default ratio 0.05 over files of 20 rows or more
        StringBuilder members = twentyMembers(2);
        h.write("2019-10-01", "members.csv", members.toString());

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("members.csv: 2 of 20 rows rejected (10.0%, more than the allowed 5.0%)");
        assertThat(h.count("SELECT COUNT(*) FROM member")).isZero();
        assertThat(Files.exists(h.output().resolve("2019-10-01"))).isFalse();

        NightlyHarness.Result tolerant = h.with("--refund.ingest.max-reject-ratio=0.10").run("nightly",
                "--date=2019-10-01");
        assertThat(tolerant.exitCode()).as(tolerant.stderr()).isZero();
        assertThat(h.read("2019-10-01/reports/ingest-summary.csv")).contains("members,members.csv,20,18,0,2");
    }

    private static final Path SAMPLE_NIGHT = Path.of("input/2019-10-01");

    /**
     * An unterminated quote on line 11 of members.csv would swallow the records after it into one
     * rejected row (10 read, 1 rejected: under the ratio's minimum): the night stops naming the
     * line, keeps nothing, and the repaired file runs as a first run would.
     */
    @Test
    void aQuoteRunningPastItsLineStopsTheNightAndTheRepairedFileRunsLikeAFirstRun() throws Exception {
        NightlyHarness h = new NightlyHarness(root);
        Path night = h.night("2019-10-01", SAMPLE_NIGHT);
        Path members = night.resolve("members.csv");
        List<String> good = Files.readAllLines(members);
        List<String> damaged = new java.util.ArrayList<>(good);
        String line11 = good.get(10);
        int comma = line11.indexOf(',');
        damaged.set(10, line11.substring(0, comma) + ",\"" + line11.substring(comma + 1));
        Files.write(members, damaged);

        NightlyHarness.Result broken = h.run("nightly", "--date=2019-10-01");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stderr().strip()).startsWith("error: members.csv line 11: a quoted field opened on this"
                + " line runs on into line 12, which reads as a record of its own").doesNotContain("\n");
        assertThat(broken.stdout()).doesNotContain("\tat ").doesNotContain("Exception");
        for (String table : List.of("member", "wallet", "application", "ingest_count", "night", "claim")) {
            assertThat(h.count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(Files.exists(h.output().resolve("2019-10-01"))).isFalse();

        Files.write(members, good);
        assertThat(h.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        assertSameAsAFirstCleanRun(h, new NightlyHarness(root));
    }

    /**
     * A quote closed inside a field ({@code "加"藤}) is a stray quote, not an opening one (issue 38):
     * that row is rejected naming its column and line, and the rest of the file is read on.
     * Until then it ran into line 12 and stopped the night like an unterminated quote.
     */
    @Test
    void aQuoteClosedInsideAFieldIsOneRejectedRowAndTheNightReadsOn() throws Exception {
        NightlyHarness h = harness(); // the sample's 25 members already have one reject (M0025's birth date)
        Path members = h.night("2019-10-01", SAMPLE_NIGHT).resolve("members.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(members));
        String line11 = lines.get(10);
        int comma = line11.indexOf(',');
        lines.set(10, line11.substring(0, comma) + ",\"" + line11.substring(comma + 1, comma + 2) + "\""
                + line11.substring(comma + 2));
        Files.write(members, lines);

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(reasons(h, "members")).contains("11 INVALID_FORMAT family_name");
        assertThat(h.read("2019-10-01/rejects/members.csv")).contains("a stray quote in field 2 (family_name) on"
                + " line 11: a quote may only enclose a whole field, doubled inside it (RFC 4180)");
        assertThat(h.read("2019-10-01/reports/ingest-summary.csv")).contains("members,members.csv,25,23,0,2");
    }

    /**
     * A two-line address is stored with LF whether the file gave CRLF or LF inside the quoted
     * field: delivered again the next night from a CRLF export, the member is the same row
     * (skipped), as SPEC section 3's "same content whatever the line endings" asks.
     */
    @Test
    void aQuotedLineBreakIsStoredAsLfAndACrlfRedeliveryIsTheSameRow() {
        NightlyHarness h = harness();
        String member = "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,\"東京都千代田区<EOL>千代田1-1\",<EOL>";
        h.write("2019-10-01", "members.csv", (FeedHeaders.MEMBERS + member).replace("<EOL>", "\n"));
        h.write("2019-10-02", "members.csv", (FeedHeaders.MEMBERS.replace("\n", "\r\n") + member)
                .replace("<EOL>", "\r\n"));

        assertThat(h.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        assertThat(h.run("nightly", "--date=2019-10-02").exitCode()).isZero();

        assertThat(h.rows("SELECT address FROM member")).containsExactly(List.of("東京都千代田区\n千代田1-1"));
        assertThat(h.read("2019-10-02/reports/ingest-summary.csv")).contains("members,members.csv,1,0,1,0");
    }

    /**
     * The reject ratio counts rows, as SPEC section 3 says (rejected ÷ rows read), not the physical
     * lines they span. A quote left open at the end of the file is one rejected row of 21 (4.8%),
     * though it spans 4 of the file's 24 lines: the night publishes. (Until issue 38 the ratio also
     * counted lines and stopped this night; the SPEC decides.)
     */
    @Test
    void theRejectRatioCountsRowsNotThePhysicalLinesARejectedRowSpans() {
        NightlyHarness h = new NightlyHarness(root); // default ratio 0.05 over files of 20 rows or more
        StringBuilder members = twentyMembers(0);
        members.append("M21,\"山田\nthe rest\nof a broken\nexport\n");
        h.write("2019-10-01", "members.csv", members.toString());

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-01");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-01/reports/ingest-summary.csv")).contains("members,members.csv,21,20,0,1");
        assertThat(h.read("2019-10-01/rejects/members.csv"))
                .contains("\n22,INVALID_FORMAT,,a quoted field is never closed,\"M21,\"\"山田\nthe rest\nof a broken");
    }

    /**
     * A CR-only file reads as one header line holding every member: the error is one short line
     * on stderr without anyone's name, e-mail or phone; the stack trace is in the log file only.
     */
    @Test
    void aFailureIsOneLineOnStderrWithoutPersonalDataAndTheStackTraceGoesToTheLogFile() throws Exception {
        NightlyHarness h = new NightlyHarness(root);
        Path night = h.night("2019-10-01", SAMPLE_NIGHT);
        Path members = night.resolve("members.csv");
        String text = Files.readString(members);
        Files.writeString(members, text.replace("\r\n", "\r").replace("\n", "\r"));

        NightlyHarness.Result broken = h.run("nightly", "--date=2019-10-01");

        assertThat(broken.exitCode()).isEqualTo(1);
        String error = broken.stderr().strip();
        assertThat(error).startsWith("error: members.csv line 1: not a members header").doesNotContain("\n")
                .endsWith("(details in " + h.logFile() + ")");
        assertThat(error.length()).isLessThan(700);
        for (String personal : List.of("山田", "taro.yamada", "@example.jp", "090-1111-0001", "東京都")) {
            assertThat(error).as("error line").doesNotContain(personal);
        }
        assertThat(broken.stdout()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(Files.readString(h.logFile())).contains("nightly failed").contains("\tat jp.refund.");
    }
}
