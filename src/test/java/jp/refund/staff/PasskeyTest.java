package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Passkeys as the second factor (issue 36), through the real endpoints of Spring Security's
 * WebAuthn with a software authenticator ({@link SoftwarePasskey}): registered after both
 * factors, used instead of the TOTP code after the password, refused once revoked, never
 * registered with the password alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(StaffTesting.class)
class PasskeyTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String ORIGIN = "http://localhost:8080"; // refund.staff.passkey.allowed-origins' default

    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
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
    @Autowired
    StaffUsers users;

    /** Whether the last second-factor page offered the passkey. */
    private boolean passkeyOffered;

    @BeforeEach
    void aFreshMinute() {
        staff.clock().advance(Duration.ofMinutes(2));
    }

    private long events(String event, String user) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(repeated), 0) FROM security_event WHERE event = ? AND username = ?",
                Long.class, event, user);
    }

    /** Registration as the browser does it: options, then the authenticator's answer. */
    private MockHttpServletResponse register(MockHttpSession session, SoftwarePasskey passkey, String client)
            throws Exception {
        MockHttpServletResponse options = mvc.perform(post("/webauthn/register/options").session(session).with(csrf())
                .with(StaffTesting.from(client))).andReturn().getResponse();
        assertThat(options.getStatus()).as(options.getContentAsString()).isEqualTo(200);
        String json = options.getContentAsString();
        String body = passkey.register(JsonPath.read(json, "$.challenge"), JsonPath.read(json, "$.user.id"), "laptop");
        return mvc.perform(post("/webauthn/register").session(session).with(csrf()).with(StaffTesting.from(client))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    /** The password, then the passkey instead of the code: the session and the assertion's answer. */
    private MockHttpServletResponse passwordThenPasskey(String user, SoftwarePasskey passkey, MockHttpSession[] session,
                                                        String client) throws Exception {
        var first = StaffTesting.password(mvc, user, StaffTesting.PASSWORD, client);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        session[0] = (MockHttpSession) first.getRequest().getSession();
        passkeyOffered = mvc.perform(get("/login/totp").session(session[0])).andReturn().getResponse()
                .getContentAsString().contains("id=\"passkey-login\"");
        String json = mvc.perform(post("/webauthn/authenticate/options").session(session[0]).with(csrf())
                .with(StaffTesting.from(client))).andReturn().getResponse().getContentAsString();
        return mvc.perform(post("/login/webauthn").session(session[0]).with(csrf()).with(StaffTesting.from(client))
                .contentType(MediaType.APPLICATION_JSON).content(passkey.assertion(JsonPath.read(json, "$.challenge"))))
                .andReturn().getResponse();
    }

    @Test
    void aPasskeyRegisteredAfterBothFactorsReplacesTheCodeAtTheNextLogin() throws Exception {
        staff.newUser("pk-anna", "SUPPORT", SECRET);
        SoftwarePasskey passkey = new SoftwarePasskey("localhost", ORIGIN);
        MockHttpSession full = staff.login(mvc, "pk-anna", SECRET, "10.36.1.1");

        MockHttpServletResponse registered = register(full, passkey, "10.36.1.1");

        assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(200);
        assertThat(registered.getContentAsString()).contains("\"success\":true");
        assertThat(events("PASSKEY_REGISTERED", "pk-anna")).isEqualTo(1);
        assertThat(users.state("pk-anna")).contains("1 passkey(s)");

        assertThat(mvc.perform(get("/passkeys").session(full)).andReturn().getResponse().getContentAsString())
                .contains("laptop");
        MockHttpSession[] session = new MockHttpSession[1];
        MockHttpServletResponse asserted = passwordThenPasskey("pk-anna", passkey, session, "10.36.1.2");

        assertThat(passkeyOffered).isTrue();
        assertThat(asserted.getStatus()).as(asserted.getContentAsString()).isEqualTo(200);
        assertThat(asserted.getContentAsString()).contains("\"authenticated\":true");
        assertThat(mvc.perform(get("/").session(session[0])).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(events("FACTOR_SUCCESS", "pk-anna")).isEqualTo(2); // the code once, the passkey once
    }

    @Test
    void aRevokedPasskeyNoLongerCompletesALoginAndItsSessionsEnd() throws Exception {
        staff.newUser("pk-ben", "SUPPORT", SECRET);
        SoftwarePasskey passkey = new SoftwarePasskey("localhost", ORIGIN);
        assertThat(register(staff.login(mvc, "pk-ben", SECRET, "10.36.2.1"), passkey, "10.36.2.1").getStatus())
                .isEqualTo(200);
        MockHttpSession[] before = new MockHttpSession[1];
        assertThat(passwordThenPasskey("pk-ben", passkey, before, "10.36.2.2").getStatus()).isEqualTo(200);

        assertThat(users.revokePasskeys("pk-ben", "cli:test")).isEqualTo(1);

        assertThat(events("PASSKEYS_REVOKED", "pk-ben")).isEqualTo(1);
        assertThat(mvc.perform(get("/").session(before[0])).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login"); // the session the passkey opened has ended
        MockHttpSession[] after = new MockHttpSession[1];
        assertThat(passwordThenPasskey("pk-ben", passkey, after, "10.36.2.3").getStatus()).isEqualTo(401);
        assertThat(passkeyOffered).isFalse();
        assertThat(mvc.perform(get("/").session(after[0])).andReturn().getResponse().getRedirectedUrl())
                .contains("/login/totp"); // the password alone: the second factor is still missing
    }

    @Test
    void resetFactorsAlsoRevokesThePasskeys() throws Exception {
        staff.newUser("pk-cleo", "SUPPORT", SECRET);
        SoftwarePasskey passkey = new SoftwarePasskey("localhost", ORIGIN);
        assertThat(register(staff.login(mvc, "pk-cleo", SECRET, "10.36.3.1"), passkey, "10.36.3.1").getStatus())
                .isEqualTo(200);

        users.resetFactors("pk-cleo", "cli:test");

        assertThat(users.state("pk-cleo")).doesNotContain("passkey");
        MockHttpSession[] after = new MockHttpSession[1];
        assertThat(passwordThenPasskey("pk-cleo", passkey, after, "10.36.3.2").getStatus()).isEqualTo(401);
    }

    @Test
    void thePasswordAloneCannotRegisterAPasskey() throws Exception {
        staff.newUser("pk-dan", "SUPPORT", SECRET);
        var first = StaffTesting.password(mvc, "pk-dan", StaffTesting.PASSWORD, "10.36.4.1");
        MockHttpSession passwordOnly = (MockHttpSession) first.getRequest().getSession();

        MockHttpServletResponse registered = register(passwordOnly, new SoftwarePasskey("localhost", ORIGIN), "10.36.4.1");

        assertThat(registered.getStatus()).isNotEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e"
                + " ON e.id = c.user_entity_user_id WHERE e.name = 'pk-dan'", Integer.class)).isZero();
    }
}
