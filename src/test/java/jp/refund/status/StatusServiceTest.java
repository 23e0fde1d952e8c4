package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import jp.refund.staff.DemoUsers;
import jp.refund.staff.StaffTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The status service on the sample nights: roles, errors, masking, lockout, rate limit, lookup log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(StaffTesting.class)
class StatusServiceTest {


    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "1000");
        registry.add("refund.status.output-dir", () -> sample.output().toString());
    }

    @AfterAll
    static void keepOnlyDemoStaff(@Autowired JdbcTemplate jdbc) {
        StaffTesting.keepOnlyDemoStaff(jdbc);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffTesting staff;

    @BeforeEach
    void cleanLog() {
        jdbc.update("DELETE FROM lookup_log");
    }

    @Test
    void theApiAnswersWhereARefundIsForEveryRole() throws Exception {
        for (String user : List.of("support", "finance", "auditor")) {
            mvc.perform(get("/api/claims/1000000024").with(staff.token(user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SCHEDULED"))
                    .andExpect(jsonPath("$.statusEn").value("Payout sent"))
                    .andExpect(jsonPath("$.payoutDate").value("2019-11-15"))
                    .andExpect(jsonPath("$.bankName").value("みずほ"))
                    .andExpect(jsonPath("$.branchName").value("東京営業部"))
                    .andExpect(jsonPath("$.accountNumberMasked").value("****567"))
                    .andExpect(jsonPath("$.history.length()").value(2));
        }
    }

    @Test
    void aPendingClaimExplainsItsFlagAndTheEarliestDate() throws Exception {
        mvc.perform(get("/api/claims/1000000164").with(staff.token("support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_REVIEW"))
                .andExpect(jsonPath("$.reasons[0].code").value("SHARED_BANK_ACCOUNT"))
                .andExpect(jsonPath("$.reasons[0].en").value("Account also used by another member"))
                .andExpect(jsonPath("$.payoutDateKind").value("earliest"))
                // from the sample's last night, 2020-08-05: two bank days after 08-06, past Mountain Day (08-10)
                .andExpect(jsonPath("$.payoutDate").value("2020-08-11"));
    }

    @Test
    void searchByEveryKey() throws Exception {
        String[][] queries = {{"applicationId", "A0003"}, {"memberId", "M0003"}, {"phone", "08022220003"},
                {"email", " ICHIRO@example.jp "}};
        for (String[] q : queries) {
            mvc.perform(get("/api/claims").param(q[0], q[1]).with(staff.token("support")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.count").value(1))
                    .andExpect(jsonPath("$.claims[0].claimNo").value("1000000040"))
                    .andExpect(jsonPath("$.claims[0].certificateNo").value("P1000000016"));
        }
    }

    @Test
    void errorsHaveTheirStatus() throws Exception {
        mvc.perform(get("/api/claims/1000000024")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/claims/1000000024").with(httpBasic("support", DemoUsers.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.bearer("rbt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/claims/1000000025").with(staff.token("support"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("a claim number is 10 digits with a valid check digit"));
        mvc.perform(get("/api/claims/" + jp.refund.claim.SerialNumber.CLAIM_NUMBER.of(500_000_000L)).with(staff.token("support")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/claims").with(staff.token("support"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/claims").param("memberId", "M1").param("email", "a@b").with(staff.token("support")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/claims").param("birthDate", "1980-04-01").with(staff.token("support")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/claims").param("phone", "12").with(staff.token("support"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/lookups").with(staff.token("support"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/nights").with(staff.token("auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/nights").with(staff.token("finance"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].runDate").value("2020-08-05"));
        mvc.perform(get("/api/lookups").with(staff.token("auditor"))).andExpect(status().isOk());
    }

    @Test
    void pagesNeedALoginAndFormsNeedACsrfToken() throws Exception {
        mvc.perform(get("/claims/1000000024")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login"));
        mvc.perform(post("/login").param("username", "support").param("password", DemoUsers.PASSWORD))
                .andExpect(status().isForbidden());
        // the password is only the first factor: the next stop is the second
        mvc.perform(post("/login").param("username", "support").param("password", DemoUsers.PASSWORD).with(csrf())
                        .with(StaffTesting.from("10.0.0.2")))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/login/totp"));
        mvc.perform(get("/audit/lookups").with(StaffTesting.bothFactors("support"))).andExpect(status().isForbidden());
    }

    @Test
    void theClaimPageSaysItInPlainWordsWithSecurityHeaders() throws Exception {
        MvcResult page = mvc.perform(get("/claims/1000000164").with(StaffTesting.bothFactors("support")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("本人確認中", "Identity check in progress", "他の会員と同じ口座です", "****555",
                "以降（最短）", "三井住友", "春日部");
        mvc.perform(get("/claims/" + jp.refund.claim.SerialNumber.CLAIM_NUMBER.of(500_000_000L)).with(StaffTesting.bothFactors("support")))
                .andExpect(status().isNotFound());
    }

    /** SPEC section 9: a claim awaiting the applicant's confirmation shows its deadline, on the page and in the API. */
    @Test
    void aClaimAwaitingConfirmationShowsItsDeadline() throws Exception {
        jdbc.update("UPDATE claim SET status = 'AWAITING_CONFIRMATION', confirm_by = DATE '2020-08-31'"
                + " WHERE claim_no = '1000000164'");
        try {
            mvc.perform(get("/api/claims/1000000164").with(staff.token("support")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("AWAITING_CONFIRMATION"))
                    .andExpect(jsonPath("$.confirmBy").value("2020-08-31"))
                    .andExpect(jsonPath("$.payoutDateKind").value("earliest"));
            String html = mvc.perform(get("/claims/1000000164").with(StaffTesting.bothFactors("support")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("払戻し額・方法のご確認待ち", "確認期限 Confirm by", "2020-08-31");
        } finally {
            jdbc.update("UPDATE claim SET status = 'PENDING_REVIEW', confirm_by = NULL WHERE claim_no = '1000000164'");
        }
        mvc.perform(get("/api/claims/1000000164").with(staff.token("support")))
                .andExpect(jsonPath("$.confirmBy").doesNotExist());
    }

    /** A night interrupted after its notices were stored: they are not waiting to be sent, and support sees why. */
    @Test
    void aNoticeOfANightNotRunToTheEndSaysSo() throws Exception {
        String claim = "1000000164";
        String id = claim + "-BALANCE-9"; // a copy of its first balance notice, made by a night with no end
        jdbc.update("INSERT INTO notice (notice_id, run_date, claim_no, kind, kind_rank, n, application_id, member_id,"
                + " delivery, recipient, template, fields) SELECT ?, DATE '2020-12-31', claim_no, kind, kind_rank, 9,"
                + " application_id, member_id, delivery, recipient, template, fields FROM notice"
                + " WHERE notice_id = ?", id, claim + "-BALANCE-1");
        try {
            String html = mvc.perform(get("/claims/" + claim).with(StaffTesting.bothFactors("support")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            // the sample's own notices' nights completed: not sent yet, and waiting for it
            assertThat(html).contains(id, "NIGHT_NOT_COMPLETED", claim + "-BALANCE-1", "NOT_SENT");
        } finally {
            jdbc.update("DELETE FROM notice WHERE notice_id = ?", id);
        }
    }

    /** SPEC section 9: the claim's notices, where they went (masked), their delivery state and their text. */
    @Test
    void theClaimPageListsTheApplicantsNoticesWithStateAndText() throws Exception {
        String claim = "1000000164";
        String recipient = jdbc.queryForObject("SELECT recipient FROM notice WHERE notice_id = ?", String.class,
                claim + "-DEFICIENCY-1");
        jdbc.update("MERGE INTO notice_outbox (notice_id, state, attempts, reply, updated_at) KEY (notice_id)"
                + " VALUES (?, 'FAILED', 1, '550 5.1.1 mailbox unavailable', CURRENT_TIMESTAMP)", claim + "-DEFICIENCY-1");
        try {
            String html = mvc.perform(get("/claims/" + claim).with(StaffTesting.bothFactors("support")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains(claim + "-BALANCE-1", claim + "-DEFICIENCY-1", "NOT_SENT", "FAILED",
                    "550 5.1.1 mailbox unavailable", "残高のお知らせ", "What we still need from you",
                    "ご指定の口座が他の会員のお申し込みにも使われています");
            assertThat(html).doesNotContain(recipient);
        } finally {
            jdbc.update("DELETE FROM notice_outbox WHERE notice_id = ?", claim + "-DEFICIENCY-1");
        }
    }

    /** Every claim of the sample, through the API and the page: no full account number, no birth date. */
    @Test
    void noResponseEverShowsAFullAccountNumberOrABirthDate() throws Exception {
        List<String> claims = jdbc.queryForList("SELECT claim_no FROM claim", String.class);
        List<String> secrets = new java.util.ArrayList<>();
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT account_number FROM claim WHERE account_number IS NOT NULL",
                String.class));
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT account_number FROM application WHERE account_number IS NOT NULL",
                String.class));
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT yucho_number FROM application WHERE yucho_number IS NOT NULL",
                String.class));
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT CAST(birth_date AS VARCHAR) FROM member", String.class));
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT email FROM application", String.class));
        secrets.addAll(jdbc.queryForList("SELECT DISTINCT phone FROM application", String.class));
        secrets.removeIf(s -> s.length() < 5);
        assertThat(claims).hasSizeGreaterThan(30);
        assertThat(secrets).hasSizeGreaterThan(50);
        for (String claim : claims) {
            String api = mvc.perform(get("/api/claims/" + claim).with(staff.token("auditor")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String html = mvc.perform(get("/claims/" + claim).with(StaffTesting.bothFactors("auditor")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (String secret : secrets) {
                // whole values only: account number 0000123 is no leak inside claim number 1000000123
                java.util.regex.Pattern whole = java.util.regex.Pattern.compile(
                        "(?<![0-9A-Za-z])" + java.util.regex.Pattern.quote(secret) + "(?![0-9A-Za-z])");
                assertThat(whole.matcher(api).find()).as(claim + " shows " + secret).isFalse();
                assertThat(whole.matcher(html).find()).as(claim + " shows " + secret).isFalse();
            }
        }
    }

    @Test
    void everyLookupIsLoggedWithWhoWhatAndHowMany() throws Exception {
        mvc.perform(get("/api/claims/1000000024").with(staff.token("support")));
        mvc.perform(get("/api/claims").param("email", "taro.yamada@example.jp").with(staff.token("support")));
        mvc.perform(get("/api/claims").param("phone", "099-0000-0000").with(staff.token("finance")));
        mvc.perform(get("/api/claims/1000000025").with(staff.token("support")));

        assertThat(jdbc.queryForList("SELECT username || ' ' || query_kind || ' ' || query_value || ' ' || results"
                + " || ' ' || outcome FROM lookup_log ORDER BY id", String.class)).containsExactly(
                "support claimNo 1000000024 1 OK",
                "support email t***@example.jp 2 OK",
                "finance phone *******0000 0 NOT_FOUND",
                "support claimNo 1000000025 0 BAD_REQUEST");
        String csv = mvc.perform(get("/audit/lookups.csv").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("looked_at,username,query_kind,query_value,results,outcome\n")
                .contains(",support,email,t***@example.jp,2,OK");
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() throws Exception {
        staff.newUser("locky", "SUPPORT", null);
        for (int i = 0; i < 5; i++) { // each from its own client: the lock, not the client throttle, is tested
            assertThat(StaffTesting.password(mvc, "locky", "wrong-password-" + i, "10.1.0." + i).getResponse()
                    .getRedirectedUrl()).isEqualTo("/login?error");
        }
        // the right password no longer works while the account is locked
        assertThat(StaffTesting.password(mvc, "locky", StaffTesting.PASSWORD, "10.1.0.99").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(jdbc.queryForObject("SELECT locked_until IS NOT NULL FROM staff_user WHERE username = 'locky'",
                Boolean.class)).isTrue();
    }
}
