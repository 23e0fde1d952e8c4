package jp.refund.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 10 through the command line, night by night: certificates cashed, refused
 * (every reason, each also an alert for Japan Post Bank), expired on the right night with a
 * leap-year valid-until date, and reissued — lost, to the registered address written another
 * way, to a new address (review first), expired, and the cases that cannot be reissued.
 */
class CertificateLifecycleIT {

    @TempDir
    Path root;

    private NightlyHarness h;

    /** Seven members; M1-M5 and M7 want a certificate, M6 a transfer. */
    @BeforeEach
    void book() {
        // 3 months from the issue date 2019-11-29: valid until 2020-02-29, a leap day
        h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.certificate.validity-months=3");
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        StringBuilder wallets = new StringBuilder(FeedHeaders.WALLETS);
        StringBuilder apps = new StringBuilder(FeedHeaders.APP);
        for (int i = 1; i <= 7; i++) {
            members.append("M").append(i).append(",山田,太郎").append(i).append(",ヤマダ,タロウ,1980-04-0").append(i)
                    .append(",m").append(i).append("@example.jp,090-0000-000").append(i)
                    .append(",100-0001,東京都千代田区千代田1-").append(i).append(",\n");
            wallets.append("W").append(i).append(",M").append(i).append(',').append(1000 * i).append(",0,false\n");
            if (i == 6) {
                apps.append("A6,2019-11-28T09:00:00+09:00,BANK,0001,001,1,6666666,,,ﾔﾏﾀﾞ ﾀﾛｳ,,,,x@example.jp,"
                        + "090-0000-0000,M6\n");
            } else {
                apps.append("A").append(i).append(",2019-11-28T09:0").append(i).append(":00+09:00,POSTAL,,,,,,,,山田太郎")
                        .append(i).append(",100-0001,東京都千代田区千代田1-").append(i)
                        .append(",x@example.jp,090-0000-0000,M").append(i).append('\n');
            }
        }
        h.write("2019-11-28", "members.csv", members.toString());
        h.write("2019-11-28", "closing_balances.csv", wallets.toString());
        h.write("2019-11-28", "applications_app.csv", apps.toString());
    }

    private void night(String date, String... settings) {
        try {
            Files.createDirectories(h.input().resolve(date)); // a night with no feed at all
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new java.util.ArrayList<>(List.of("nightly", "--date=" + date));
        args.addAll(List.of(settings));
        NightlyHarness.Result result = h.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.read(date + "/reports/reconciliation.csv")).contains("\nDIFFERENCE,0,0\n");
    }

