package jp.refund.closeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import jp.refund.certificate.VeraPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the program (SPEC section 10) through the command line: refused while a certificate
 * could still be cashed, then the final accounting, the members still owed (exactly those the
 * reconciliation holds as unpaid), the statement as PDF/A-2b, and {@code verify --program},
 * which names a night removed afterwards.
 */
class CloseOutIT {

    @TempDir
    Path root;

    private static void ok(NightlyHarness.Result r) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    private void night(NightlyHarness h, String date) throws IOException {
        Files.createDirectories(h.input().resolve(date));
        ok(h.run("nightly", "--date=" + date));
    }

    @Test
    void theProgramClosesOnlyWhenNothingCanBeCashedAndItsManifestNamesARemovedNight() throws Exception {
        NightlyHarness h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.certificate.validity-months=3");
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        StringBuilder wallets = new StringBuilder(FeedHeaders.WALLETS);
        for (int i = 1; i <= 6; i++) {
            members.append("M").append(i).append(",山田,太郎").append(i).append(",ヤマダ,タロウ,1980-04-0").append(i)
                    .append(",m").append(i).append("@example.jp,090-0000-000").append(i)
                    .append(",100-0001,東京都千代田区千代田1-").append(i).append(",\n");
            wallets.append("W").append(i).append(",M").append(i).append(',').append(1000 * i).append(',')
                    .append(i == 6 ? 6000 : i == 5 ? 500 : 0).append(",false\n");
        }
        h.write("2019-11-28", "members.csv", members.toString());
        h.write("2019-11-28", "closing_balances.csv", wallets.toString());
        h.write("2019-11-28", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-11-28T09:00:00+09:00,BANK,0001,001,1,1111111,,,ﾔﾏﾀﾞ ﾀﾛｳ,,,,x@example.jp,090-0000-0000,M1\n"
                + "A2,2019-11-28T09:01:00+09:00,POSTAL,,,,,,,,山田太郎2,100-0001,東京都千代田区千代田1-2,x@example.jp,"
                + "090-0000-0000,M2\n"
                + "A3,2019-11-28T09:02:00+09:00,POSTAL,,,,,,,,山田太郎3,100-0001,東京都千代田区千代田1-3,x@example.jp,"
                + "090-0000-0000,M3\n");
        h.write("2019-11-28", "applications_web.csv", FeedHeaders.WEB
                + "B5,2019-11-28T09:05:00+09:00,BANK,0001,001,1,5555555,,,ﾔﾏﾀﾞ ﾀﾛｳ,,,,m5@example.jp,090-0000-0005,"
                + "山田,太郎5,ヤマダ,タロウ,1980-04-05\n");
        night(h, "2019-11-28");
        String c2 = h.rows("SELECT certificate_no FROM claim WHERE application_id = 'A2'").get(0).get(0);
        h.write("2019-12-02", "certificate_redemptions.csv", FeedHeaders.REDEMPTIONS
                + "R1," + c2 + ",2019-12-01T10:00:00+09:00,12345,2000\n");
        night(h, "2019-12-02");

        // certificates are valid until 2020-02-29: not closed before, nor before a night expired them
        NightlyHarness.Result early = h.run("close-out", "--date=2020-02-29");
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.stderr()).contains("not after the last valid-until date of a certificate (2020-02-29)");
        NightlyHarness.Result noNight = h.run("close-out", "--date=2020-03-02");
        assertThat(noNight.exitCode()).isEqualTo(1);
        assertThat(noNight.stderr()).contains("1 certificate(s) are still SCHEDULED");
        assertThat(Files.exists(h.output().resolve("closeout-2020-03-02"))).isFalse();

        night(h, "2020-03-01");
        ok(h.run("close-out", "--date=2020-03-02"));
        Path out = h.output().resolve("closeout-2020-03-02");

        // the members still owed are exactly those the reconciliation holds as not paid
        assertThat(Files.readString(out.resolve("unclaimed-members.csv"))).isEqualTo(
                "member_id,family_name,given_name,postal_code,address,refundable_yen,state\n"
                        + "M3,山田,太郎3,100-0001,東京都千代田区千代田1-3,3000,EXPIRED_CERTIFICATE\n"
                        + "M4,山田,太郎4,100-0001,東京都千代田区千代田1-4,4000,NEVER_APPLIED\n"
                        + "M5,山田,太郎5,100-0001,東京都千代田区千代田1-5,4500,PENDING_REVIEW\n");
        String reconciliation = h.read("2020-03-01/reports/reconciliation.csv");
        assertThat(reconciliation).contains("EXPIRED_CERTIFICATE,1,3000\n", "PENDING_REVIEW,1,4500\n",
                "UNCLAIMED,1,4000\n", "APPROVED_UNSCHEDULED,0,0\n");
        assertThat(Files.readString(out.resolve("final-accounting.csv"))).isEqualTo(
                "bucket,wallets,amount_yen\n" + reconciliation.substring(reconciliation.indexOf('\n') + 1)
                        + "PAID_BY_BANK,1,1000\nREDEEMED_BY_CERTIFICATE,1,2000\nPAID_TOTAL,2,3000\n"
                        + "STILL_OWED,3,11500\n");

        byte[] pdf = Files.readAllBytes(out.resolve("closeout-2020-03-02.pdf"));
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("返金プログラム 最終精算報告書", "経理部長", "11,500");
        }
        assertThat(Files.readString(out.resolve("PROGRAM-MANIFEST.sha256")).lines()
                .map(l -> l.substring(66)).toList()).containsExactly("2019-11-28/MANIFEST.sha256",
                "2019-12-02/MANIFEST.sha256", "2020-03-01/MANIFEST.sha256", "closeout-2020-03-02/closeout-2020-03-02.pdf",
                "closeout-2020-03-02/closeout-2020-03-02.xlsx", "closeout-2020-03-02/final-accounting.csv",
                "closeout-2020-03-02/unclaimed-members.csv");
        assertThat(h.run("close-out", "--date=2020-03-02").stdout()).contains("already closed out");

        NightlyHarness.Result verified = h.run("verify", "--program");
        assertThat(verified.exitCode()).as(verified.stdout()).isZero();
        assertThat(verified.stdout()).contains("ok   program manifest: 3 night manifest(s)");

        try (Stream<Path> walk = Files.walk(h.output().resolve("2019-12-02"))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        NightlyHarness.Result removed = h.run("verify", "--program");
        assertThat(removed.exitCode()).isEqualTo(1);
        assertThat(removed.stdout()).contains("DIFF 2019-12-02/MANIFEST.sha256: listed in the program manifest but"
                + " missing (was the night's folder removed?)").doesNotContain("ok   program manifest");
        assertThat(List.of(removed.stdout().split("\n"))).noneMatch(l -> l.startsWith("ok   2019-12-02"));
    }
}
