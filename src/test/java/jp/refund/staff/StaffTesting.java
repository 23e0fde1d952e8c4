package jp.refund.staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For tests of the status service: a clock the test moves, API tokens for the demo users,
 * requests from a chosen client address, and logins through both factors.
 */
@TestConfiguration
public class StaffTesting {

    public static final String PASSWORD = "a-long-test-password-1";
    private final ObjectProvider<ApiTokens> tokens;
    private final ObjectProvider<StaffUsers> users;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T01:00:00Z"));

    StaffTesting(ObjectProvider<ApiTokens> tokens, ObjectProvider<StaffUsers> users, ObjectProvider<JdbcTemplate> jdbc) {
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return clock;
    }

    public MutableClock clock() {
        return clock;
    }

    /** {@code Authorization: Bearer} with a token of this (demo) user, made once per context. */
    public RequestPostProcessor token(String user) {
        String token = issued.computeIfAbsent(user, u -> tokens.getObject().create(u, Duration.ofDays(3650), "test"));
        return bearer(token);
    }

    public static RequestPostProcessor bearer(String token) {
        return r -> {
            r.addHeader("Authorization", "Bearer " + token);
            return r;
        };
    }

    /** A page user who passed both factors. */
    public static RequestPostProcessor bothFactors(String user) {
        return SecurityMockMvcRequestPostProcessors.user(user).authorities(
                new SimpleGrantedAuthority("ROLE_" + user.toUpperCase(java.util.Locale.ROOT)),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromAuthority("FACTOR_TOTP"));
    }

    public static RequestPostProcessor from(String client) {
        return r -> {
            r.setRemoteAddr(client);
            return r;
        };
    }

    /** A new user with {@link #PASSWORD} and, unless null, a TOTP secret already enrolled. */
    public void newUser(String name, String role, String totpSecret) {
        users.getObject().save(name, PASSWORD, role, "test");
        if (totpSecret != null) {
            jdbc.getObject().update("UPDATE staff_user SET totp_secret = ? WHERE username = ?", totpSecret, name);
        }
    }

    /**
     * The sample database is shared by the service tests, and the demo profile refuses to start
     * beside other staff: a test class that adds users removes them when it is done.
     */
    public static void keepOnlyDemoStaff(JdbcTemplate jdbc) {
        String others = " WHERE username NOT IN ('support', 'finance', 'auditor')";
        jdbc.update("DELETE FROM user_credentials WHERE user_entity_user_id IN (SELECT id FROM user_entities"
                + others.replace("username", "name") + ")");
        jdbc.update("DELETE FROM user_entities" + others.replace("username", "name"));
        for (String table : java.util.List.of("staff_recovery_code", "staff_device", "api_token", "staff_user")) {
            jdbc.update("DELETE FROM " + table + others);
        }
    }

    public String code(String secret) {
        return Totp.code(secret, Totp.step(clock.instant().getEpochSecond()));
    }

    /** The password step from a client; returns the session (the caller checks where it was sent). */
    public static MvcResult password(MockMvc mvc, String user, String password, String client) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(from(client))).andReturn();
    }

    /** Both factors from a client: the session of a complete login. */
    public MockHttpSession login(MockMvc mvc, String user, String secret, String client) throws Exception {
        MvcResult first = password(mvc, user, PASSWORD, client);
        if (!"/login/totp".equals(first.getResponse().getRedirectedUrl())) {
            throw new AssertionError("password step of " + user + " sent to " + first.getResponse().getRedirectedUrl()
                    + " (status " + first.getResponse().getStatus() + ")");
        }
        MockHttpSession session = (MockHttpSession) first.getRequest().getSession();
        MvcResult second = mvc.perform(post("/login/totp").param("code", code(secret)).session(session).with(csrf())
                .with(from(client))).andReturn();
        if (!"/".equals(second.getResponse().getRedirectedUrl())) {
            throw new AssertionError("second factor of " + user + " sent to " + second.getResponse().getRedirectedUrl());
        }
        clock.advance(Duration.ofSeconds(30)); // the next code is a new step (each step works once)
        return session;
    }
}
