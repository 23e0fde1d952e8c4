package jp.refund.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices of two nights through the real command line: every kind a status change or a
 * deadline causes, each to the registry's contact only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeNightsIT {

    private NightlyHarness h;
    private String taroClaim;
    private String ichiroClaim;

    @BeforeAll
    void twoNights(@TempDir Path root) {
        h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.channel.app.first-payout-date=2019-10-01")
                .with("--refund.channel.web.first-payout-date=2019-10-01")
                .with("--refund.certificate.validity-months=1")
                // the claims cut into 3 ranges derived at once: verify derives the night again in one
                // pass and must find the same notices
                .with("--refund.notices.threads=3");
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS
                + "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,taro@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n"
                + "M2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,090-2222-0002,150-0001,東京都渋谷区神宮前1-2-3,"
                + "2019-07-02T10:00:00+09:00\n"
                + "M4,鈴木,一郎,スズキ,イチロウ,1990-01-01,ichiro@example.jp,090-4444-0004,530-0001,大阪府大阪市北区梅田1-1,\n"
                + "M5,田中,次郎,タナカ,ジロウ,1970-02-02,jiro@example.jp,090-5555-0005,460-0008,愛知県名古屋市中区栄1-1,\n");
        h.write("2019-10-01", "closing_balances.csv", FeedHeaders.WALLETS
                + "W1,M1,12500,0,false\nW2,M2,30000,0,false\nW4,M4,8000,0,false\nW5,M5,5000,0,false\n");
        // A1 is M1's own session, but the form carries an attacker's e-mail and phone.
        h.write("2019-10-01", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-10-01T10:00:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,attacker@evil.example,080-9999-9999,M1\n"
                + "A2,2019-10-01T10:05:00+09:00,BANK,0005,001,1,7654321,,,サトウ ハナコ,,,,hanako@example.jp,090-2222-0002,M2\n"
                + "A4,2019-10-01T10:10:00+09:00,POSTAL,,,,,,,,鈴木 一郎,530-0001,大阪府大阪市北区梅田1-1,ichiro@example.jp,090-4444-0004,M4\n"
                + "A5,2019-10-01T10:15:00+09:00,BANK,0001,001,1,2222222,,,ナナシ,,,,nobody@evil.example,080-8888-8888,M9\n"
                + "A6,2019-10-01T10:20:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,attacker@evil.example,080-9999-9999,M1\n");
        // B5 matches M5 by phone, birth date and kana name, with an e-mail that is not M5's.
        h.write("2019-10-01", "applications_web.csv", FeedHeaders.WEB
                + "B5,2019-10-01T11:00:00+09:00,BANK,0001,001,1,1111111,,,タナカ ジロウ,,,,attacker2@evil.example,090-5555-0005,"
                + "田中,次郎,タナカ,ジロウ,1970-02-02\n"
                + "B9,2019-10-01T11:05:00+09:00,BANK,0001,001,1,3333333,,,ダレカ,,,,who@evil.example,080-7777-7777,"
                + "誰,か,ダレ,カ,1999-09-09\n");
        run("2019-10-01");
        taroClaim = h.rows("SELECT claim_no FROM claim WHERE application_id = 'A1'").get(0).get(0);
        ichiroClaim = h.rows("SELECT claim_no FROM claim WHERE application_id = 'A4'").get(0).get(0);
        h.write("2019-10-03", "bank_returns.csv", FeedHeaders.RETURNS
                + "R1," + taroClaim + ",2019-10-03,12500,ACCOUNT_CLOSED,2019-10-03T12:00:00+09:00\n");
        run("2019-10-03");
    }

    private void run(String date) {
        NightlyHarness.Result result = h.run("nightly", "--date=" + date);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    private List<String[]> notices(String date) {
        return jp.refund.report.NightFilesAccess.rows(h.output().resolve(date).resolve("notices/notices.csv"));
    }

    private Map<String, String> fields(String[] row) {
        return NoticeFields.parse(row[8]);
    }

    private String[] notice(String date, String noticeId) {
        return notices(date).stream().filter(r -> r[0].equals(noticeId)).findFirst()
                .orElseThrow(() -> new AssertionError(noticeId + " not in " + date));
    }

    private String claimOf(String applicationId) {
        return h.rows("SELECT claim_no FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    @Test
    void noNoticeEverGoesToAContactTypedIntoAnApplication() throws Exception {
        for (String date : List.of("2019-10-01", "2019-10-03")) {
            for (String file : List.of("notices/notices.csv", "notices/letters.csv", "MANIFEST.sha256")) {
                Path path = h.output().resolve(date).resolve(file);
                if (Files.exists(path)) {
                    assertThat(Files.readString(path)).as(path.toString()).doesNotContain("evil.example")
                            .doesNotContain("080-9999-9999").doesNotContain("080-8888-8888");
                }
            }
        }
        List<String> registered = List.of("taro@example.jp", "jiro@example.jp", "ichiro@example.jp",
                "〒150-0001 東京都渋谷区神宮前1-2-3");
        assertThat(h.rows("SELECT DISTINCT recipient FROM notice")).extracting(r -> r.get(0))
                .allMatch(registered::contains);
        assertThat(notice("2019-10-01", taroClaim + "-BALANCE-1")[6]).isEqualTo("taro@example.jp");
        assertThat(notice("2019-10-01", claimOf("B5") + "-BALANCE-1")[6]).isEqualTo("jiro@example.jp");
    }

    @Test
    void unidentifiedApplicantsGetNothing() {
        assertThat(h.count("SELECT COUNT(*) FROM notice WHERE claim_no IN (?, ?)", claimOf("A5"), claimOf("B9")))
                .isZero();
    }

    @Test
    void aDecisionGivesTheBalanceNoticeAndWhatIsMissing() {
        String[] balance = notice("2019-10-01", taroClaim + "-BALANCE-1");
        assertThat(balance).containsExactly(taroClaim + "-BALANCE-1", "BALANCE", taroClaim, "A1", "M1", "EMAIL",
                "taro@example.jp", "balance", "{\"amount_yen\":\"12500\",\"channel\":\"APP\",\"destination\":"
                        + "\"みずほ 東京営業部 ****567\",\"earliest_payout_date\":\"2019-10-03\",\"payout_method\":\"BANK\"}");
        assertThat(fields(notice("2019-10-01", ichiroClaim + "-BALANCE-1"))).containsEntry("destination", "大阪府大阪市")
                .containsEntry("payout_method", "POSTAL").containsEntry("amount_yen", "8000");
        String web = claimOf("B5");
        assertThat(fields(notice("2019-10-01", web + "-DEFICIENCY-1"))).containsEntry("flags", "WEB_APPLICATION")
                .containsEntry("channel", "WEB");
    }

    @Test
    void aWebApplicationTellsTheRegisteredOwnerWhomToCall() {
        String shown = show(claimOf("B5") + "-BALANCE-1");
        assertThat(shown).contains("EMAIL to jiro@example.jp")
                .contains("Webフォームから払戻しのお申し込みがありました")
                .contains("If this was not you, call us before any payout")
                .contains("0120-000-000");
        assertThat(show(taroClaim + "-BALANCE-1")).doesNotContain("If this was not you");
    }

    /** {@code notices show <id>}: what it prints (it takes no folder, so not through the harness's run). */
    private String show(String noticeId) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            int exit = jp.refund.cli.RefundBatchCommand.execute("notices", "show", noticeId,
                    "--spring.datasource.url=" + h.jdbcUrl());
            assertThat(exit).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aContactChangedDuringTheIncidentMakesEveryNoticeALetter() {
        String hanako = claimOf("A2");
        List<String[]> letters = jp.refund.report.NightFilesAccess.rows(
                h.output().resolve("2019-10-01/notices/letters.csv"));
        assertThat(letters).extracting(r -> r[0]).containsExactly(hanako + "-BALANCE-1", hanako + "-DEFICIENCY-1");
        assertThat(letters).allSatisfy(r -> {
            assertThat(r[5]).isEqualTo("LETTER");
            assertThat(r[6]).isEqualTo("〒150-0001 東京都渋谷区神宮前1-2-3");
        });
        assertThat(fields(letters.get(1))).containsEntry("flags", "CONTACT_CHANGED_DURING_INCIDENT");
    }

    @Test
    void aDuplicateIsARejectionToTheKnownMember() {
        assertThat(fields(notice("2019-10-01", claimOf("A6") + "-REJECTION-1"))).containsEntry("status", "DUPLICATE")
                .containsEntry("reasons", "DUPLICATE_APPLICATION").containsEntry("apply_by", "2020-01-10");
    }

    @Test
    void payoutsReturnsAndTheCertificateReminderFollowTheNights() {
        assertThat(fields(notice("2019-10-01", taroClaim + "-PAYOUT-1"))).containsEntry("value_date", "2019-10-03")
                .containsEntry("destination", "みずほ 東京営業部 ****567");
        Map<String, String> certificate = fields(notice("2019-10-01", ichiroClaim + "-PAYOUT-1"));
        assertThat(certificate).containsEntry("issue_date", "2019-10-02").containsEntry("valid_until", "2019-11-02")
                .containsKey("certificate_no");
        assertThat(fields(notice("2019-10-03", taroClaim + "-RETURNED-1"))).containsEntry("reason", "ACCOUNT_CLOSED");
        // valid until 2019-11-02: 30 days before is 10-03, the first night on or after it
        assertThat(fields(notice("2019-10-03", ichiroClaim + "-CERTIFICATE_EXPIRY_REMINDER-1")))
                .containsEntry("valid_until", "2019-11-02")
                .containsEntry("certificate_no", certificate.get("certificate_no"));
        assertThat(notices("2019-10-03")).extracting(r -> r[0]).containsExactly(taroClaim + "-RETURNED-1",
                ichiroClaim + "-CERTIFICATE_EXPIRY_REMINDER-1");
    }

    @Test
    void rowsAreInClaimThenKindOrder() {
        List<String[]> rows = notices("2019-10-01");
        for (int i = 1; i < rows.size(); i++) {
            String[] a = rows.get(i - 1);
            String[] b = rows.get(i);
            int byClaim = a[2].compareTo(b[2]);
            assertThat(byClaim < 0 || byClaim == 0 && NoticeKind.valueOf(a[1]).compareTo(NoticeKind.valueOf(b[1])) < 0)
                    .as(a[0] + " before " + b[0]).isTrue();
        }
    }

    @Test
    void theRangesPartsAreJoinedAndGone() {
        // 3 ranges wrote parts; the files are whole (verify writes them again in one pass and compares)
        for (String night : List.of("2019-10-01", "2019-10-03")) {
            assertThat(h.output().resolve(night).resolve(NightNotices.PARTS)).doesNotExist();
        }
        assertThat(notices("2019-10-01")).hasSizeGreaterThan(3);
    }

    @Test
    void verifyDerivesTheNoticesAgainAndFindsATamperedFile() throws Exception {
        NightlyHarness.Result ok = h.run("verify", "--date=2019-10-01");
        assertThat(ok.exitCode()).as(ok.stdout()).isZero();
        assertThat(ok.stdout()).contains("ok   notices: ");
        Path copy = h.output().resolve("..").resolve("tampered");
        copyTree(h.output().resolve("2019-10-01"), copy.resolve("2019-10-01"));
        Path csv = copy.resolve("2019-10-01/notices/notices.csv");
        Files.writeString(csv, Files.readString(csv).replace("taro@example.jp", "attacker@evil.example"));
        NightlyHarness.Result tampered = h.run("verify", "--date=2019-10-01", "--output=" + copy);
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.stdout()).contains("DIFF notices/notices.csv: differs from the database");
    }

    @Test
    void bothWaysOfFindingTheMembersGiveTheSameNotices() {
        // the nights found their members by reading the whole registry (AUTO: each night's changes are
        // more than a quarter of its 4 members); verify derives each night again both ways
        for (String lookup : List.of("PER_CHANGE", "WHOLE_REGISTRY")) {
            for (String night : List.of("2019-10-01", "2019-10-03")) {
                NightlyHarness.Result verified = h.run("verify", "--date=" + night,
                        "--refund.notices.member-lookup=" + lookup);
                assertThat(verified.exitCode()).as(lookup + " " + night + "\n" + verified.stdout()).isZero();
                assertThat(verified.stdout()).contains("ok   notices: ");
            }
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
