package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import jp.refund.notice.NightNotices;
import jp.refund.notice.NoticeFields;
import jp.refund.report.NightFilesAccess;
import jp.refund.staff.StaffTesting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 35's RACE_THE_OWNER: an attacker applies first for a member (a WEB application, held for
 * review), the owner's own applications are then DUPLICATE. When staff reject the attacker's claim
 * after a failed identity check, the owner hears from the registry's contact that they can apply
 * again, and the support page says so. Three nights:
 * <ul>
 *   <li>10-01: attackers B1, B2, B3 for M1, M2, M3; then the owners' A1 (and A1b), A2, A3: DUPLICATE;</li>
 *   <li>10-02: B1 FAIL, B2 PASS, B3 FAIL (M3's contact changed in the incident window: a letter);</li>
 *   <li>10-03: M3 applies again (A3b): a live claim again.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(StaffTesting.class)
class OwnerBlockedByAttackerTest {

    private static NightlyHarness h;

    @DynamicPropertySource
    static void nights(DynamicPropertyRegistry registry) throws Exception {
        h = threeNights(new NightlyHarness(Files.createTempDirectory("owner-blocked")));
        registry.add("spring.datasource.url", h::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "1000");
    }

    static final List<String> NIGHTS = List.of("2019-10-01", "2019-10-02", "2019-10-03");

    /** The three nights, run on {@code harness}; the notices derived in 3 ranges of claims at once. */
    static NightlyHarness threeNights(NightlyHarness harness) {
        return threeNights(harness, 3);
    }

    /** The three nights, the notices derived in {@code noticeThreads} ranges (also by {@link OwnerBlockedPostgresIT}). */
    static NightlyHarness threeNights(NightlyHarness harness, int noticeThreads) {
        NightlyHarness h = harness.with("--refund.ingest.min-rows-for-ratio=1000")
                .with("--refund.channel.app.first-payout-date=2019-10-01")
                .with("--refund.channel.web.first-payout-date=2019-10-01")
                .with("--refund.notices.threads=" + noticeThreads);
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS
                + "M1,山田,太郎,ヤマダ,タロウ,1980-04-01,taro@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n"
                + "M2,佐藤,花子,サトウ,ハナコ,1975-12-24,hanako@example.jp,090-2222-0002,150-0001,東京都渋谷区神宮前1-2-3,\n"
                + "M3,鈴木,一郎,スズキ,イチロウ,1990-01-01,ichiro@example.jp,090-3333-0003,530-0001,大阪府大阪市北区梅田1-1,"
                + "2019-07-02T10:00:00+09:00\n");
        h.write("2019-10-01", "closing_balances.csv", FeedHeaders.WALLETS
                + "W1,M1,12500,0,false\nW2,M2,30000,0,false\nW3,M3,8000,0,false\n");
        // the attackers: a leaked list's birth date, phone and kana name, their own e-mail and account
        h.write("2019-10-01", "applications_web.csv", FeedHeaders.WEB
                + "B1,2019-10-01T09:00:00+09:00,BANK,0001,001,1,9000001,,,ヤマダ タロウ,,,,mule1@evil.example,090-1111-0001,"
                + "山田,太郎,ヤマダ,タロウ,1980-04-01\n"
                + "B2,2019-10-01T09:01:00+09:00,BANK,0001,001,1,9000002,,,サトウ ハナコ,,,,mule2@evil.example,090-2222-0002,"
                + "佐藤,花子,サトウ,ハナコ,1975-12-24\n"
                + "B3,2019-10-01T09:02:00+09:00,BANK,0001,001,1,9000003,,,スズキ イチロウ,,,,mule3@evil.example,090-3333-0003,"
                + "鈴木,一郎,スズキ,イチロウ,1990-01-01\n");
        // the owners, later the same day, with contacts typed into the form that are not the registry's
        h.write("2019-10-01", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-10-01T12:00:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,typed1@owner.example,080-0000-0001,M1\n"
                + "A1b,2019-10-01T12:30:00+09:00,BANK,0001,001,1,1234567,,,ヤマダ タロウ,,,,typed1@owner.example,080-0000-0001,M1\n"
                + "A2,2019-10-01T12:01:00+09:00,BANK,0001,001,1,2345678,,,サトウ ハナコ,,,,typed2@owner.example,080-0000-0002,M2\n"
                + "A3,2019-10-01T12:02:00+09:00,BANK,0001,001,1,3456789,,,スズキ イチロウ,,,,typed3@owner.example,080-0000-0003,M3\n");
        h.write("2019-10-02", "identity_checks.csv", FeedHeaders.CHECKS
                + "C1,B1,2019-10-02T10:00:00+09:00,FAIL,DRIVERS_LICENSE,R-1,forged\n"
                + "C2,B2,2019-10-02T10:01:00+09:00,PASS,PASSPORT,R-1,\n"
                + "C3,B3,2019-10-02T10:02:00+09:00,FAIL,MY_NUMBER_CARD,R-1,forged\n");
        h.write("2019-10-03", "applications_app.csv", FeedHeaders.APP
                + "A3b,2019-10-03T09:00:00+09:00,BANK,0001,001,1,3456789,,,スズキ イチロウ,,,,typed3@owner.example,080-0000-0003,M3\n");
        for (String night : NIGHTS) {
            NightlyHarness.Result result = h.run("nightly", "--date=" + night);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
        }
        return h;
    }

    @AfterAll
    static void keepOnlyDemoStaff(@Autowired JdbcTemplate jdbc) {
        StaffTesting.keepOnlyDemoStaff(jdbc);
    }

    @AfterAll
    static void removeTheNights() {
        org.springframework.util.FileSystemUtils.deleteRecursively(h.output().getParent().toFile());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffTesting staff;
    @Autowired
    NightNotices nightNotices;

    private static String claimOf(String applicationId) {
        return h.rows("SELECT claim_no FROM claim WHERE application_id = ?", applicationId).get(0).get(0);
    }

    private static List<String[]> applyAgain(String night, String file) {
        Path csv = h.output().resolve(night).resolve(file);
        return !Files.exists(csv) ? List.of()
                : NightFilesAccess.rows(csv).stream().filter(r -> r[1].equals("APPLY_AGAIN")).toList();
    }

    @Test
    void theFailedCheckTellsTheOwnerOnceAtTheRegisteredContact() throws Exception {
        List<String[]> rows = applyAgain("2019-10-02", NightNotices.NOTICES_FILE);
        // M1 has two duplicates (A1, A1b): one notice, on the first; M2's attacker passed: none
        assertThat(rows).extracting(r -> r[0]).containsExactly(claimOf("A1") + "-APPLY_AGAIN-1",
                claimOf("A3") + "-APPLY_AGAIN-1");
        String[] m1 = rows.get(0);
        assertThat(m1).startsWith(claimOf("A1") + "-APPLY_AGAIN-1", "APPLY_AGAIN", claimOf("A1"), "A1", "M1", "EMAIL",
                "taro@example.jp", "apply-again");
        Map<String, String> fields = NoticeFields.parse(m1[8]);
        assertThat(fields).containsEntry("rejected_claim_no", claimOf("B1")).containsEntry("apply_by", "2020-01-10")
                .containsEntry("amount_yen", "12500");
        // M3's contact changed during the incident: a letter to the registered address
        assertThat(applyAgain("2019-10-02", NightNotices.LETTERS_FILE)).extracting(r -> r[6])
                .containsExactly("〒530-0001 大阪府大阪市北区梅田1-1");
        String files = Files.readString(h.output().resolve("2019-10-02").resolve(NightNotices.NOTICES_FILE));
        assertThat(files).doesNotContain("owner.example", "evil.example", "080-0000");
    }

    @Test
    void noNoticeAfterAPassOnALaterNightOrForAMemberWhoAppliedAgain() {
        assertThat(applyAgain("2019-10-01", NightNotices.NOTICES_FILE)).isEmpty();
        assertThat(applyAgain("2019-10-03", NightNotices.NOTICES_FILE)).isEmpty(); // M3 applied again: approved
        assertThat(h.count("SELECT COUNT(*) FROM notice WHERE kind = 'APPLY_AGAIN'")).isEqualTo(2);
        assertThat(h.count("SELECT COUNT(*) FROM notice WHERE kind = 'APPLY_AGAIN' AND member_id = 'M2'")).isZero();
        // live (held: M3's contact changed in the incident window)
        assertThat(h.rows("SELECT status FROM claim WHERE application_id = 'A3b'").get(0).get(0))
                .isEqualTo("PENDING_REVIEW");
    }

    @Test
    void aRepeatedOrResumedNightMakesNoSecondNotice(@TempDir Path resumed) throws Exception {
        NightlyHarness.Result again = h.run("nightly", "--date=2019-10-02");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("already completed");
        // verify derives the night again from its facts, after M3 applied again on 10-03
        NightlyHarness.Result verified = h.run("verify", "--date=2019-10-02");
        assertThat(verified.exitCode()).as(verified.stdout()).isZero();
        assertThat(verified.stdout()).contains("ok   notices: ");
        // the notices step resumed: the night's notices deleted and made again, the same bytes
        long made = nightNotices.create(LocalDate.parse("2019-10-02"), resumed);
        assertThat(made).isEqualTo(h.count("SELECT COUNT(*) FROM notice WHERE run_date = DATE '2019-10-02'"));
        for (String file : List.of(NightNotices.NOTICES_FILE, NightNotices.LETTERS_FILE)) {
            assertThat(Files.readAllBytes(resumed.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(h.output().resolve("2019-10-02").resolve(file)));
        }
        assertThat(h.count("SELECT COUNT(*) FROM notice WHERE kind = 'APPLY_AGAIN'")).isEqualTo(2);
    }

    @Test
    void theWorkbookCountsThem() throws Exception {
        Path file = h.output().resolve("2019-10-02/reports/audit-2019-10-02.xlsx");
        try (var in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Notices");
            Map<String, Long> counted = new java.util.HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(1) != null && "APPLY_AGAIN".equals(
                        row.getCell(0).getStringCellValue())) {
                    counted.put(row.getCell(1).getStringCellValue(), (long) row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("EMAIL", 1L, "LETTER", 1L));
        }
    }

    @Test
    void theSupportPageSaysTheOwnerCanApplyAgain() throws Exception {
        for (String owner : List.of("A1", "A1b")) {
            mvc.perform(get("/api/claims/" + claimOf(owner)).with(staff.token("support")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DUPLICATE"))
                    .andExpect(jsonPath("$.nextStepEn").value("The earlier application for this member was rejected"
                            + " after a failed identity check. This one stays a duplicate, but the owner can apply"
                            + " again while the application period is open."));
        }
        String html = mvc.perform(get("/claims/" + claimOf("A1")).with(StaffTesting.bothFactors("support")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("本人確認ができなかったためお支払いしません", "改めてお申し込みいただけます",
                claimOf("A1") + "-APPLY_AGAIN-1", "You can apply again");
        // the usual words after a PASS (M2), and once the owner has a live claim again (M3)
        for (String owner : List.of("A2", "A3")) {
            mvc.perform(get("/api/claims/" + claimOf(owner)).with(staff.token("support")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DUPLICATE"))
                    .andExpect(jsonPath("$.nextStepEn").value("The earlier application is the one being processed."));
        }
    }
}
