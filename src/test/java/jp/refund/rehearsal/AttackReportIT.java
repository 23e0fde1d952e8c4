package jp.refund.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attack-report} (SPEC section 11) on a hand-written book of three nights: six attacker and
 * seven honest applications, a failed and a passed identity check of each kind, a bank return, a
 * redeemed certificate. Every figure of the CSV is derived by hand below. Then the keys that do not
 * fit the book: an unknown application, a malformed line, an application missing from the key, and
 * an output folder without the nights' bank files; none writes anything.
 */
class AttackReportIT {

    @TempDir
    Path root;

    private static void ok(NightlyHarness.Result r) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    private static String app(String id, String time, String member, String method, String account, String holder,
                              String address, String email) {
        String n = member.substring(1);
        return method.equals("BANK")
                ? id + ",2019-11-28T" + time + ":00+09:00,BANK,0001,001,1," + account + ",,," + holder + ",,,,"
                + email + ",090-0000-00" + n + "," + member + "\n"
                : id + ",2019-11-28T" + time + ":00+09:00,POSTAL,,,,,,,,山田太郎" + n + ",100-0001," + address + ","
                + email + ",090-0000-00" + n + "," + member + "\n";
    }

    @Test
    void eachCampaignsFiguresAreThoseDerivedByHand() throws IOException {
        NightlyHarness h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
        // members M01..M12, each with a wallet of i * 1,000 yen; M10 and M12 are on the victim list
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        StringBuilder wallets = new StringBuilder(FeedHeaders.WALLETS);
        for (int i = 1; i <= 12; i++) {
            String n = String.format("%02d", i);
            members.append("M").append(n).append(",山田,太郎").append(n).append(",ヤマダ,タロウ,1980-04-").append(n)
                    .append(",m").append(n).append("@example.jp,090-0000-00").append(n)
                    .append(",100-0001,東京都千代田区千代田1-").append(n).append(",\n");
            wallets.append("W").append(n).append(",M").append(n).append(',').append(1000 * i).append(",0,")
                    .append(i == 10 || i == 12).append('\n');
        }
        String own = "ﾔﾏﾀﾞ ﾀﾛｳ";
        String mule = "ｽｽﾞｷ ｲﾁﾛｳ";
        String drop = "大阪府大阪市北区梅田9-9";
        h.write("2019-11-28", "members.csv", members.toString());
        h.write("2019-11-28", "closing_balances.csv", wallets.toString());
        h.write("2019-11-28", "applications_app.csv", FeedHeaders.APP
                + app("A01", "09:01", "M01", "BANK", "1000001", own, null, "m01@example.jp")
                + app("A02", "09:02", "M02", "POSTAL", null, null, "東京都千代田区千代田1-02", "m02@example.jp")
                + app("X03", "09:03", "M03", "BANK", "3000003", mule, null, "mule@example.com")
                + app("X04", "09:04", "M04", "BANK", "4000004", own, null, "lookalike@example.com")
                + app("X05", "09:05", "M05", "BANK", "5000005", mule, null, "mule@example.com")
                + app("A05", "09:30", "M05", "BANK", "5000050", own, null, "m05@example.jp")
                + app("A06", "09:06", "M06", "BANK", "6000006", own, null, "m06@example.jp")
                + app("X08", "09:08", "M08", "POSTAL", null, null, drop, "drop@example.com")
                + app("A10", "09:10", "M10", "BANK", "1000010", own, null, "m10@example.jp")
                + app("X11", "09:11", "M99", "BANK", "1100011", mule, null, "mule@example.com")
                + app("A12", "09:12", "M12", "BANK", "1200012", own, null, "m12@example.jp"));
        h.write("2019-11-28", "applications_web.csv", FeedHeaders.WEB
                + "X07,2019-11-28T09:07:00+09:00,POSTAL,,,,,,,,山田太郎07,530-0001," + drop
                + ",leak@example.com,090-0000-0007,山田,太郎07,ヤマダ,タロウ,1980-04-07\n"
                + "A09,2019-11-28T09:09:00+09:00,BANK,0001,001,1,9000009,,," + own
                + ",,,,m09@example.jp,090-0000-0009,山田,太郎09,ヤマダ,タロウ,1980-04-09\n");
        ok(h.run("nightly", "--date=2019-11-28"));
        h.write("2019-11-29", "identity_checks.csv", FeedHeaders.CHECKS
                + "C1,X03,2019-11-29T10:00:00+09:00,FAIL,DRIVERS_LICENSE,R-1,\n"
                + "C2,X05,2019-11-29T10:01:00+09:00,FAIL,PASSPORT,R-1,\n"
                + "C3,X08,2019-11-29T10:02:00+09:00,PASS,DRIVERS_LICENSE,R-1,forged\n"
                + "C4,A09,2019-11-29T10:03:00+09:00,PASS,MY_NUMBER_CARD,R-2,\n"
                + "C5,A10,2019-11-29T10:04:00+09:00,PASS,PASSPORT,R-2,\n");
        ok(h.run("nightly", "--date=2019-11-29"));
        String a06 = h.rows("SELECT claim_no FROM claim WHERE application_id = 'A06'").get(0).get(0);
        String a02 = h.rows("SELECT certificate_no FROM claim WHERE application_id = 'A02'").get(0).get(0);
        h.write("2019-12-03", "bank_returns.csv", FeedHeaders.RETURNS
                + "RT1," + a06 + ",2019-12-02,6000,ACCOUNT_CLOSED,2019-12-03T09:00:00+09:00\n");
        h.write("2019-12-03", "certificate_redemptions.csv", FeedHeaders.REDEMPTIONS
                + "RD1," + a02 + ",2019-12-02T10:00:00+09:00,12345,2000\n");
        ok(h.run("nightly", "--date=2019-12-03"));
        assertThat(h.rows("SELECT application_id, status FROM claim ORDER BY application_id").toString()).isEqualTo(
                "[[A01, SCHEDULED], [A02, PAID], [A05, DUPLICATE], [A06, RETURNED], [A09, APPROVED],"
                        + " [A10, SCHEDULED], [A12, PENDING_REVIEW], [X03, REJECTED], [X04, SCHEDULED],"
                        + " [X05, REJECTED], [X07, PENDING_REVIEW], [X08, SCHEDULED], [X11, REJECTED]]");

        Path key = root.resolve("answer-key.csv");
        String keyText = "application_id,campaign\n" + "A01,HONEST\nA02,HONEST\nX03,TAKEOVER_MULE\n"
                + "X04,TAKEOVER_LOOKALIKE\nX05,RACE_THE_OWNER\nA05,HONEST\nA06,HONEST\nX07,STOLEN_DATA_WEB\n"
                + "X08,ADDRESS_DROP\nA09,HONEST\nA10,HONEST\nX11,TAKEOVER_MULE\nA12,HONEST\n";

        keysThatDoNotFitTheBookWriteNothing(h, key, keyText);

        Files.writeString(key, keyText);
        NightlyHarness.Result report = h.run("attack-report", "--key=" + key);
        ok(report);
        assertThat(report.stdout()).contains("attack report after the night of 2019-12-03: "
                + h.output().resolve("attack-report.csv"), "paid_without_document_check_yen");
        // Amounts: a claim is for its wallet's refundable amount (M0i: i * 1,000 yen), 0 when no wallet was found.
        // Value dates: night 2019-11-28 -> 12-02, 11-29 -> 12-03, 12-03 -> 12-05; issue dates 11-28 -> 11-29, 11-29 -> 12-02.
        // HONEST, 7 applications, claimed 1+2+5+6+9+10+12 = 45,000:
        //   paid: A01 transfer 12-02 (1,000) and A02 certificate, redeemed (2,000), neither checked; A10 transfer
        //   12-03 after a PASS (10,000): 3 claims, 13,000, 3,000 without a check. Approved waiting: A09 (WEB, first
        //   payout 2020-01-27): 9,000. Held: A12 (victim list, no check): 12,000. Stopped: A05, DUPLICATE of the
        //   attacker's X05: 5,000. Returned: A06: 6,000. 13 + 9 + 12 + 5 + 6 = 45,000.
        //   Held for review: A09, A10, A12 = 3. Delayed: A10, paid 12-03, could have been 12-02 (10,000); A12,
        //   not paid, could have been 12-02, which the last night (paying 12-05) is past (12,000): 2 claims, 22,000.
        //   A09 could not be paid before 2020-01-27: not delayed. Owners blocked: M05 = 1.
        // TAKEOVER_MULE: X03 FAIL -> rejected (3,000); X11 unknown member, 0 yen: 2 applications, 3,000 stopped.
        // TAKEOVER_LOOKALIKE: X04, holder = the victim's kana, no flag: paid 4,000 without a check.
        // STOLEN_DATA_WEB: X07 held for review, no check: 7,000 held.
        // ADDRESS_DROP: X08 forged PASS -> certificate issued 12-02: paid 8,000, after a check.
        // RACE_THE_OWNER: X05 FAIL -> rejected: 5,000 stopped.
        // ATTACKERS: 6 applications, 27,000 claimed, paid 2 claims 12,000 (4,000 without a check), held 7,000,
        //   stopped 3,000 + 5,000 = 8,000.
        assertThat(Files.readString(h.output().resolve("attack-report.csv"))).isEqualTo(
                "campaign,applications,claimed_yen,paid_claims,paid_yen,paid_without_document_check_yen,"
                        + "approved_waiting_yen,held_yen,stopped_yen,returned_yen,honest_held_for_review_claims,"
                        + "honest_delayed_claims,honest_delayed_yen,honest_owners_blocked\n"
                        + "HONEST,7,45000,3,13000,3000,9000,12000,5000,6000,3,2,22000,1\n"
                        + "TAKEOVER_MULE,2,3000,0,0,0,0,0,3000,0,,,,\n"
                        + "TAKEOVER_LOOKALIKE,1,4000,1,4000,4000,0,0,0,0,,,,\n"
                        + "STOLEN_DATA_WEB,1,7000,0,0,0,0,7000,0,0,,,,\n"
                        + "ADDRESS_DROP,1,8000,1,8000,0,0,0,0,0,,,,\n"
                        + "RACE_THE_OWNER,1,5000,0,0,0,0,0,5000,0,,,,\n"
                        + "ATTACKERS,6,27000,2,12000,4000,0,7000,8000,0,,,,\n");
    }

