package jp.refund.status;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
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

    @Test
    void theSixthLookupInAMinuteIsRefusedAndLoggedAndOtherUsersAreNotAffected() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/claims/1000000024").with(httpBasic("support", DemoUsers.PASSWORD))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/claims/1000000024").with(httpBasic("support", DemoUsers.PASSWORD)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/claims/1000000024").with(httpBasic("finance", DemoUsers.PASSWORD))).andExpect(status().isOk());
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lookup_log WHERE username = 'support'"
                + " AND outcome = 'RATE_LIMITED'", Integer.class)).isEqualTo(1);
    }
}
