package jp.refund.status;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import jp.refund.staff.StaffTesting;
import org.springframework.context.annotation.Import;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Lookups are limited per user, so the service cannot be used to enumerate members. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(StaffTesting.class)
class RateLimitTest {

    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "5");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffTesting staff;

    @Test
    void theSixthLookupInAMinuteIsRefusedAndLoggedAndOtherUsersAreNotAffected() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/claims/1000000024").with(staff.token("support"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/claims/1000000024").with(staff.token("support")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/claims/1000000024").with(staff.token("finance"))).andExpect(status().isOk());
        mvc.perform(get("/api/lookups").with(staff.token("auditor"))).andExpect(status().isOk()); // the log brought up to date
        Assertions.assertThat(jdbc.queryForObject("SELECT SUM(refused) FROM lookup_refusal WHERE username = 'support'"
                + " AND outcome = 'RATE_LIMITED'", Integer.class)).isEqualTo(1);
    }
}
