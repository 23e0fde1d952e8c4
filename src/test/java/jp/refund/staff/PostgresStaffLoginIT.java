package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.refund.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff doors of {@code serve} on PostgreSQL, production's database (docs/postgresql.md):
 * the same beans as on H2, on a freshly migrated PostgreSQL database. Both factors, a lockout
 * and its end, and refused look-ups run every statement of the login guard, the security
 * event log and the look-up log against the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(StaffTesting.class)
class PostgresStaffLoginIT {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static PostgresServer.Database database;
    private static Path keys;

    /** Before the context: skipped (failed in CI) without a server, as every PostgreSQL test. */
    @BeforeAll
    static void migratedPostgresDatabase() throws Exception {
        database = PostgresServer.require().createDatabase("staff");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        keys = Files.createTempDirectory("refund-it-staff");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.url());
        registry.add("spring.datasource.username", () -> database.user());
        registry.add("spring.datasource.password", () -> database.password());
        registry.add("refund.database.file", () -> keys.resolve("refunds").toString()); // the TOTP key file's place
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "2");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffTesting staff;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void aFreshMinute() {
        staff.clock().advance(Duration.ofMinutes(2));
    }

    private long events(String event, String user) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(repeated), 0) FROM security_event WHERE event = ? AND username = ?",
                Long.class, event, user);
    }

    @Test
    void aStaffUserLogsInWithPasswordAndCode() throws Exception {
        staff.newUser("pg.desk", "SUPPORT", SECRET);

        MockHttpSession session = staff.login(mvc, "pg.desk", SECRET, "10.70.0.1");

        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(events("LOGIN_SUCCESS", "pg.desk")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT failed_logins FROM staff_user WHERE username = 'pg.desk'", Integer.class))
                .isZero();
    }

    @Test
    void wrongPasswordsLockTheUserUntilTheLockoutEnds() throws Exception {
        staff.newUser("pg.target", "SUPPORT", SECRET);
        for (int i = 0; i < 5; i++) {
            assertThat(StaffTesting.password(mvc, "pg.target", "wrong-password-" + i, "10.71.0." + i).getResponse()
                    .getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(StaffTesting.password(mvc, "pg.target", StaffTesting.PASSWORD, "10.71.1.1").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(events("LOGIN_FAILURE", "pg.target")).isEqualTo(5);
        assertThat(events("LOCKOUT", "pg.target")).isEqualTo(1);
        assertThat(events("LOGIN_LOCKED", "pg.target")).isEqualTo(1);

        staff.clock().advance(Duration.ofMinutes(16)); // the lockout (15 min) is over
        staff.login(mvc, "pg.target", SECRET, "10.71.1.2");
    }

    @Test
    void lookupsBeyondTheRateAreRefusedCountedAndShownToTheAuditor() throws Exception {
        staff.newUser("pg.api", "SUPPORT", null);
        String token = tokens.create("pg.api", Duration.ofDays(1), "test");
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/claims").param("memberId", "NOBODY" + i).with(StaffTesting.bearer(token))
                    .with(StaffTesting.from("10.72.0.1"))).andExpect(status().isOk());
        }
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/claims").param("memberId", "NOBODY").with(StaffTesting.bearer(token))
                    .with(StaffTesting.from("10.72.0.1"))).andExpect(status().isTooManyRequests());
        }

        staff.newUser("pg.auditor", "AUDITOR", SECRET);
        MockHttpSession auditor = staff.login(mvc, "pg.auditor", SECRET, "10.72.0.2");
        String page = mvc.perform(get("/audit/lookups").session(auditor)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("pg.api", "RATE_LIMITED");
        assertThat(jdbc.queryForObject("SELECT SUM(refused) FROM lookup_refusal WHERE username = 'pg.api'"
                + " AND outcome = 'RATE_LIMITED'", Integer.class)).isEqualTo(2);
        mvc.perform(get("/audit/events").session(auditor)).andExpect(status().isOk());
    }
}
