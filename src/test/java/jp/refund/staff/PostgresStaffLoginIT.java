package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.refund.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff doors of {@code serve} on PostgreSQL, production's database (docs/postgresql.md):
 * the same beans as on H2, on a freshly migrated PostgreSQL database. Both factors, enrolment,
 * a second-factor lock, lockouts up to a held account, recovery codes and refused look-ups run
 * the statements of the login guard, the staff accounts, the security event log and the
 * look-up log against the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(StaffTesting.class)
// closed after the class: an open context keeps Logback as it set it up, and the in-process nights of the
// ITs that share this JVM afterwards (NightlyHarness) would then never get their own log file
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
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
    @Autowired
    StaffUsers users;

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

    @Test
    void enrolmentThenWrongCodesLockTheSecondFactorAndARecoveryCodeGetsIn() throws Exception {
        staff.newUser("pg.new", "SUPPORT", null);
        String enrolmentCode = users.issueEnrolmentCode("pg.new", "test");
        MockHttpSession session = passwordStep("pg.new", "10.73.0.1");
        mvc.perform(post("/login/enrol").param("code", enrolmentCode).session(session).with(csrf())
                .with(StaffTesting.from("10.73.0.1"))).andExpect(status().is3xxRedirection());
        String secret = (String) mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModelMap().get("secret");
        MvcResult enrolled = code(session, staff.code(secret), "10.73.0.1");
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) enrolled.getModelAndView().getModelMap().get("codes");
        assertThat(recoveryCodes).hasSize(10);
        assertThat(events("FACTOR_ENROLLED", "pg.new")).isEqualTo(1);

        staff.clock().advance(Duration.ofSeconds(30));
        MockHttpSession attacker = passwordStep("pg.new", "10.73.0.2");
        String wrong = staff.code(secret).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(code(attacker, wrong, "10.73.0.2").getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(events("FACTOR_LOCKOUT", "pg.new")).isEqualTo(1);
        // the lockout ended the attacker's session; after the password again, not even the right code passes
        MockHttpSession locked = passwordStep("pg.new", "10.73.0.3");
        assertThat(code(locked, staff.code(secret), "10.73.0.3").getResponse().getStatus()).isEqualTo(423);
        assertThat(code(locked, recoveryCodes.get(0), "10.73.0.3").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void lockoutsAreBoundedThenTheAccountIsHeldUntilARecoveryCodeComes() throws Exception {
        staff.newUser("pg.held", "SUPPORT", SECRET);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                StaffTesting.password(mvc, "pg.held", "guess-" + round + "-" + i, "10.74." + round + "." + i);
            }
            staff.clock().advance(Duration.ofMinutes(16));
        }
        assertThat(events("LOCKOUT", "pg.held")).isEqualTo(3);
        assertThat(events("ACCOUNT_HELD", "pg.held")).isEqualTo(1);
        assertThat(StaffTesting.password(mvc, "pg.held", StaffTesting.PASSWORD, "10.74.9.1").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");

        jdbc.update("INSERT INTO staff_recovery_code (username, code_hash) VALUES ('pg.held', ?)",
                TotpPages.recoveryHash("held-held-held-held"));
        assertThat(mvc.perform(post("/login").param("username", "pg.held").param("password", StaffTesting.PASSWORD)
                .param("recovery_code", "held-held-held-held").with(csrf()).with(StaffTesting.from("10.74.9.2")))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        assertThat(events("ACCOUNT_RELEASED", "pg.held")).isEqualTo(1);
        assertThat(users.state("pg.held")).doesNotContain("HELD");
    }

    private MockHttpSession passwordStep(String user, String client) throws Exception {
        MvcResult result = StaffTesting.password(mvc, user, StaffTesting.PASSWORD, client);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private MvcResult code(MockHttpSession session, String code, String client) throws Exception {
        return mvc.perform(post("/login/totp").param("code", code).session(session).with(csrf())
                .with(StaffTesting.from(client))).andReturn();
    }

    /** Spring Security's JDBC passkey repositories on PostgreSQL (BYTEA keys, timestamps): register, use, revoke. */
    @Test
    void aPasskeyIsRegisteredUsedAndRevokedOnPostgres() throws Exception {
        staff.newUser("pg-passkey", "SUPPORT", SECRET);
        SoftwarePasskey passkey = new SoftwarePasskey("localhost", "http://localhost:8080");
        MockHttpSession full = staff.login(mvc, "pg-passkey", SECRET, "10.45.1.1");
        String options = mvc.perform(post("/webauthn/register/options").session(full).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/webauthn/register").session(full).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(passkey.register(JsonPath.read(options, "$.challenge"), JsonPath.read(options, "$.user.id"),
                        "pg laptop"))).andExpect(status().isOk());

        for (int expected : new int[] {200, 401}) {
            MvcResult first = StaffTesting.password(mvc, "pg-passkey", StaffTesting.PASSWORD, "10.45.1.2");
            MockHttpSession session = (MockHttpSession) first.getRequest().getSession();
            String challenge = JsonPath.read(mvc.perform(post("/webauthn/authenticate/options").session(session)
                    .with(csrf())).andReturn().getResponse().getContentAsString(), "$.challenge");
            assertThat(mvc.perform(post("/login/webauthn").session(session).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(passkey.assertion(challenge)))
                    .andReturn().getResponse().getStatus()).isEqualTo(expected);
            if (expected == 200) {
                mvc.perform(get("/").session(session)).andExpect(status().isOk());
                assertThat(users.state("pg-passkey")).contains("1 passkey(s)");
                assertThat(users.revokePasskeys("pg-passkey", "cli:it")).isEqualTo(1);
            }
        }
    }
}