    private String certificateOf(String applicationId) {
        return h.rows("SELECT certificate_no FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    private String claimOf(String applicationId) {
        return h.rows("SELECT claim_no FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    private String statusOf(String applicationId) {
        return h.rows("SELECT status FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    private List<String> rejects(String date, String feed) throws Exception {
        Path file = h.output().resolve(date).resolve("rejects").resolve(feed + ".csv");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void certificatesAreCashedRefusedExpiredAndReissuedNightByNight() throws Exception {
        night("2019-11-28");
        String c1 = certificateOf("A1");
        String c2 = certificateOf("A2");
        String c3 = certificateOf("A3");
        String c4 = certificateOf("A4");
        String c5 = certificateOf("A5");
        String c7 = certificateOf("A7");
        assertThat(h.rows("SELECT DISTINCT payout_date, valid_until FROM claim WHERE payout_method = 'POSTAL'"))
                .containsExactly(List.of("2019-11-29", "2020-02-29"));

        // Monday 2019-12-02: one good cashing and three refused; five reissue requests
        h.write("2019-12-02", "certificate_redemptions.csv", FeedHeaders.REDEMPTIONS
                + "R2," + c1 + ",2019-12-01T11:00:00+09:00,12345,1000\n" // the same certificate, later: refused
                + "R1," + c1 + ",2019-12-01T10:00:00+09:00,12345,1000\n"
                + "R3,P9999999999,2019-12-01T10:00:00+09:00,12345,1000\n"
                + "R4," + c2 + ",2019-12-01T10:00:00+09:00,12345,20000\n");
        h.write("2019-12-02", "certificate_reissues.csv", FeedHeaders.REISSUES
                + "RI1," + claimOf("A3") + ",2019-12-02T09:00:00+09:00,LOST,,\n"
                + "RI2," + claimOf("A4") + ",2019-12-02T09:00:00+09:00,NOT_RECEIVED,150-0001,東京都渋谷区神宮前1-1\n"
                + "RI3," + claimOf("A1") + ",2019-12-02T09:00:00+09:00,LOST,,\n"
                + "RI4,1234567890,2019-12-02T09:00:00+09:00,LOST,,\n"
                + "RI5," + claimOf("A6") + ",2019-12-02T09:00:00+09:00,LOST,,\n"
                + "RI6," + claimOf("A2") + ",2019-12-02T09:00:00+09:00,DAMAGED,1000001,東京都 千代田区 千代田１－２\n"
                + "RI7," + claimOf("A3") + ",2019-12-02T10:00:00+09:00,DAMAGED,,\n");
        night("2019-12-02");

        assertThat(statusOf("A1")).isEqualTo("PAID");
        assertThat(h.read("2019-12-02/reports/redemption-alerts.csv")).isEqualTo(
                "redemption_id,certificate_no,redeemed_at,office_code,amount_yen,reason,raw_line\n"
                        + "R2," + c1 + ",2019-12-01T11:00:00+09:00,12345,1000,ALREADY_REDEEMED,\"R2," + c1
                        + ",2019-12-01T11:00:00+09:00,12345,1000\"\n"
                        + "R3,P9999999999,2019-12-01T10:00:00+09:00,12345,1000,UNKNOWN_CERTIFICATE,"
                        + "\"R3,P9999999999,2019-12-01T10:00:00+09:00,12345,1000\"\n"
                        + "R4," + c2 + ",2019-12-01T10:00:00+09:00,12345,20000,AMOUNT_MISMATCH,\"R4," + c2
                        + ",2019-12-01T10:00:00+09:00,12345,20000\"\n");
        assertThat(rejects("2019-12-02", "certificate_redemptions")).hasSize(4)
                .anyMatch(l -> l.startsWith("2,ALREADY_REDEEMED,certificate_no,"));
        assertThat(rejects("2019-12-02", "certificate_reissues")).hasSize(5)
                .anyMatch(l -> l.startsWith("4,NOT_REISSUABLE,claim_no,claim " + claimOf("A1") + " was paid"))
                .anyMatch(l -> l.startsWith("5,UNKNOWN_CLAIM,claim_no,"))
                .anyMatch(l -> l.startsWith("6,NOT_REISSUABLE,claim_no,claim " + claimOf("A6")
                        + " is paid by bank transfer"))
                .anyMatch(l -> l.startsWith("8,NOT_REISSUABLE,claim_no,claim " + claimOf("A3")
                        + " is already being reissued"));

        // lost: void, approved again and scheduled the same night with a new number and validity
        assertThat(h.read("2019-12-02/certificates/void-list.csv")).isEqualTo(
                "certificate_no,claim_no,voided_on,reason\n"
                        + c2 + "," + claimOf("A2") + ",2019-12-02,DAMAGED\n"
                        + c3 + "," + claimOf("A3") + ",2019-12-02,LOST\n"
                        + c4 + "," + claimOf("A4") + ",2019-12-02,NOT_RECEIVED\n");
        assertThat(h.rows("SELECT status, payout_date, valid_until, reasons FROM claim WHERE application_id = 'A3'"))
                .containsExactly(List.of("SCHEDULED", "2019-12-03", "2020-03-03", "REISSUE_LOST"));
        String c3New = certificateOf("A3");
        assertThat(c3New).isNotEqualTo(c3);
        assertThat(h.read("2019-12-02/certificates/mailing-list.csv")).contains(c3New + "," + claimOf("A3"));
        // the registered address written another way is the registered address: no review
        assertThat(statusOf("A2")).isEqualTo("SCHEDULED");
        // a new address is not followed before an identity check
        assertThat(h.rows("SELECT status, reasons, postal_code, address FROM claim WHERE application_id = 'A4'"))
                .containsExactly(List.of("PENDING_REVIEW", "MAILING_ADDRESS_CHANGED", "1500001", "東京都渋谷区神宮前1-1"));
        assertThat(h.read("2019-12-02/reports/review-queue.csv")).contains(claimOf("A4"));

        // Tuesday: the void certificate is cashed anyway (alert); the new address passes its check
        h.write("2019-12-03", "certificate_redemptions.csv", FeedHeaders.REDEMPTIONS
                + "R5," + c3 + ",2019-12-03T10:00:00+09:00,12345,3000\n");
        h.write("2019-12-03", "identity_checks.csv", FeedHeaders.CHECKS
                + "K1,A4,2019-12-03T09:00:00+09:00,PASS,PASSPORT,REV-1,\n");
        night("2019-12-03");
        assertThat(h.read("2019-12-03/reports/redemption-alerts.csv")).endsWith(",VOID_CERTIFICATE,\"R5," + c3 + ",2019-12-03T10:00:00+09:00,12345,3000\"\n");
        assertThat(h.read("2019-12-03/certificates/mailing-list.csv")).contains(certificateOf("A4") + ","
                + claimOf("A4") + ",150-0001,東京都渋谷区神宮前1-1,");

        // Saturday 2020-02-29, the last valid day: nothing expires yet
        night("2020-02-29");
        assertThat(statusOf("A5")).isEqualTo("SCHEDULED");
        // Sunday 2020-03-01: cashed at 23:59:59 on the last day (in time), one second later (too late)
        h.write("2020-03-01", "certificate_redemptions.csv", FeedHeaders.REDEMPTIONS
                + "R6," + c7 + ",2020-02-29T23:59:59+09:00,12345,7000\n"
                + "R7," + c5 + ",2020-02-29T15:00:00Z,12345,5000\n");
        night("2020-03-01");
        assertThat(statusOf("A7")).isEqualTo("PAID");
        assertThat(statusOf("A5")).isEqualTo("EXPIRED");
        assertThat(h.read("2020-03-01/reports/redemption-alerts.csv")).endsWith(
                "R7," + c5 + ",2020-02-29T15:00:00Z,12345,5000,EXPIRED_CERTIFICATE,\"R7," + c5
                        + ",2020-02-29T15:00:00Z,12345,5000\"\n");
        assertThat(h.read("2020-03-01/reports/claim-events.csv")).contains(claimOf("A5") + ",A5,APP,M5,EXPIRED,");
        assertThat(h.read("2020-03-01/reports/reconciliation.csv")).contains("REDEEMED_CERTIFICATE,2,8000\n")
                .contains("EXPIRED_CERTIFICATE,1,5000\n");

        // Monday: the expired certificate is reissued with a new validity
        h.write("2020-03-02", "certificate_reissues.csv", FeedHeaders.REISSUES
                + "RI8," + claimOf("A5") + ",2020-03-02T09:00:00+09:00,EXPIRED,,\n");
        night("2020-03-02");
        assertThat(h.rows("SELECT status, payout_date, valid_until, reasons FROM claim WHERE application_id = 'A5'"))
                .containsExactly(List.of("SCHEDULED", "2020-03-03", "2020-06-03", "REISSUE_EXPIRED"));
        assertThat(h.read("2020-03-02/certificates/void-list.csv")).contains(c5 + "," + claimOf("A5")
                + ",2020-03-02,EXPIRED\n");

        // the reissued certificate gets its own reminder (SPEC section 9: per certificate, issue 37), although
        // the claim had one for its first certificate; this night reminds 45 days before valid-until 2020-06-03
        // (from 04-19; the default 30 would wait until 05-04)
        String c5New = certificateOf("A5");
        assertThat(h.rows("SELECT n.notice_id, n.run_date FROM notice n WHERE n.claim_no = ?"
                + " AND n.kind = 'CERTIFICATE_EXPIRY_REMINDER' ORDER BY n.notice_id", claimOf("A5")))
                .containsExactly(List.of(claimOf("A5") + "-CERTIFICATE_EXPIRY_REMINDER-1", "2020-02-29"));
        night("2020-04-20", "--refund.certificate.reminder-days=45");
        assertThat(h.read("2020-04-20/notices/notices.csv").lines()
                .filter(l -> l.startsWith(claimOf("A5") + "-CERTIFICATE_EXPIRY_REMINDER-2,"))).singleElement()
                .asString().contains(c5New, "2020-06-03");
        // the night recorded the settings it ran with, defaults in code included, none that is not the night's
        assertThat(h.read("2020-04-20/reports/night-settings.csv")).contains("\nrefund.certificate.reminder-days,45\n",
                "\nrefund.certificate.grace-days,0\n", "\nrefund.confirmation.reminder-days,7\n",
                "\nrefund.confirmation.deadline-days,30\n", "\nrefund.notices.per-second,20.0\n")
                .doesNotContain("refund.database.").doesNotContain("refund.staff.");

        // every night still verifies, the first one although four of its certificates were replaced since, and
        // 2020-04-20 with the reminder days it recorded although the settings are back to the default (issue 37)
        for (String date : List.of("2019-11-28", "2019-12-02", "2019-12-03", "2020-02-29", "2020-03-01",
                "2020-03-02", "2020-04-20")) {
            NightlyHarness.Result verify = h.run("verify", "--date=" + date);
            assertThat(verify.exitCode()).as(date + ": " + verify.stdout() + verify.stderr()).isZero();
        }
    }

    @Test
    void graceDaysPushExpiryBack() {
        h.with("--refund.certificate.grace-days=2");
        night("2019-11-28");
        night("2020-03-02");
        assertThat(statusOf("A1")).isEqualTo("SCHEDULED"); // 02-29 + 2 = 03-02: still cashable today
        night("2020-03-03");
        assertThat(statusOf("A1")).isEqualTo("EXPIRED");
    }
}
