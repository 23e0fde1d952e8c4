package jp.refund.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import jp.refund.bankfile.ZenginDataRecord;
import jp.refund.bankfile.ZenginFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payout scheduling, bank files, returns and conservation over several nights, through the command line. */
class PayoutNightsIT {


    @TempDir
    Path root;

    /** Four members with wallets, delivered on the first night. */
    private NightlyHarness book(String firstNight, String... settings) {
        NightlyHarness h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
        for (String s : settings) {
            h.with(s);
        }
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        StringBuilder wallets = new StringBuilder(FeedHeaders.WALLETS);
        String[][] people = {{"M1", "ヤマダ", "タロウ"}, {"M2", "サトウ", "ハナコ"}, {"M3", "スズキ", "イチロウ"},
                {"M4", "タナカ", "ケンタ"}};
        for (int i = 0; i < people.length; i++) {
            members.append(people[i][0]).append(",山田,太郎,").append(people[i][1]).append(',').append(people[i][2])
                    .append(",1980-04-0").append(i + 1).append(",m").append(i + 1).append("@example.jp,090-0000-000")
                    .append(i + 1).append(",100-0001,東京都千代田区千代田1-1,\n");
            wallets.append('W').append(i + 1).append(',').append(people[i][0]).append(',').append(1000 * (i + 1))
                    .append(",0,false\n");
        }
        h.write(firstNight, "members.csv", members.toString());
        h.write(firstNight, "closing_balances.csv", wallets.toString());
        return h;
    }

    private static String bankApp(String id, String submittedAt, String memberId, String account, String holder) {
        return id + "," + submittedAt + ",BANK,0001,001,1," + account + ",,," + holder + ",,,,x@example.jp,090-0000-0000,"
                + memberId + "\n";
    }

