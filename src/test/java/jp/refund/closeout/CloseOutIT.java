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

    /**
     * Issue 38: close-out runs verify --program's checks before it seals, and refuses (exit 1,
     * naming the difference, nothing written) a changed certificate byte, a deleted notices file,
     * an added file, and a forged bank file whose night manifest was rewritten to match.
     */
    private static void refusesEachDamagedOutput(NightlyHarness h) throws IOException {
        Path night = h.output().resolve("2019-11-28");
        Path certificate;
        try (Stream<Path> pdfs = Files.list(night.resolve("certificates"))) {
            certificate = pdfs.filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(certificate);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(certificate, changed);
        refused(h, "2019-11-28: certificates/" + certificate.getFileName() + ": SHA-256 differs from the manifest");
        Files.write(certificate, original);

        Path notices = night.resolve("notices/notices.csv");
        byte[] noticesBytes = Files.readAllBytes(notices);
        Files.delete(notices);
        refused(h, "2019-11-28: notices/notices.csv: listed in the manifest but missing");
        Files.write(notices, noticesBytes);

        Path added = night.resolve("reports/extra.csv");
        Files.writeString(added, "a,b\n");
        refused(h, "2019-11-28: reports/extra.csv: not in the manifest (the file was added)");
        Files.delete(added);

        Path bank;
        try (Stream<Path> files = Files.list(night.resolve("bank"))) {
            bank = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        Path manifest = night.resolve("MANIFEST.sha256");
        byte[] bankBytes = Files.readAllBytes(bank);
        String bankHash = jp.refund.report.NightOutputFolder.sha256(bank);
        String manifestText = Files.readString(manifest);
        String bankText = new String(bankBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bankText).contains("0000001000");
        Files.write(bank, bankText.replace("0000001000", "0000009000")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(manifest, manifestText.replace(bankHash,
                jp.refund.report.NightOutputFolder.sha256(bank)));
        refused(h, "2019-11-28: bank/" + bank.getFileName() + " data record 1");
        Files.write(bank, bankBytes);
        Files.writeString(manifest, manifestText);
    }

    /**
     * Issue 38: a night after the close-out is refused (exit 1, naming the close-out) until an
     * operator reopens the program with a reason; verify --program shows the reopening and wants a
     * new close-out, which then seals every night again.
     */
    private void closedProgramRunsNoNightUntilReopened(NightlyHarness h) throws IOException {
        Files.createDirectories(h.input().resolve("2020-03-05"));
        NightlyHarness.Result after = h.run("nightly", "--date=2020-03-05");
        assertThat(after.exitCode()).as(after.stdout() + after.stderr()).isEqualTo(1);
        assertThat(after.stderr()).contains("the program was closed out on 2020-03-02", "reopen --reason=");
        assertThat(Files.exists(h.output().resolve("2020-03-05"))).isFalse();
        assertThat(h.run("verify", "--program").exitCode()).isZero();

        NightlyHarness.Result reopened = h.run("reopen", "--reason=a late bank return for W1");
        assertThat(reopened.exitCode()).as(reopened.stdout() + reopened.stderr()).isZero();
        assertThat(Files.isDirectory(h.output().resolve("closeout-2020-03-02.reopened-2"))).isTrue();
        assertThat(h.rows("SELECT kind, close_out_date, reason FROM program_event ORDER BY event_no")).containsExactly(
                java.util.Arrays.asList("CLOSED_OUT", "2020-03-02", null),
                List.of("REOPENED", "2020-03-02", "a late bank return for W1"));
        NightlyHarness.Result unsealed = h.run("verify", "--program");
        assertThat(unsealed.exitCode()).isEqualTo(1);
        assertThat(unsealed.stdout()).contains("DIFF the program was reopened after the close-out of 2020-03-02",
                ": a late bank return for W1; it has no seal until it is closed out again");

        ok(h.run("nightly", "--date=2020-03-05"));
        ok(h.run("close-out", "--date=2020-03-06"));
        NightlyHarness.Result resealed = h.run("verify", "--program");
        assertThat(resealed.exitCode()).as(resealed.stdout()).isZero();
        assertThat(resealed.stdout()).contains("ok   program history: closed out 2020-03-02",
                "ok   program history: reopened after the close-out of 2020-03-02",
                "ok   program history: closed out 2020-03-06", "ok   program manifest: 4 night manifest(s)");
    }

    private static void refused(NightlyHarness h, String difference) {
        NightlyHarness.Result r = h.run("close-out", "--date=2020-03-02");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
        assertThat(r.stderr()).contains("DIFF " + difference, "error: the output differs from the book");
        assertThat(Files.exists(h.output().resolve("closeout-2020-03-02"))).isFalse();
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
        refusesEachDamagedOutput(h);
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

        closedProgramRunsNoNightUntilReopened(h);

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
