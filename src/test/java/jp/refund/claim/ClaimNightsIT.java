package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims over several nights, through the real command line. */
class ClaimNightsIT {


    @TempDir
    Path root;

    private static void book(NightlyHarness h) {
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS
                + "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,taro@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n"
                + "M2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,090-2222-0002,150-0001,東京都渋谷区神宮前1-2-3,\n");
        h.write("2019-10-01", "closing_balances.csv", FeedHeaders.WALLETS + "W1,M1,12500,0,false\nW2,M2,30000,1000,false\n"
                + "W3,M3,7000,0,false\n");
        // B1 (09:30 JST, written in UTC) was submitted before A1 (10:00 JST): B1 is decided first.
        h.write("2019-10-01", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-10-01T10:00:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,taro@example.jp,090-1111-0001,M1\n"
                + "A2,2019-10-01T11:00:00+09:00,BANK,0005,001,1,7654321,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n"
                + "A3,2019-10-01T11:30:00+09:00,POSTAL,,,,,,,,山田 三郎,100-0001,東京都千代田区千代田1-1,s@example.jp,090-3333-0003,M3\n"
                + "A4,2019-10-01T12:00:00+09:00,BANK,0005,001,1,7654321,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n");
        h.write("2019-10-01", "applications_web.csv", FeedHeaders.WEB
                + "B1,2019-10-01T00:30:00Z,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,TARO@example.jp,03-0000-0000,"
                + "山田,太郎,やまだ,たろう,1980-04-01\n");
        h.write("2019-10-02", "members.csv", FeedHeaders.MEMBERS
                + "M3,山田,三郎,ヤマダ,サブロウ,1985-05-05,s@example.jp,090-3333-0003,100-0001,東京都千代田区千代田1-1,\n");
        h.write("2019-10-02", "identity_checks.csv", FeedHeaders.CHECKS
                + "C1,B1,2019-10-02T15:00:00+09:00,PASS,DRIVERS_LICENSE,R-1,\n"
                + "C2,A2,2019-10-02T15:05:00+09:00,PASS,PASSPORT,R-1,\n");
        h.write("2019-10-03", "identity_checks.csv", FeedHeaders.CHECKS
                + "C3,B1,2019-10-03T09:00:00+09:00,FAIL,PASSPORT,R-2,second look\n");
        h.write("2019-10-03", "applications_web.csv", FeedHeaders.WEB
                + "B2,2019-10-03T10:00:00+09:00,POSTAL,,,,,,,,佐藤 花子,150-0001,東京都渋谷区神宮前1-2-3,"
                + "hanako@example.jp,090-2222-0002,佐藤,花子,サトウ,ハナコ,1975-12-24\n");
    }

    private NightlyHarness run(Path folder, String... settings) {
        NightlyHarness h = new NightlyHarness(folder).with("--refund.ingest.min-rows-for-ratio=1000");
        for (String s : settings) {
            h.with(s);
        }
        book(h);
        NightlyHarness.Result result = h.run("nightly");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return h;
    }

    @Test
    void applicationsAreDecidedInSubmissionOrderAcrossChannelsAndOffsets() {
        NightlyHarness h = run(root);

        assertThat(h.read("2019-10-01/reports/claim-events.csv")).isEqualTo("""
                run_date,claim_no,application_id,channel,member_id,status,reasons,amount_yen,payout_method,payout_date,reference
                2019-10-01,1000000016,B1,WEB,M1,PENDING_REVIEW,WEB_APPLICATION,12500,BANK,,
                2019-10-01,1000000024,A1,APP,M1,DUPLICATE,DUPLICATE_APPLICATION,12500,BANK,,
                2019-10-01,1000000032,A2,APP,M2,APPROVED,,29000,BANK,,
                2019-10-01,1000000040,A3,APP,M3,REJECTED,UNKNOWN_MEMBER,0,POSTAL,,
                2019-10-01,1000000057,A4,APP,M2,DUPLICATE,DUPLICATE_APPLICATION,29000,BANK,,
                """);
    }

    @Test
    void identityChecksOnLaterNightsApproveOrRejectOnlyPendingClaims() {
        NightlyHarness h = run(root);

        assertThat(h.read("2019-10-02/reports/claim-events.csv")).isEqualTo("""
                run_date,claim_no,application_id,channel,member_id,status,reasons,amount_yen,payout_method,payout_date,reference
                2019-10-02,1000000016,B1,WEB,M1,APPROVED,IDENTITY_CHECK_PASSED,12500,BANK,,
                """);
        assertThat(h.rows("SELECT check_id, effect FROM identity_check ORDER BY check_id")).containsExactly(
                List.of("C1", "APPROVED"), List.of("C2", "NO_EFFECT"), List.of("C3", "NO_EFFECT"));
        assertThat(h.rows("SELECT status, reasons, approved_on FROM claim WHERE application_id = 'B1'"))
                .containsExactly(List.of("APPROVED", "IDENTITY_CHECK_PASSED", "2019-10-02"));
        assertThat(h.read("2019-10-02/reports/review-queue.csv")).isEqualTo(
                "claim_no,application_id,channel,member_id,amount_yen,payout_method,flags,pending_since,submitted_at\n");
        assertThat(h.read("2019-10-01/reports/review-queue.csv")).contains(
                "1000000016,B1,WEB,M1,12500,BANK,WEB_APPLICATION,2019-10-01,2019-10-01T00:30:00Z");
    }

    @Test
    void decisionsAreFinalAndAClaimAfterARejectedOneIsConsideredAfresh() {
        NightlyHarness h = run(root);

        // M3 arrived on the second night: A3 stays rejected, and no event is written for it again.
        assertThat(h.rows("SELECT status, reasons FROM claim WHERE application_id = 'A3'"))
                .containsExactly(List.of("REJECTED", "UNKNOWN_MEMBER"));
        assertThat(h.count("SELECT COUNT(*) FROM claim_event WHERE application_id = 'A3'")).isEqualTo(1);
        // M2 already has a live (approved) claim, so B2 on the third night is a duplicate.
        assertThat(h.read("2019-10-03/reports/claim-events.csv")).contains(
                "2019-10-03,1000000065,B2,WEB,M2,DUPLICATE,DUPLICATE_APPLICATION,29000,POSTAL,,");
    }

    @Test
    void theSameInputsGiveTheSameClaimNumbersAndBytesWhateverTheChunkSize() {
        NightlyHarness big = run(root.resolve("big"));
        NightlyHarness tiny = run(root.resolve("tiny"), "--refund.claims.chunk-size=1", "--refund.ingest.chunk-size=2");

        assertThat(NightlyHarness.tree(tiny.output())).isEqualTo(NightlyHarness.tree(big.output()));
        String claims = "SELECT claim_no, application_id, member_id, status, reasons, amount_yen FROM claim ORDER BY claim_no";
        assertThat(tiny.rows(claims)).isEqualTo(big.rows(claims));
    }

    @Test
    void applicationsSubmittedAtTheSameSecondAreAllDecidedInApplicationIdOrderEvenOneAPage() {
        NightlyHarness h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.claims.chunk-size=1"); // one application per page: every tie crosses a page
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS
                + "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,taro@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n"
                + "M2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,090-2222-0002,150-0001,東京都渋谷区神宮前1-2-3,\n");
        h.write("2019-10-01", "closing_balances.csv", FeedHeaders.WALLETS + "W1,M1,12500,0,false\nW2,M2,30000,0,false\n");
        h.write("2019-10-01", "applications_app.csv", FeedHeaders.APP
                + "A9,2019-10-01T10:00:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,taro@example.jp,090-1111-0001,M1\n"
                + "A10,2019-10-01T10:00:00+09:00,BANK,0005,001,1,7654321,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n"
                + "A8,2019-10-01T10:00:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,taro@example.jp,090-1111-0001,M1\n"
                + "A7,2019-10-01T09:59:59+09:00,BANK,0005,001,1,7654321,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n");

        NightlyHarness.Result result = h.run("nightly");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read("2019-10-01/reports/claim-events.csv")).isEqualTo("""
                run_date,claim_no,application_id,channel,member_id,status,reasons,amount_yen,payout_method,payout_date,reference
                2019-10-01,1000000016,A7,APP,M2,APPROVED,,30000,BANK,,
                2019-10-01,1000000024,A10,APP,M2,DUPLICATE,DUPLICATE_APPLICATION,30000,BANK,,
                2019-10-01,1000000032,A8,APP,M1,APPROVED,,12500,BANK,,
                2019-10-01,1000000040,A9,APP,M1,DUPLICATE,DUPLICATE_APPLICATION,12500,BANK,,
                """);
    }
}