    private static void ok(NightlyHarness.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private static ZenginFile bankFile(NightlyHarness h, String night, String name) throws Exception {
        return ZenginFile.parse(Files.readAllBytes(h.output().resolve(night).resolve("bank").resolve(name)));
    }

    @Test
    void valueDatesSkipTheYearEndBankHolidaysAndComingOfAgeDay() throws Exception {
        NightlyHarness h = book("2019-12-27");
        h.write("2019-12-27", "applications_app.csv", FeedHeaders.APP + bankApp("A1", "2019-12-27T09:00:00+09:00", "M1", "1111111", "ﾔﾏﾀﾞ ﾀﾛｳ"));
        h.write("2020-01-10", "applications_app.csv", FeedHeaders.APP + bankApp("A2", "2020-01-10T09:00:00+09:00", "M2", "2222222", "ｻﾄｳ ﾊﾅｺ"));

        ok(h.run("nightly"));

        // Friday 2019-12-27: Mon 12-30 is a business day, 12-31..01-03 bank holidays, then the weekend: 2020-01-06
        ZenginFile yearEnd = bankFile(h, "2019-12-27", "SOGOFURI-20200106.txt");
        assertThat(yearEnd.header().valueDateMmdd()).isEqualTo("0106");
        // Friday 2020-01-10: weekend, Monday 01-13 Coming-of-Age Day: 01-14, 01-15
        ZenginFile comingOfAge = bankFile(h, "2020-01-10", "SOGOFURI-20200115.txt");
        assertThat(comingOfAge.transfers()).extracting(ZenginDataRecord::customerCode1).containsExactly("1000000024");
        assertThat(h.rows("SELECT application_id, status, payout_date FROM claim ORDER BY claim_no")).containsExactly(
                List.of("A1", "SCHEDULED", "2020-01-06"), List.of("A2", "SCHEDULED", "2020-01-15"));
    }

    @Test
    void webClaimsApprovedInDecemberWaitForTheWebFirstPayoutDate() throws Exception {
        NightlyHarness h = book("2019-12-02");
        h.write("2019-12-02", "applications_web.csv", FeedHeaders.WEB + "B1,2019-12-02T09:00:00+09:00,BANK,0001,001,1,3333333,,,"
                + "ﾔﾏﾀﾞ ﾀﾛｳ,,,,m1@example.jp,090-9999-9999,山田,太郎,ヤマダ,タロウ,1980-04-01\n");
        h.write("2019-12-03", "identity_checks.csv", FeedHeaders.CHECKS + "C1,B1,2019-12-03T10:00:00+09:00,PASS,PASSPORT,R-1,\n");
        h.write("2020-01-22", "identity_checks.csv", FeedHeaders.CHECKS);
        h.write("2020-01-23", "identity_checks.csv", FeedHeaders.CHECKS);

        ok(h.run("nightly"));

        assertThat(h.rows("SELECT status, approved_on FROM claim")).containsExactly(List.of("SCHEDULED", "2019-12-03"));
        // 2020-01-22: value date 01-24 is before 01-27, nothing is paid; 2020-01-23: value date 01-27
        assertThat(h.output().resolve("2019-12-03/bank")).doesNotExist();
        assertThat(h.output().resolve("2020-01-22/bank")).doesNotExist();
        assertThat(bankFile(h, "2020-01-23", "SOGOFURI-20200127.txt").trailer().totalYen()).isEqualTo(1000);
        assertThat(h.read("2020-01-22/reports/reconciliation.csv")).contains("APPROVED_UNSCHEDULED,1,1000");
    }

    @Test
    void overCapacityClaimsWaitInApprovalOrderAndANightForTheSameValueDateCountsWhatIsScheduled() throws Exception {
        NightlyHarness h = book("2019-11-15", "--refund.schedule.bank-capacity-per-day=2");
        // approvals: A3 and A1 on the first night (A3 decided first: submitted first), A2 on the next
        h.write("2019-11-15", "applications_app.csv", FeedHeaders.APP
                + bankApp("A1", "2019-11-14T10:00:00+09:00", "M1", "1111111", "ﾔﾏﾀﾞ ﾀﾛｳ")
                + bankApp("A3", "2019-11-14T09:00:00+09:00", "M3", "3333333", "ｽｽﾞｷ ｲﾁﾛｳ")
                + bankApp("A4", "2019-11-14T11:00:00+09:00", "M4", "4444444", "ﾀﾅｶ ｹﾝﾀ"));
        h.write("2019-11-16", "applications_app.csv", FeedHeaders.APP
                + bankApp("A2", "2019-11-16T09:00:00+09:00", "M2", "2222222", "ｻﾄｳ ﾊﾅｺ"));
        h.write("2019-11-18", "identity_checks.csv", FeedHeaders.CHECKS);

        ok(h.run("nightly"));

        // Friday 11-15 -> value date Tue 11-19: the two oldest approvals (A3, A1), A4 waits
        assertThat(bankFile(h, "2019-11-15", "SOGOFURI-20191119.txt").transfers())
                .extracting(ZenginDataRecord::customerCode1).containsExactly("1000000016", "1000000024");
        // Saturday 11-16 -> value date 11-19 again, already full: no file
        assertThat(h.output().resolve("2019-11-16/bank")).doesNotExist();
        // Monday 11-18 -> value date 11-20: A4 (approved 11-15) before A2 (approved 11-16)
        assertThat(bankFile(h, "2019-11-18", "SOGOFURI-20191120.txt").transfers())
                .extracting(ZenginDataRecord::customerCode1).containsExactly("1000000032", "1000000040");
        assertThat(h.rows("SELECT claim_no, application_id FROM claim ORDER BY claim_no")).containsExactly(
                List.of("1000000016", "A3"), List.of("1000000024", "A1"), List.of("1000000032", "A4"),
                List.of("1000000040", "A2"));
    }

    @Test
    void aReturnedTransferMakesTheMoneyRefundableAgainAndAFreshApplicationIsPaid() throws Exception {
        NightlyHarness h = book("2019-11-13");
        h.write("2019-11-13", "applications_app.csv", FeedHeaders.APP + bankApp("A1", "2019-11-13T09:00:00+09:00", "M1", "1111111", "ﾔﾏﾀﾞ ﾀﾛｳ"));
        h.write("2019-11-20", "bank_returns.csv", FeedHeaders.RETURNS
                + "R1,1000000016,2019-11-15,1000,ACCOUNT_CLOSED,2019-11-20T09:00:00+09:00\n"
                + "R2,1000000016,2019-11-15,1000,OTHER,2019-11-20T09:05:00+09:00\n");
        h.write("2019-11-21", "applications_app.csv", FeedHeaders.APP + bankApp("A2", "2019-11-21T09:00:00+09:00", "M1", "7777777", "ﾔﾏﾀﾞ ﾀﾛｳ"));

        ok(h.run("nightly"));

        assertThat(h.read("2019-11-13/reports/reconciliation.csv")).contains("EMITTED_BANK,1,1000");
        assertThat(h.read("2019-11-20/reports/claim-events.csv")).contains(
                "2019-11-20,1000000016,A1,APP,M1,RETURNED,ACCOUNT_CLOSED,1000,BANK,2019-11-15,SOGOFURI-20191115.txt");
        assertThat(h.read("2019-11-20/rejects/bank_returns.csv")).contains("3,UNMATCHED_RETURN,claim_no,"
                + "the transfer of claim 1000000016 was already returned");
        assertThat(h.read("2019-11-20/reports/reconciliation.csv")).contains("EMITTED_BANK,0,0", "UNCLAIMED,4,10000");
        assertThat(h.read("2019-11-21/reports/claim-events.csv")).contains(
                "2019-11-21,1000000024,A2,APP,M1,APPROVED,,1000,BANK,,",
                "2019-11-21,1000000024,A2,APP,M1,SCHEDULED,,1000,BANK,2019-11-25,SOGOFURI-20191125.txt");
        assertThat(bankFile(h, "2019-11-21", "SOGOFURI-20191125.txt").transfers().get(0).accountNumber())
                .isEqualTo("7777777");
    }

    @Test
    void aReturnMustMatchTheTransfersValueDateAndAmount() {
        NightlyHarness h = book("2019-11-13");
        h.write("2019-11-13", "applications_app.csv", FeedHeaders.APP + bankApp("A1", "2019-11-13T09:00:00+09:00", "M1", "1111111", "ﾔﾏﾀﾞ ﾀﾛｳ"));
        h.write("2019-11-20", "bank_returns.csv", FeedHeaders.RETURNS
                + "R1,1000000016,2019-11-18,1000,ACCOUNT_CLOSED,2019-11-20T09:00:00+09:00\n"
                + "R2,1000000016,2019-11-15,999,ACCOUNT_CLOSED,2019-11-20T09:00:00+09:00\n"
                + "R3,1000000024,2019-11-15,1000,ACCOUNT_CLOSED,2019-11-20T09:00:00+09:00\n");

        ok(h.run("nightly"));

        assertThat(h.read("2019-11-20/rejects/bank_returns.csv")).contains(
                "2,UNMATCHED_RETURN,value_date,\"the transfer of claim 1000000016 has value date 2019-11-15, not 2019-11-18\"",
                "3,UNMATCHED_RETURN,amount_yen,\"the transfer of claim 1000000016 was 1000 yen, not 999\"",
                "4,UNMATCHED_RETURN,claim_no,no bank transfer was emitted for claim 1000000024");
        assertThat(h.rows("SELECT status FROM claim")).containsExactly(List.of("SCHEDULED"));
    }

    @Test
    void postalClaimsGetACertificateNumberAndAValidUntilDate() {
        NightlyHarness h = book("2019-12-27");
        h.write("2019-12-27", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-12-27T09:00:00+09:00,POSTAL,,,,,,,,山田 太郎,100-0001,東京都千代田区千代田1-1,x@example.jp,090,M1\n");

        ok(h.run("nightly"));

        // issue date: the first business day after Friday 12-27 is Monday 12-30; valid six months, to 2020-06-30
        assertThat(h.rows("SELECT status, payout_date, certificate_no, reference, valid_until FROM claim"))
                .containsExactly(List.of("SCHEDULED", "2019-12-30", "P1000000016", "P1000000016", "2020-06-30"));
        assertThat(h.read("2019-12-27/reports/reconciliation.csv")).contains("ISSUED_CERTIFICATE,1,1000");
    }

    @Test
    void aBookThatDoesNotBalanceStopsTheNightBeforeAnyFileIsWritten() throws Exception {
        NightlyHarness h = book("2019-11-13");
        h.write("2019-11-13", "applications_app.csv", FeedHeaders.APP + bankApp("A1", "2019-11-13T09:00:00+09:00", "M1", "1111111", "ﾔﾏﾀﾞ ﾀﾛｳ"));
        h.write("2019-11-14", "identity_checks.csv", FeedHeaders.CHECKS);
        ok(h.run("nightly", "--date=2019-11-13"));
        try (var c = h.connect(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE claim SET amount_yen = amount_yen + 1");  // a yen appears from nowhere
        }

        NightlyHarness.Result result = h.run("nightly", "--date=2019-11-14");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("the book does not balance: DIFFERENCE is 0 wallet(s), -1 yen");
        assertThat(h.output().resolve("2019-11-14")).doesNotExist();
    }
}
