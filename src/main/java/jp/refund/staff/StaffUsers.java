package jp.refund.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.refund.shared.StoredTimestamp;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff who may log in ({@code staff_user}): names unique ignoring case, passwords as
 * PBKDF2 hashes checked against {@link PasswordPolicy}, a role, a TOTP secret once
 * enrolled, and a session epoch that, raised, ends every session of the user (lockout,
 * password reset, disable, role change, factor reset).
 */
@Service
public class StaffUsers implements UserDetailsService {

    public static final List<String> ROLES = List.of("SUPPORT", "FINANCE", "AUDITOR");

    /** What a session is checked against on every request. */
    record Standing(String username, int epoch, boolean enabled, String role) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecurityEvents events;
    private final Clock clock;
    private final StaffSettings settings;
    private final TotpKeys keys;

    StaffUsers(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityEvents events, Clock clock, StaffSettings settings,
               TotpKeys keys) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.keys = keys;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // the lockout is LoginGuard's: it spares a browser that is known for the user
        List<UserDetails> users = jdbc.query("SELECT username, password_hash, role, enabled"
                + " FROM staff_user WHERE username_key = ?", (rs, i) -> User.withUsername(rs.getString(1))
                .password(rs.getString(2)).authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3)))
                .disabled(!rs.getBoolean(4)).build(), key(username));
        if (users.isEmpty()) {
            throw new UsernameNotFoundException("no such staff user");
        }
        return users.get(0);
    }

    static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The stored spelling of a user name, if there is such a user. */
    public Optional<String> canonical(String username) {
        return jdbc.queryForList("SELECT username FROM staff_user WHERE username_key = ?", String.class, key(username))
                .stream().findFirst();
    }

    /**
     * Adds a staff user, or gives an existing one a new password and role (a password reset:
     * their sessions end, their known browsers are forgotten, their lockout is lifted). Says
     * what it did.
     */
    @Transactional
    public String save(String username, String rawPassword, String role, String actor) {
        String r = role(role);
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,60}")) {
            throw new IllegalArgumentException("user name must be 2-60 of A-Z a-z 0-9 . _ -");
        }
        PasswordPolicy.check(rawPassword);
        String hash = encoder.encode(rawPassword);
        Optional<String> existing = canonical(username);
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO staff_user (username, password_hash, role, enabled, failed_logins) VALUES (?, ?, ?, TRUE, 0)",
                    username, hash, r);
            events.record(Event.USER_CREATED, username, actor, "OK", "role " + r);
            return "created";
        }
        String name = existing.get();
        String oldRole = jdbc.queryForObject("SELECT role FROM staff_user WHERE username = ?", String.class, name);
        jdbc.update("UPDATE staff_user SET password_hash = ?, role = ?, failed_logins = 0, locked_until = NULL,"
                + " held_since = NULL, session_epoch = session_epoch + 1 WHERE username = ?", hash, r, name);
        // a browser known under the old password is not trusted under the new one
        jdbc.update("DELETE FROM staff_device WHERE username = ?", name);
        events.record(Event.PASSWORD_RESET, name, actor, "OK", null);
        if (!r.equals(oldRole)) {
            events.record(Event.ROLE_CHANGED, name, actor, "OK", oldRole + " -> " + r);
        }
        return "password reset" + (r.equals(oldRole) ? "" : ", role " + oldRole + " -> " + r);
    }

    static String role(String role) {
        String r = role == null ? "" : role.toUpperCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ": " + role);
        }
        return r;
    }

    public void setEnabled(String username, boolean enabled, String actor) {
        String name = require(username);
        jdbc.update("UPDATE staff_user SET enabled = ?, failed_logins = 0, locked_until = NULL, held_since = NULL,"
                + " session_epoch = session_epoch + 1 WHERE username = ?", enabled, name);
        events.record(enabled ? Event.USER_ENABLED : Event.USER_DISABLED, name, actor, "OK", null);
    }

    /**
     * Forgets the TOTP secret, the recovery codes, the passkeys, known browsers and a
     * second-factor lock: the next login enrols again, with the enrolment code returned.
     */
    @Transactional
    public String resetFactors(String username, String actor) {
        String name = require(username);
        jdbc.update("UPDATE staff_user SET totp_secret = NULL, totp_last_step = 0, session_epoch = session_epoch + 1,"
                + " factor_failures = 0, factor_lockouts = 0, factor_locked_until = NULL WHERE username = ?", name);
        jdbc.update("DELETE FROM staff_recovery_code WHERE username = ?", name);
        jdbc.update("DELETE FROM staff_device WHERE username = ?", name);
        int passkeys = deletePasskeys(name);
        events.record(Event.FACTORS_RESET, name, actor, "OK", passkeys == 0 ? null : passkeys + " passkey(s) revoked");
        return issueEnrolmentCode(name, actor);
    }

    /**
     * Revokes the user's passkeys ({@code user NAME --revoke-passkeys}), say one on a lost
     * device: they no longer complete a login, and the user's sessions end (one may have been
     * opened with it). TOTP and recovery codes stay. Says how many there were.
     */
    @Transactional
    public int revokePasskeys(String username, String actor) {
        String name = require(username);
        int revoked = deletePasskeys(name);
        jdbc.update("UPDATE staff_user SET session_epoch = session_epoch + 1 WHERE username = ?", name);
        events.record(Event.PASSKEYS_REVOKED, name, actor, "OK", revoked + " passkey(s), sessions ended");
        return revoked;
    }

    private int deletePasskeys(String name) {
        int revoked = jdbc.update("DELETE FROM user_credentials WHERE user_entity_user_id IN"
                + " (SELECT id FROM user_entities WHERE name = ?)", name);
        jdbc.update("DELETE FROM user_entities WHERE name = ?", name);
        return revoked;
    }

    /**
     * A one-time enrolment code for a user without a second factor (a new user, or after
     * {@link #resetFactors}): the authenticator key is shown only to whoever gives the password
     * <em>and</em> this code, which the administrator hands over apart from the password. Kept
     * as its SHA-256 (80 random bits: a fast hash is enough); a new code replaces the last.
     */
    public String issueEnrolmentCode(String username, String actor) {
        String name = require(username);
        String code = TotpPages.recoveryCodes().get(0);
        OffsetDateTime expires = now().plus(settings.enrolmentCodeValidity());
        if (jdbc.update("UPDATE staff_user SET enrol_code_hash = ?, enrol_code_expires = ? WHERE username = ?"
                + " AND totp_secret IS NULL", TotpPages.recoveryHash(code), expires, name) != 1) {
            throw new IllegalArgumentException(name + " has a second factor already: --reset-factors first");
        }
        events.record(Event.ENROLMENT_CODE_ISSUED, name, actor, "OK", "valid until " + expires.toLocalDateTime()
                .withNano(0) + " JST");
        return code;
    }

    /** Uses the user's enrolment code: true once, while it is valid and the user has no second factor. */
    boolean useEnrolmentCode(String username, String code) {
        return jdbc.update("UPDATE staff_user SET enrol_code_hash = NULL, enrol_code_expires = NULL WHERE username = ?"
                + " AND enrol_code_hash = ? AND enrol_code_expires > ? AND totp_secret IS NULL", username,
                TotpPages.recoveryHash(code), now()) == 1;
    }

    /** Demo profile: a new user with a published password and TOTP secret (never an existing one). */
    void demo(String username, String rawPassword, String role, String totpSecret) {
        jdbc.update("INSERT INTO staff_user (username, password_hash, role, enabled, failed_logins, totp_secret)"
                + " VALUES (?, ?, ?, TRUE, 0, ?)", username, encoder.encode(rawPassword), role, keys.seal(username, totpSecret));
        events.record(Event.USER_CREATED, username, "demo profile", "OK", "role " + role + ", published demo key");
    }

    List<String> names() {
        return jdbc.queryForList("SELECT username FROM staff_user ORDER BY username", String.class);
    }

    /** Whether the user is one the demo profile made: its name and its published key. */
    boolean isDemo(String username, String demoSecret) {
        return demoSecret != null && totpSecret(username).filter(demoSecret::equals).isPresent();
    }

    String require(String username) {
        return canonical(username).orElseThrow(() -> new IllegalArgumentException("no staff user " + username));
    }

    Optional<Standing> standing(String username) {
        return jdbc.query("SELECT username, session_epoch, enabled, role FROM staff_user WHERE username = ?",
                (rs, i) -> new Standing(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4)), username)
                .stream().findFirst();
    }

    Optional<String> totpSecret(String username) {
        return jdbc.queryForList("SELECT totp_secret FROM staff_user WHERE username = ? AND totp_secret IS NOT NULL",
                String.class, username).stream().findFirst().map(stored -> keys.open(username, stored));
    }

    /** Seals the TOTP keys stored before they were sealed; says how many. */
    int sealPlainTotpSecrets() {
        int sealed = 0;
        for (var row : jdbc.queryForList("SELECT username, totp_secret FROM staff_user WHERE totp_secret IS NOT NULL")) {
            String name = (String) row.get("username");
            String stored = (String) row.get("totp_secret");
            if (!TotpKeys.sealed(stored)) {
                sealed += jdbc.update("UPDATE staff_user SET totp_secret = ? WHERE username = ? AND totp_secret = ?",
                        keys.seal(name, stored), name, stored);
            }
        }
        return sealed;
    }

    /** Uses a TOTP step: true once per step and user (a code cannot be replayed). */
    boolean useStep(String username, long step) {
        return jdbc.update("UPDATE staff_user SET totp_last_step = ? WHERE username = ? AND totp_last_step < ?",
                step, username, step) == 1;
    }

    @Transactional
    void enrol(String username, String secret, long step, List<String> recoveryCodeHashes) {
        if (jdbc.update("UPDATE staff_user SET totp_secret = ?, totp_last_step = ? WHERE username = ?"
                + " AND totp_secret IS NULL", keys.seal(username, secret), step, username) != 1) {
            throw new IllegalStateException("already enrolled");
        }
        jdbc.update("DELETE FROM staff_recovery_code WHERE username = ?", username);
        for (String hash : recoveryCodeHashes) {
            jdbc.update("INSERT INTO staff_recovery_code (username, code_hash) VALUES (?, ?)", username, hash);
        }
    }

    boolean hasRecoveryCode(String username, String codeHash) {
        return !jdbc.queryForList("SELECT code_hash FROM staff_recovery_code WHERE username = ? AND code_hash = ?"
                + " AND used_at IS NULL", String.class, username, codeHash).isEmpty();
    }

    /** Uses the recovery code given with the password on a held account, and releases the account. */
    @Transactional
    boolean release(String username, String codeHash) {
        if (!useRecoveryCode(username, codeHash)) {
            return false;
        }
        jdbc.update("UPDATE staff_user SET held_since = NULL, failed_logins = 0 WHERE username = ?", username);
        return true;
    }

    /**
     * The administrator's release ({@code user NAME --unlock}): ends a lockout, a hold and a
     * second-factor lock, and starts the day's lockout count again. Says what it ended.
     */
    @Transactional
    public String unlock(String username, String actor) {
        String name = require(username);
        String state = state(name);
        jdbc.update("UPDATE staff_user SET locked_until = NULL, held_since = NULL, failed_logins = 0, lockouts_that_day = 0,"
                + " factor_locked_until = NULL, factor_failures = 0, factor_lockouts = 0 WHERE username = ?", name);
        events.record(Event.ACCOUNT_RELEASED, name, actor, "OK", "was: " + state);
        return state;
    }

    /** What keeps the user out now, for an administrator ({@code user NAME --status}). */
    public String state(String username) {
        String name = require(username);
        OffsetDateTime now = now();
        return jdbc.queryForObject("SELECT enabled, role, totp_secret IS NOT NULL, locked_until, held_since,"
                + " factor_locked_until, lockouts_that_day, lockout_day, (SELECT COUNT(*) FROM user_credentials c"
                + " JOIN user_entities e ON e.id = c.user_entity_user_id WHERE e.name = staff_user.username)"
                + " FROM staff_user WHERE username = ?", (rs, i) -> {
                    List<String> parts = new ArrayList<>();
                    parts.add(rs.getBoolean(1) ? "enabled" : "DISABLED");
                    parts.add("role " + rs.getString(2));
                    parts.add(rs.getBoolean(3) ? "second factor enrolled" : "not enrolled");
                    if (rs.getInt(9) > 0) {
                        parts.add(rs.getInt(9) + " passkey(s)");
                    }
                    OffsetDateTime locked = StoredTimestamp.read(rs, 4);
                    if (locked != null && locked.isAfter(now)) {
                        parts.add("LOCKED until " + locked.toLocalDateTime().withNano(0) + " JST");
                    }
                    OffsetDateTime held = StoredTimestamp.read(rs, 5);
                    if (held != null) {
                        parts.add("HELD since " + held.toLocalDateTime().withNano(0) + " JST");
                    }
                    OffsetDateTime factor = StoredTimestamp.read(rs, 6);
                    if (factor != null && factor.isAfter(now)) {
                        parts.add("SECOND FACTOR LOCKED until " + factor.toLocalDateTime().withNano(0) + " JST");
                    }
                    if (now.toLocalDate().equals(rs.getObject(8, LocalDate.class))) {
                        parts.add(rs.getInt(7) + " lockout(s) today");
                    }
                    return String.join(", ", parts);
                }, name);
    }

    /** Uses a recovery code: true the first time only. */
    boolean useRecoveryCode(String username, String codeHash) {
        return jdbc.update("UPDATE staff_recovery_code SET used_at = ? WHERE username = ? AND code_hash = ?"
                + " AND used_at IS NULL", now(), username, codeHash) == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(9));
    }
}
