package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import jp.refund.report.NightFilesAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confirmation step (SPEC section 9) over five nights with {@code refund.confirmation.required=true},
 * through the real command line: confirm in time, confirm late, decline then PASS, the deadline
 * passing, an answer about a claim in another status, an unknown claim, the reminder, the
 * reconciliation bucket — and verify of every night afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationNightsIT {

    private NightlyHarness h;

    @BeforeAll
    void nights(@TempDir Path root) {
        h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.channel.app.first-payout-date=2019-10-01")
                .with("--refund.channel.web.first-payout-date=2019-10-01")
                .with("--refund.confirmation.required=true");
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS
                + "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,taro@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n"
                + "M2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,090-2222-0002,150-0001,東京都渋谷区神宮前1-2-3,\n"
                + "M3,高橋,三郎,タカハシ,サブロウ,1985-03-03,saburo@example.jp,090-3333-0003,100-0002,東京都千代田区皇居外苑1,\n"
                + "M4,鈴木,一郎,スズキ,イチロウ,1990-01-01,ichiro@example.jp,090-4444-0004,530-0001,大阪府大阪市北区梅田1-1,\n"
                + "M5,田中,次郎,タナカ,ジロウ,1970-02-02,jiro@example.jp,090-5555-0005,460-0008,愛知県名古屋市中区栄1-1,\n");
        h.write("2019-10-01", "closing_balances.csv", FeedHeaders.WALLETS
                + "W1,M1,12500,0,false\nW2,M2,30000,0,false\nW3,M3,7000,0,false\nW4,M4,8000,0,false\n"
                + "W5,M5,5000,0,false\n");
        h.write("2019-10-01", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-10-01T10:00:00+09:00,BANK,0001,001,1,1000001,,,ヤマダ タロウ,,,,taro@example.jp,090-1111-0001,M1\n"
                + "A2,2019-10-01T10:01:00+09:00,BANK,0001,001,1,1000002,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n"
                + "A3,2019-10-01T10:02:00+09:00,BANK,0001,001,1,1000003,,,タカハシ サブロウ,,,,saburo@example.jp,090-3333-0003,M3\n"
                + "A4,2019-10-01T10:03:00+09:00,BANK,0001,001,1,1000004,,,スズキ イチロウ,,,,ichiro@example.jp,090-4444-0004,M4\n"
                + "A9,2019-10-01T10:04:00+09:00,BANK,0001,001,1,1000009,,,ナナシ,,,,nobody@example.jp,080-8888-8888,M9\n");
        h.write("2019-10-01", "applications_web.csv", FeedHeaders.WEB
                + "B5,2019-10-01T11:00:00+09:00,BANK,0001,001,1,1000005,,,タナカ ジロウ,,,,jiro@example.jp,090-5555-0005,"
                + "田中,次郎,タナカ,ジロウ,1970-02-02\n");
        run("2019-10-01");

        h.write("2019-10-02", "identity_checks.csv", FeedHeaders.CHECKS
                + "C1,B5,2019-10-02T09:00:00+09:00,PASS,DRIVERS_LICENSE,R-1,\n");
        h.write("2019-10-02", "confirmations.csv", FeedHeaders.CONFIRMATIONS
                + "K1," + claimOf("A1") + ",2019-10-02T08:00:00+09:00,CONFIRM\n"
                + "K2," + claimOf("A3") + ",2019-10-02T08:30:00+09:00,DECLINE\n"
                + "K3,9999999999,2019-10-02T08:40:00+09:00,CONFIRM\n"
                + "K4," + claimOf("B5") + ",2019-10-02T20:00:00+09:00,CONFIRM\n"
                + "K5," + claimOf("A9") + ",2019-10-02T08:50:00+09:00,CONFIRM\n"
                + "K6," + claimOf("A4") + ",2019-10-02 08:55,CONFIRM\n"
                + "K7," + claimOf("A4") + ",2019-10-02T08:56:00+09:00,YES\n"
                + "K1," + claimOf("A1") + ",2019-10-02T08:00:00+09:00,CONFIRM\n"
                + "K2," + claimOf("A3") + ",2019-10-02T08:30:00+09:00,CONFIRM\n");
        run("2019-10-02");

        h.write("2019-10-03", "identity_checks.csv", FeedHeaders.CHECKS
                + "C2,A3,2019-10-03T09:00:00+09:00,PASS,PASSPORT,R-1,\n");
        run("2019-10-03");
        // the first night on or after 10-31 - 7 days: A2 and A4 still await, A2's reminder
        h.write("2019-10-25", "confirmations.csv", FeedHeaders.CONFIRMATIONS);
        run("2019-10-25");
        // A2 answers a day late; A4 never answers: both lapse
        h.write("2019-11-01", "confirmations.csv", FeedHeaders.CONFIRMATIONS
                + "K8," + claimOf("A2") + ",2019-11-01T00:00:00+09:00,CONFIRM\n");
        run("2019-11-01");
        // a lapsed claim is not live: the member may apply again
        h.write("2019-11-02", "applications_app.csv", FeedHeaders.APP
                + "A4B,2019-11-02T10:00:00+09:00,BANK,0001,001,1,1000004,,,スズキ イチロウ,,,,ichiro@example.jp,090-4444-0004,M4\n");
        run("2019-11-02");
    }

    private void run(String date) {
        NightlyHarness.Result result = h.run("nightly", "--date=" + date);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private String claimOf(String applicationId) {
        return h.rows("SELECT claim_no FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    /** The claim's events as "run_date status reasons", oldest first. */
    private List<String> history(String applicationId) {
        return h.rows("SELECT run_date, status, reasons FROM claim_event WHERE application_id = ? ORDER BY run_date, seq",
                applicationId).stream().map(r -> r.get(0) + " " + r.get(1) + " " + (r.get(2) == null ? "" : r.get(2)))
                .map(String::strip).toList();
    }

    private List<String[]> csv(String date, String file) {
        return NightFilesAccess.rows(h.output().resolve(date).resolve(file));
    }

    private List<String> notices(String date) {
        return csv(date, "notices/notices.csv").stream().map(r -> r[0] + " " + r[8]).toList();
    }

    @Test
    void aDecisionThatWouldApproveAwaitsConfirmationWithItsDeadline() {
        assertThat(history("A1").get(0)).isEqualTo("2019-10-01 AWAITING_CONFIRMATION");
        assertThat(h.rows("SELECT confirm_by FROM claim WHERE application_id = 'A1'").get(0).get(0))
                .isEqualTo("2019-10-31");
        assertThat(notices("2019-10-01")).contains(claimOf("A1") + "-BALANCE-1 {\"amount_yen\":\"12500\","
                + "\"channel\":\"APP\",\"confirm_by\":\"2019-10-31\",\"destination\":\"みずほ 東京営業部 ****001\","
                + "\"earliest_payout_date\":\"2019-10-03\",\"payout_method\":\"BANK\"}");
        // nothing is scheduled while it waits
        assertThat(h.count("SELECT COUNT(*) FROM claim_event WHERE run_date = '2019-10-01' AND status = 'SCHEDULED'"))
                .isZero();
    }

    @Test
    void aConfirmationInTimeApprovesTonightAndThePayoutFollows() {
        assertThat(history("A1")).containsExactly("2019-10-01 AWAITING_CONFIRMATION",
                "2019-10-02 APPROVED CONFIRMED_BY_APPLICANT", "2019-10-02 SCHEDULED");
        assertThat(h.rows("SELECT approved_on, effect FROM claim c JOIN confirmation k ON k.claim_no = c.claim_no"
                + " WHERE k.confirmation_id = 'K1'").get(0)).containsExactly("2019-10-02", "APPROVED");
        assertThat(notices("2019-10-02")).anyMatch(n -> n.startsWith(claimOf("A1") + "-PAYOUT-1 "));
    }

    @Test
    void aPassAfterADeclineApprovesWithoutASecondConfirmation() {
        assertThat(history("A3")).containsExactly("2019-10-01 AWAITING_CONFIRMATION",
                "2019-10-02 PENDING_REVIEW APPLICANT_DISAGREES", "2019-10-03 APPROVED IDENTITY_CHECK_PASSED",
                "2019-10-03 SCHEDULED");
        assertThat(notices("2019-10-02")).contains(claimOf("A3") + "-DEFICIENCY-1 {\"amount_yen\":\"7000\","
                + "\"channel\":\"APP\",\"flags\":\"APPLICANT_DISAGREES\"}");
        assertThat(csv("2019-10-02", "reports/review-queue.csv")).anyMatch(r -> r[0].equals(claimOf("A3")));
    }

    @Test
    void aPassWhileConfirmationIsRequiredAwaitsTheApplicantWhoMayConfirmTheSameNight() {
        assertThat(history("B5")).containsExactly("2019-10-01 PENDING_REVIEW WEB_APPLICATION",
                "2019-10-02 AWAITING_CONFIRMATION IDENTITY_CHECK_PASSED", "2019-10-02 APPROVED CONFIRMED_BY_APPLICANT",
                "2019-10-02 SCHEDULED");
        assertThat(notices("2019-10-02")).anyMatch(n -> n.startsWith(claimOf("B5") + "-BALANCE-2 ")
                && n.contains("\"confirm_by\":\"2019-11-01\""));
    }

    @Test
    void aLateConfirmationChangesNothingAndTheDeadlineRejects() {
        assertThat(history("A2")).containsExactly("2019-10-01 AWAITING_CONFIRMATION",
                "2019-11-01 REJECTED NOT_CONFIRMED");
        assertThat(h.rows("SELECT effect FROM confirmation WHERE confirmation_id = 'K8'").get(0).get(0))
                .isEqualTo("NO_EFFECT");
        assertThat(history("A4")).containsExactly("2019-10-01 AWAITING_CONFIRMATION",
                "2019-11-01 REJECTED NOT_CONFIRMED");
        assertThat(notices("2019-11-01")).contains(claimOf("A4") + "-REJECTION-1 {\"amount_yen\":\"8000\","
                + "\"apply_by\":\"2020-01-10\",\"channel\":\"APP\",\"reasons\":\"NOT_CONFIRMED\",\"status\":\"REJECTED\"}");
        // not live: a new application of the member is decided afresh, not a duplicate
        assertThat(history("A4B")).containsExactly("2019-11-02 AWAITING_CONFIRMATION");
    }

    @Test
    void theReminderComesOnceOnTheFirstNightOfItsWeek() {
        assertThat(notices("2019-10-25")).containsExactly(
                claimOf("A2") + "-CONFIRMATION_REMINDER-1 {\"amount_yen\":\"30000\",\"channel\":\"APP\",\"confirm_by\":\"2019-10-31\"}",
                claimOf("A4") + "-CONFIRMATION_REMINDER-1 {\"amount_yen\":\"8000\",\"channel\":\"APP\",\"confirm_by\":\"2019-10-31\"}");
        assertThat(h.count("SELECT COUNT(*) FROM notice WHERE kind = 'CONFIRMATION_REMINDER'")).isEqualTo(2);
    }

    @Test
    void anAnswerForAClaimInAnotherStatusIsAcceptedWithoutEffectAndAnUnknownClaimIsRejected() {
        assertThat(history("A9")).containsExactly("2019-10-01 REJECTED UNKNOWN_MEMBER");
        assertThat(h.rows("SELECT effect FROM confirmation WHERE confirmation_id = 'K5'").get(0).get(0))
                .isEqualTo("NO_EFFECT");
        assertThat(csv("2019-10-02", "rejects/confirmations.csv")).extracting(r -> r[0] + " " + r[1] + " " + r[2])
                .containsExactly("4 UNKNOWN_CLAIM claim_no", "7 INVALID_FORMAT answered_at", "8 INVALID_FORMAT answer",
                        "10 CONFLICTING_DUPLICATE confirmation_id");
        assertThat(csv("2019-10-02", "reports/ingest-summary.csv")).anyMatch(r -> String.join(",", r)
                .equals("confirmations,confirmations.csv,9,4,1,4"));
    }

    @Test
    void theReconciliationHoldsTheWaitingClaimsInTheirBucket() {
        List<String> lines = csv("2019-10-01", "reports/reconciliation.csv").stream().map(r -> String.join(",", r))
                .toList();
        assertThat(lines).containsSubsequence("EXPIRED_CERTIFICATE,0,0", "AWAITING_CONFIRMATION,4,57500",
                "APPROVED_UNSCHEDULED,0,0", "PENDING_REVIEW,1,5000");
        assertThat(lines).contains("DIFFERENCE,0,0");
    }

    @Test
    void everyNightVerifiesAfterTheLaterNightsChangedItsClaims() {
        for (String date : List.of("2019-10-01", "2019-10-02", "2019-10-03", "2019-10-25", "2019-11-01",
                "2019-11-02")) {
            NightlyHarness.Result verify = h.run("verify", "--date=" + date);
            assertThat(verify.exitCode()).as(date + ": " + verify.stdout() + verify.stderr()).isZero();
        }
    }
}
