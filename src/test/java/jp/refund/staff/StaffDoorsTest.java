package jp.refund.staff;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.ui.ModelMap;

/**
 * The attacks of issue 16 on the staff doors, each reproduced and refused: a parallel burst
 * of wrong passwords, a spray over user names from one client, the password alone, a replayed
 * code, a session after its user was reset, API calls with a password or a dead token.
 * The clock is the test's ({@link MutableClock}): throttles and lockouts without sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(StaffTesting.class)
class StaffDoorsTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
        registry.add("refund.status.lookups-per-minute", () -> "1000");
    }

    /**
     * The attacks here make about 600 password checks; at the production cost (PBKDF2, 310,000
     * iterations: PasswordHashing) they took 187 s of a 4-minute unit suite. The throttles and
     * lockouts under test count attempts, not hashing time, so the users this class creates get
     * a cheap hash of their own id; hashes of the real kind still verify.
     */
    @TestConfiguration
    static class CheapHashes {

        @Bean
        @Primary
        PasswordEncoder cheapPasswordEncoder() {
            return new DelegatingPasswordEncoder("pbkdf2-test-only", Map.of("pbkdf2-test-only",
                    new Pbkdf2PasswordEncoder("", 16, 1_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
                    PasswordHashing.PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        }
    }

    @AfterAll
    static void keepOnlyDemoStaff(@Autowired JdbcTemplate jdbc) {
        StaffTesting.keepOnlyDemoStaff(jdbc);
        // the sample book is shared with other classes, which log in with the production hashing: the demo
        // users left (theDemoProfileNeverTouchesAnExistingUser made them anew) get its hash of their password
        jdbc.update("UPDATE staff_user SET password_hash = ? WHERE password_hash LIKE '{pbkdf2-test-only}%'",
                new PasswordHashing().passwordEncoder().encode(DemoUsers.PASSWORD));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user WHERE password_hash LIKE '{pbkdf2-test-only}%'",
                Long.class)).isZero();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffTesting staff;
    @Autowired
    StaffUsers users;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void aFreshMinute() {
        staff.clock().advance(Duration.ofMinutes(2)); // no global failures of an earlier test count
    }

    private long events(String event, String user) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(repeated), 0) FROM security_event WHERE event = ? AND username = ?", Long.class,
                event, user);
    }

    @Test
    void aHundredParallelWrongPasswordsThenTheRightOneAreRefused() throws Exception {
        staff.newUser("burst", "SUPPORT", SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String client = "10.16." + (i / 250) + "." + (i % 250); // a hundred clients: no client throttle helps here
            answers.add(pool.submit(() -> {
                go.await();
                return StaffTesting.password(mvc, "burst", "wrong-password-guess", client).getResponse().getRedirectedUrl();
            }));
        }
        go.countDown();
        for (Future<String> a : answers) {
            assertThat(a.get()).isEqualTo("/login?error");
        }
        pool.shutdown();
        MvcResult right = StaffTesting.password(mvc, "burst", StaffTesting.PASSWORD, "10.16.9.9");

        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        // counted before the check: only max-failed-logins of the hundred reached the password check
        assertThat(events("LOGIN_FAILURE", "burst")).isEqualTo(5);
        assertThat(events("LOGIN_LOCKED", "burst")).isEqualTo(96); // 95 of the burst and the right password
        assertThat(events("LOCKOUT", "burst")).isEqualTo(1);
        // after the lockout (15 min) the right password is the first factor again
        staff.clock().advance(Duration.ofMinutes(16));
        assertThat(StaffTesting.password(mvc, "burst", StaffTesting.PASSWORD, "10.16.9.10").getResponse()
                .getRedirectedUrl()).isEqualTo("/login/totp");
    }

    @Test
    void oneClientSprayingSixtyUserNamesIsThrottledWithGrowingDelays() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            MvcResult r = StaffTesting.password(mvc, "staff" + i, "Summer2019!!x", "10.60.0.1");
            statuses.add(r.getResponse().getStatus());
            if (r.getResponse().getStatus() == 429) {
                retryAfter.add(r.getResponse().getHeader("Retry-After"));
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.subList(5, 60)).containsOnly(429);
        assertThat(retryAfter).containsOnly("1");
        // the delays grow: 1 s after the 5th failure, then 2 s, 4 s ...
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            long waited = 0;
            while (StaffTesting.password(mvc, "staff-x" + round, "Summer2019!!x", "10.60.0.1").getResponse().getStatus() == 429) {
                staff.clock().advance(Duration.ofSeconds(1));
                waited++;
            }
            waits.add(waited);
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
        assertThat(jdbc.queryForObject("SELECT SUM(repeated) FROM security_event WHERE event = 'LOGIN_THROTTLED'"
                + " AND client = '10.60.0.1'", Long.class)).isGreaterThanOrEqualTo(55);
        // another client is not slowed down by this one
        assertThat(StaffTesting.password(mvc, "staff0", "Summer2019!!x", "10.60.0.2").getResponse().getStatus())
                .isEqualTo(302);
    }

    @Test
    void manyClientsFailingAtOnceSlowDownEveryLoginWithoutAKnownDevice() throws Exception {
        for (int i = 0; i < 60; i++) { // 60 failures a minute, from 60 clients
            assertThat(StaffTesting.password(mvc, "nobody" + i, "Summer2019!!x", "10.61.0." + i).getResponse()
                    .getStatus()).isEqualTo(302);
        }
        assertThat(StaffTesting.password(mvc, "nobody", "Summer2019!!x", "10.61.1.1").getResponse().getStatus())
                .isEqualTo(302); // the first attempt of the slowed minute is admitted
        MvcResult next = StaffTesting.password(mvc, "nobody", "Summer2019!!x", "10.61.1.2");
        assertThat(next.getResponse().getStatus()).isEqualTo(429);
        assertThat(next.getResponse().getHeader("Retry-After")).isEqualTo("1");
        staff.clock().advance(Duration.ofSeconds(1));
        assertThat(StaffTesting.password(mvc, "nobody", "Summer2019!!x", "10.61.1.3").getResponse().getStatus())
                .isEqualTo(302);
    }

    @Test
    void floodsNeverRefuseAValidTokenOrAKnownBrowser() throws Exception {
        staff.newUser("steady", "SUPPORT", SECRET);
        String token = tokens.create("steady", Duration.ofDays(1), "test");
        MvcResult full = code(passwordStep("steady", "10.37.0.1"), staff.code(SECRET), "10.37.0.1");
        String device = full.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("RB_DEVICE="))
                .findFirst().orElseThrow();
        Cookie known = new Cookie("RB_DEVICE", device.substring("RB_DEVICE=".length(), device.indexOf(';')));
        // a flood of invalid tokens from one address slows that address only
        for (int i = 0; i < 100; i++) {
            mvc.perform(get("/api/claims/1000000024").with(StaffTesting.from("10.37.9.9"))
                    .with(StaffTesting.bearer("rbt_0000000000" + String.format("%02d", i) + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
        }
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.from("10.37.2.1")).with(StaffTesting.bearer(token)))
                .andExpect(status().isOk());
        assertThat(StaffTesting.password(mvc, "nobody-37", "Summer2019!!x", "10.37.2.2").getResponse().getStatus())
                .isEqualTo(302);
        // password failures from many clients engage the global limit: new browsers wait ...
        for (int i = 0; i < 61; i++) {
            StaffTesting.password(mvc, "nobody-37-" + i, "Summer2019!!x", "10.37.1." + i);
        }
        assertThat(StaffTesting.password(mvc, "nobody-37", "Summer2019!!x", "10.37.2.3").getResponse().getStatus())
                .isEqualTo(429);
        // ... but never a valid token, nor the staff member's known browser
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/claims/1000000024").with(StaffTesting.from("10.37.3." + i))
                    .with(StaffTesting.bearer(token))).andExpect(status().isOk());
        }
        assertThat(mvc.perform(post("/login").param("username", "steady").param("password", StaffTesting.PASSWORD)
                .cookie(known).with(csrf()).with(StaffTesting.from("10.37.0.1"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login/totp");
    }

    @Test
    void theDemoProfileNeverTouchesAnExistingUser() throws Exception {
        StaffTesting.keepOnlyDemoStaff(jdbc);
        jdbc.update("DELETE FROM staff_user");
        staff.newUser("support", "AUDITOR", SECRET); // a real user who happens to be called support
        DemoUsers demo = new DemoUsers(users);
        assertThatThrownBy(() -> demo.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other");
        assertThat(jdbc.queryForList("SELECT username || ' ' || role || ' ' || totp_secret FROM staff_user",
                String.class)).containsExactly("support AUDITOR " + SECRET);
        // in an empty staff table it creates its users, with events; on its own users it changes nothing
        jdbc.update("DELETE FROM staff_user");
        demo.run(null);
        assertThat(users.names()).containsExactly("auditor", "finance", "support");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE event = 'USER_CREATED'"
                + " AND client = 'demo profile'", Long.class)).isGreaterThanOrEqualTo(3);
        jdbc.update("UPDATE staff_user SET failed_logins = 3 WHERE username = 'finance'");
        demo.run(null);
        assertThat(jdbc.queryForObject("SELECT failed_logins FROM staff_user WHERE username = 'finance'", Integer.class))
                .isEqualTo(3);
        jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = 'finance'");
    }

    @Test
    void thePasswordAloneOpensNoPageAndNoApi() throws Exception {
        staff.newUser("halfway", "AUDITOR", SECRET);
        MvcResult first = StaffTesting.password(mvc, "halfway", StaffTesting.PASSWORD, "10.2.0.1");
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        MockHttpSession session = (MockHttpSession) first.getRequest().getSession();
        for (String page : List.of("/", "/claims/1000000024", "/audit/lookups", "/audit/events")) {
            mvc.perform(get(page).session(session)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("/login/totp?*"));
        }
        mvc.perform(get("/api/claims/1000000024").with(httpBasic("halfway", StaffTesting.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/claims/1000000024").session(session)).andExpect(status().isUnauthorized());
        // with the code the same session opens the pages
        mvc.perform(post("/login/totp").param("code", staff.code(SECRET)).session(session).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/audit/lookups").session(session)).andExpect(status().isOk());
    }

    @Test
    void enrolmentShowsAQrCodeAndGivesTenRecoveryCodesEachUsableOnce() throws Exception {
        staff.newUser("newcomer", "SUPPORT", null);
        String enrolmentCode = users.issueEnrolmentCode("newcomer", "test");
        MockHttpSession session = (MockHttpSession) StaffTesting.password(mvc, "newcomer", StaffTesting.PASSWORD,
                "10.3.0.1").getRequest().getSession();
        mvc.perform(post("/login/enrol").param("code", enrolmentCode).session(session).with(csrf())
                .with(StaffTesting.from("10.3.0.1"))).andExpect(redirectedUrl("/login/totp"));
        MvcResult enrol = mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk()).andReturn();
        ModelMap model = enrol.getModelAndView().getModelMap();
        String secret = (String) model.get("secret");
        assertThat((String) model.get("qr")).startsWith("data:image/png;base64,");
        assertThat(enrol.getResponse().getContentAsString()).contains(secret);
        mvc.perform(post("/login/totp").param("code", "000000").session(session).with(csrf())
                .with(StaffTesting.from("10.3.0.1"))).andExpect(status().isOk());
        MvcResult done = mvc.perform(post("/login/totp").param("code", staff.code(secret)).session(session).with(csrf())
                .with(StaffTesting.from("10.3.0.1"))).andExpect(status().isOk()).andReturn();
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) done.getModelAndView().getModelMap().get("codes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        String stored = jdbc.queryForObject("SELECT totp_secret FROM staff_user WHERE username = 'newcomer'", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain(secret); // sealed with a key outside the database
        assertThat(users.totpSecret("newcomer")).contains(secret);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(events("FACTOR_ENROLLED", "newcomer")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_recovery_code WHERE username = 'newcomer'"
                + " AND code_hash NOT LIKE '%-%'", Long.class)).isEqualTo(10); // hashes, not the codes

        staff.clock().advance(Duration.ofSeconds(30));
        MockHttpSession second = (MockHttpSession) StaffTesting.password(mvc, "newcomer", StaffTesting.PASSWORD,
                "10.3.0.2").getRequest().getSession();
        assertThat(code(second, codes.get(3), "10.3.0.2").getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession third = (MockHttpSession) StaffTesting.password(mvc, "newcomer", StaffTesting.PASSWORD,
                "10.3.0.3").getRequest().getSession();
        assertThat(code(third, codes.get(3), "10.3.0.3").getResponse().getStatus())
                .isEqualTo(200); // used already: the form again
        mvc.perform(get("/").session(third)).andExpect(redirectedUrlPattern("/login/totp?*"));
    }

    @Test
    void withoutTheEnrolmentCodeThePasswordNeverReachesTheKey() throws Exception {
        staff.newUser("unenrolled", "SUPPORT", null);
        String client = "10.36.5.1";
        MockHttpSession s = passwordStep("unenrolled", client);
        MvcResult page = mvc.perform(get("/login/totp").session(s)).andExpect(status().isOk()).andReturn();
        assertThat(page.getModelAndView().getModelMap()).doesNotContainKeys("secret", "qr");
        assertThat(page.getResponse().getContentAsString()).contains("enrolment code").doesNotContain("otpauth", "<img");
        // guessing a code at the enrolment step enrols nothing
        assertThat(code(s, "123456", client).getResponse().getContentAsString()).doesNotContain("<img");
        assertThat(users.totpSecret("unenrolled")).isEmpty();

        String enrolmentCode = users.issueEnrolmentCode("unenrolled", "test");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user WHERE enrol_code_hash = ?", Long.class,
                TotpPages.recoveryHash(enrolmentCode))).isEqualTo(1); // its hash, never the code
        mvc.perform(post("/login/enrol").param("code", "aaaa-aaaa-aaaa-aaaa").session(s).with(csrf())
                .with(StaffTesting.from(client))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/login/totp").session(s)).andReturn().getModelAndView().getModelMap())
                .doesNotContainKey("secret");
        // expired after 24 h
        staff.clock().advance(Duration.ofHours(24).plusSeconds(1));
        MockHttpSession late = passwordStep("unenrolled", "10.36.5.2");
        mvc.perform(post("/login/enrol").param("code", enrolmentCode).session(late).with(csrf())
                .with(StaffTesting.from("10.36.5.2"))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/login/totp").session(late)).andReturn().getModelAndView().getModelMap())
                .doesNotContainKey("secret");
        // a fresh code works once: a second browser with the same code sees no key
        String fresh = users.issueEnrolmentCode("unenrolled", "test");
        MockHttpSession mine = passwordStep("unenrolled", "10.36.5.3");
        mvc.perform(post("/login/enrol").param("code", fresh).session(mine).with(csrf())
                .with(StaffTesting.from("10.36.5.3"))).andExpect(redirectedUrl("/login/totp"));
        assertThat(mvc.perform(get("/login/totp").session(mine)).andReturn().getModelAndView().getModelMap())
                .containsKey("secret");
        MockHttpSession other = passwordStep("unenrolled", "10.36.5.4");
        mvc.perform(post("/login/enrol").param("code", fresh).session(other).with(csrf())
                .with(StaffTesting.from("10.36.5.4"))).andExpect(status().isOk());
        assertThat(events("ENROLMENT_CODE_ISSUED", "unenrolled")).isEqualTo(2);
        assertThat(events("ENROLMENT_CODE_USED", "unenrolled")).isEqualTo(1);
    }

    @Test
    void aTotpCodeWorksOnceAndOnlyWithinOneStepOfTheClock() throws Exception {
        staff.newUser("replay", "SUPPORT", SECRET);
        String code = staff.code(SECRET);
        MockHttpSession first = (MockHttpSession) StaffTesting.password(mvc, "replay", StaffTesting.PASSWORD,
                "10.4.0.1").getRequest().getSession();
        assertThat(code(first, code, "10.4.0.1").getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession second = (MockHttpSession) StaffTesting.password(mvc, "replay", StaffTesting.PASSWORD,
                "10.4.0.2").getRequest().getSession();
        assertThat(code(second, code, "10.4.0.2").getResponse().getStatus()).isEqualTo(200);
        long step = Totp.step(staff.clock().instant().getEpochSecond());
        assertThat(code(second, Totp.code(SECRET, step + 2), "10.4.0.2").getResponse().getStatus())
                .isEqualTo(200); // a minute ahead: refused
        assertThat(code(second, Totp.code(SECRET, step + 1), "10.4.0.2").getResponse().getRedirectedUrl())
                .isEqualTo("/"); // one step of skew: accepted
        assertThat(events("FACTOR_FAILURE", "replay")).isEqualTo(2);
    }

    /** A six-digit code that is none of the three the clock accepts now. */
    private String wrongCode() {
        long step = Totp.step(staff.clock().instant().getEpochSecond());
        for (int i = 0; ; i++) {
            String c = String.format("%06d", i);
            if (!c.equals(Totp.code(SECRET, step - 1)) && !c.equals(Totp.code(SECRET, step))
                    && !c.equals(Totp.code(SECRET, step + 1))) {
                return c;
            }
        }
    }

    private MvcResult code(MockHttpSession session, String code, String client) throws Exception {
        return mvc.perform(post("/login/totp").param("code", code).session(session).with(csrf())
                .with(StaffTesting.from(client))).andReturn();
    }

    private MockHttpSession passwordStep(String user, String client) throws Exception {
        MvcResult r = StaffTesting.password(mvc, user, StaffTesting.PASSWORD, client);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        return (MockHttpSession) r.getRequest().getSession();
    }

    @Test
    void wrongCodesLockTheSecondFactorWhateverThePasswordsInBetween() throws Exception {
        staff.newUser("cycler", "SUPPORT", SECRET);
        jdbc.update("INSERT INTO staff_recovery_code (username, code_hash) VALUES ('cycler', ?)",
                TotpPages.recoveryHash("aaaa-bbbb-cccc-dddd"));
        // the attacker's cycle: the right password, two wrong codes, a wrong password, again
        int wrong = 0;
        for (int cycle = 0; wrong < 5; cycle++) {
            String client = "10.36.0." + cycle;
            MockHttpSession s = passwordStep("cycler", client);
            for (int i = 0; i < 2 && wrong < 5; i++, wrong++) {
                assertThat(code(s, wrongCode(), client).getResponse().getStatus()).isEqualTo(200);
            }
            StaffTesting.password(mvc, "cycler", "not-the-password-" + cycle, client);
        }
        assertThat(events("FACTOR_LOCKOUT", "cycler")).isEqualTo(1);
        // the password still passes, but now not even the right code does
        MockHttpSession locked = passwordStep("cycler", "10.36.1.1");
        MvcResult refused = code(locked, staff.code(SECRET), "10.36.1.1");
        assertThat(refused.getResponse().getStatus()).isEqualTo(423);
        assertThat(refused.getResponse().getContentAsString()).contains("recovery code");
        assertThat(events("FACTOR_LOCKED", "cycler")).isEqualTo(1);
        // a recovery code gets in and ends the lock
        assertThat(code(locked, "aaaa-bbbb-cccc-dddd", "10.36.1.1").getResponse().getRedirectedUrl()).isEqualTo("/");
        staff.clock().advance(Duration.ofSeconds(30));
        assertThat(code(passwordStep("cycler", "10.36.1.2"), staff.code(SECRET), "10.36.1.2").getResponse()
                .getRedirectedUrl()).isEqualTo("/");

        // each lockout in a row lasts twice as long: 15 min, then 30 min
        for (int round = 0; round < 2; round++) {
            staff.clock().advance(Duration.ofSeconds(30));
            String client = "10.36.2." + round;
            MockHttpSession s = passwordStep("cycler", client);
            for (int i = 0; i < 5; i++) {
                code(s, wrongCode(), client);
            }
            staff.clock().advance(Duration.ofMinutes(16));
        }
        assertThat(events("FACTOR_LOCKOUT", "cycler")).isEqualTo(3);
        assertThat(code(passwordStep("cycler", "10.36.3.1"), staff.code(SECRET), "10.36.3.1").getResponse().getStatus())
                .isEqualTo(423); // 16 of 30 minutes
        // the administrator's factor reset ends it too (and the next login enrols again)
        users.resetFactors("cycler", "test");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user WHERE username = 'cycler'"
                + " AND factor_locked_until IS NULL AND factor_failures = 0", Long.class)).isEqualTo(1);
    }

    @Test
    void aSessionEndsWhenItsUserIsResetDisabledOrLockedOut() throws Exception {
        staff.newUser("revoked", "FINANCE", SECRET);
        MockHttpSession session = staff.login(mvc, "revoked", SECRET, "10.5.0.1");
        mvc.perform(get("/finance/nights").session(session)).andExpect(status().isOk());
        users.save("revoked", StaffTesting.PASSWORD + "-new", "FINANCE", "test"); // a password reset
        mvc.perform(get("/finance/nights").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(events("SESSION_REVOKED", "revoked")).isEqualTo(1);

        users.save("revoked", StaffTesting.PASSWORD, "FINANCE", "test");
        MockHttpSession again = staff.login(mvc, "revoked", SECRET, "10.5.0.2");
        users.setEnabled("revoked", false, "test");
        mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/login"));
        users.setEnabled("revoked", true, "test");

        MockHttpSession third = staff.login(mvc, "revoked", SECRET, "10.5.0.3");
        for (int i = 0; i < 5; i++) { // someone else locks the user out
            StaffTesting.password(mvc, "revoked", "wrong-password-" + i, "10.5.1." + i);
        }
        mvc.perform(get("/").session(third)).andExpect(redirectedUrl("/login"));

        staff.clock().advance(Duration.ofHours(1));
        MockHttpSession fourth = staff.login(mvc, "revoked", SECRET, "10.5.0.4");
        staff.clock().advance(Duration.ofHours(8).plusMinutes(1)); // the absolute limit
        mvc.perform(get("/").session(fourth)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void lockoutsAreBoundedAndNeverReachAKnownBrowser() throws Exception {
        staff.newUser("target", "SUPPORT", SECRET);
        MvcResult full = StaffTesting.password(mvc, "target", StaffTesting.PASSWORD, "10.7.0.1");
        MockHttpSession s = (MockHttpSession) full.getRequest().getSession();
        MvcResult both = mvc.perform(post("/login/totp").param("code", staff.code(SECRET)).session(s).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();
        String device = both.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("RB_DEVICE="))
                .findFirst().orElseThrow();
        assertThat(device).contains("HttpOnly", "SameSite=Strict");
        Cookie known = new Cookie("RB_DEVICE", device.substring("RB_DEVICE=".length(), device.indexOf(';')));
        staff.clock().advance(Duration.ofSeconds(30));

        // an attacker who knows only the name: three lockouts a day at most
        int lockouts = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 5; i++) {
                StaffTesting.password(mvc, "target", "guess-" + round + "-" + i, "10.7." + (round + 1) + "." + i);
            }
            lockouts = (int) events("LOCKOUT", "target");
            // meanwhile the staff member's own browser still gets in
            MvcResult mine = mvc.perform(post("/login").param("username", "target").param("password",
                    StaffTesting.PASSWORD).cookie(known).with(csrf()).with(StaffTesting.from("10.7.0.1"))).andReturn();
            assertThat(mine.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
            staff.clock().advance(Duration.ofMinutes(16));
        }
        assertThat(lockouts).isEqualTo(3);
        // after the third, failures hold the account: no password is checked from a new browser
        assertThat(events("ACCOUNT_HELD", "target")).isEqualTo(1);
        long checked = events("LOGIN_FAILURE", "target");
        for (int i = 0; i < 5; i++) {
            StaffTesting.password(mvc, "target", "guess-late-" + i, "10.7.9." + i);
        }
        assertThat(events("LOGIN_FAILURE", "target")).isEqualTo(checked);
        staff.clock().advance(Duration.ofDays(1)); // not even the next day
        assertThat(StaffTesting.password(mvc, "target", StaffTesting.PASSWORD, "10.7.9.99").getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(users.state("target")).contains("HELD since");
        // the known browser still gets in; so does a new one with a recovery code and the password
        assertThat(mvc.perform(post("/login").param("username", "target").param("password", StaffTesting.PASSWORD)
                .cookie(known).with(csrf()).with(StaffTesting.from("10.7.0.1"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login/totp");
        jdbc.update("INSERT INTO staff_recovery_code (username, code_hash) VALUES ('target', ?)",
                TotpPages.recoveryHash("held-held-held-held"));
        assertThat(mvc.perform(post("/login").param("username", "target").param("password", "not-it-at-all")
                .param("recovery_code", "held-held-held-held").with(csrf()).with(StaffTesting.from("10.7.9.98")))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error"); // the code is kept
        assertThat(mvc.perform(post("/login").param("username", "target").param("password", StaffTesting.PASSWORD)
                .param("recovery_code", "held-held-held-held").with(csrf()).with(StaffTesting.from("10.7.9.97")))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        assertThat(events("ACCOUNT_RELEASED", "target")).isEqualTo(1);
        assertThat(users.state("target")).doesNotContain("HELD");
        // an administrator releases a held account with user NAME --unlock
        jdbc.update("UPDATE staff_user SET held_since = CURRENT_TIMESTAMP WHERE username = 'target'");
        assertThat(users.unlock("target", "test")).contains("HELD since");
        assertThat(StaffTesting.password(mvc, "target", StaffTesting.PASSWORD, "10.7.9.96").getResponse()
                .getRedirectedUrl()).isEqualTo("/login/totp");
    }

    @Test
    void apiTokensWorkUntilRevokedExpiredOrTheRoleChanges() throws Exception {
        staff.newUser("machine", "SUPPORT", null);
        String token = tokens.create("machine", Duration.ofDays(30), "test");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE secret_hash LIKE ?", Long.class,
                "%" + token.substring(17) + "%")).isZero(); // stored hashed
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/lookups").with(StaffTesting.bearer(token))).andExpect(status().isForbidden());
        String tokenId = token.substring(4, 16);
        tokens.revoke(tokenId, "test");
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.bearer(token))).andExpect(status().isUnauthorized());

        String second = tokens.create("machine", Duration.ofDays(1), "test");
        users.save("machine", StaffTesting.PASSWORD, "AUDITOR", "test"); // role change: tokens of the old role die
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.bearer(second))).andExpect(status().isUnauthorized());
        String third = tokens.create("machine", Duration.ofDays(1), "test");
        mvc.perform(get("/api/lookups").with(StaffTesting.bearer(third))).andExpect(status().isOk());
        staff.clock().advance(Duration.ofDays(1).plusSeconds(1));
        mvc.perform(get("/api/lookups").with(StaffTesting.bearer(third))).andExpect(status().isUnauthorized());
        for (String e : List.of("TOKEN_CREATED", "TOKEN_USED", "TOKEN_REVOKED", "ROLE_CHANGED")) {
            assertThat(events(e, "machine")).as(e).isPositive();
        }
    }

    @Test
    void guessingTokensIsThrottledPerClient() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/claims/1000000024").with(StaffTesting.from("10.8.0.1"))
                    .with(StaffTesting.bearer("rbt_00000000000" + i + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/claims/1000000024").with(StaffTesting.from("10.8.0.1"))
                        .with(StaffTesting.bearer("rbt_000000000009_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void theAuditorSeesAndExportsTheSecurityEvents() throws Exception {
        StaffTesting.password(mvc, "someone", "=HYPERLINK(\"http://x\")", "10.9.0.1");
        mvc.perform(get("/audit/events").with(StaffTesting.bothFactors("support"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/audit/events").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("LOGIN_FAILURE", "10.9.0.1");
        String csv = mvc.perform(get("/audit/events.csv").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("occurred_at,event,username,client,outcome,detail,repeated,last_at\n")
                .contains(",LOGIN_FAILURE,someone,10.9.0.1,");
        assertThat(csv).doesNotContain("HYPERLINK"); // a password is never in an event
    }

    @Test
    void aFloodOfRefusalsFromOneClientIsOneRowWithACount() throws Exception {
        for (int i = 0; i < 300; i++) {
            StaffTesting.password(mvc, "flood" + i, "Summer2019!!x", "10.38.0.1");
        }
        // 5 wrong passwords, then 295 refused by the client's throttle: two rows, not 300
        assertThat(jdbc.queryForList("SELECT event || ' ' || username || ' ' || repeated FROM security_event"
                + " WHERE client = '10.38.0.1' ORDER BY id", String.class))
                .containsExactly("LOGIN_FAILURE (several) 5", "LOGIN_THROTTLED (several) 295");
        String page = mvc.perform(get("/audit/events").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td class=\"times\">295</td>");
        String csv = mvc.perform(get("/audit/events.csv").with(StaffTesting.bothFactors("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("occurred_at,event,username,client,outcome,detail,repeated,last_at\n")
                .containsPattern(",LOGIN_THROTTLED,\\(several\\),10\\.38\\.0\\.1,REFUSED,[^\\n]*,295,");
        // a refusal after the window begins a new row
        staff.clock().advance(Duration.ofMinutes(6));
        for (int i = 0; i < 6; i++) {
            StaffTesting.password(mvc, "flood-late", "Summer2019!!x", "10.38.0.1");
        }
        assertThat(jdbc.queryForList("SELECT event || ' ' || username || ' ' || repeated FROM security_event"
                + " WHERE client = '10.38.0.1' ORDER BY id", String.class)).hasSize(4)
                .endsWith("LOGIN_FAILURE flood-late 1", "LOGIN_THROTTLED flood-late 5");
    }

    @Test
    void aPasswordResetForgetsTheKnownBrowsers() throws Exception {
        staff.newUser("forgetful", "SUPPORT", SECRET);
        MvcResult both = code(passwordStep("forgetful", "10.39.0.1"), staff.code(SECRET), "10.39.0.1");
        String device = both.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("RB_DEVICE="))
                .findFirst().orElseThrow();
        Cookie known = new Cookie("RB_DEVICE", device.substring("RB_DEVICE=".length(), device.indexOf(';')));
        users.save("forgetful", StaffTesting.PASSWORD, "SUPPORT", "test"); // a password reset
        for (int i = 0; i < 5; i++) { // someone locks the user out
            StaffTesting.password(mvc, "forgetful", "wrong-password-" + i, "10.39.1." + i);
        }
        // the browser known under the old password is not spared the lockout any more
        assertThat(mvc.perform(post("/login").param("username", "forgetful").param("password", StaffTesting.PASSWORD)
                .cookie(known).with(csrf()).with(StaffTesting.from("10.39.0.1"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void userNamesAreUniqueIgnoringCaseAndLogInWhateverTheCase() throws Exception {
        staff.newUser("CaseUser", "SUPPORT", SECRET);
        assertThat(users.save("caseuser", StaffTesting.PASSWORD + "x", "SUPPORT", "test")).startsWith("password reset");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user WHERE username_key = 'caseuser'", Long.class))
                .isEqualTo(1);
        assertThat(StaffTesting.password(mvc, "CASEUSER", StaffTesting.PASSWORD + "x", "10.10.0.1").getResponse()
                .getRedirectedUrl()).isEqualTo("/login/totp");
    }
}