    private static void keysThatDoNotFitTheBookWriteNothing(NightlyHarness h, Path key, String keyText)
            throws IOException {
        Files.writeString(key, keyText + "Z99,HONEST\n");
        refused(h, key, key + " line 15: application Z99 is not in the database (is this the key of this book?)");

        Files.writeString(key, keyText.replace("X08,ADDRESS_DROP", "X08,ADDRESS-DROP"));
        refused(h, key, key + " line 10: unknown campaign 'ADDRESS-DROP'");
        Files.writeString(key, keyText.replace("A09,HONEST", "A09;HONEST"));
        refused(h, key, key + " line 11: expected two fields, application_id,campaign");

        Files.writeString(key, keyText.replace("A05,HONEST\n", ""));
        refused(h, key, "1 application(s) of the database are not in " + key + ", the first A05");

        Files.writeString(key, keyText);
        NightlyHarness.Result noBankFiles = h.run("attack-report", "--key=" + key, "--output=" + h.output()
                .resolveSibling("elsewhere"));
        assertThat(noBankFiles.exitCode()).isEqualTo(1);
        assertThat(noBankFiles.stderr()).contains("2019-11-28/bank/SOGOFURI-20191202.txt is missing",
                "is --output the folder of the nights?");
        assertThat(h.output().resolveSibling("elsewhere")).doesNotExist();
    }

    private static void refused(NightlyHarness h, Path key, String error) {
        NightlyHarness.Result r = h.run("attack-report", "--key=" + key);
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
        assertThat(r.stderr()).contains("error: " + error);
        assertThat(h.output().resolve("attack-report.csv")).doesNotExist();
    }
}
