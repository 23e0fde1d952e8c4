package jp.refund.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff who may log in, from the {@code staff_user} table (passwords as bcrypt hashes),
 * with the lockout after repeated failed logins.
 */
@Service
public class StaffUsers implements UserDetailsService {

    public static final List<String> ROLES = List.of("SUPPORT", "FINANCE", "AUDITOR");

    private final JdbcTemplate jdbc;
    private final StatusSettings settings;

    StaffUsers(JdbcTemplate jdbc, StatusSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> users = jdbc.query("SELECT username, password_hash, role, enabled, locked_until"
                + " FROM staff_user WHERE username = ?", (rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject(5, OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(now());
                    return User.withUsername(rs.getString(1)).password(rs.getString(2))
                            .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3)))
                            .disabled(!rs.getBoolean(4)).accountLocked(locked).build();
                }, username);
        if (users.isEmpty()) {
            throw new UsernameNotFoundException("no such staff user");
        }
        return users.get(0);
    }

    /** Adds a staff user or replaces their password and role. */
    public void save(String username, String rawPassword, String role, PasswordEncoder encoder) {
        String r = role.toUpperCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ": " + role);
        }
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,60}")) {
            throw new IllegalArgumentException("user name must be 2-60 of A-Z a-z 0-9 . _ -");
        }
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("password must be at least 12 characters");
        }
        jdbc.update("MERGE INTO staff_user (username, password_hash, role, enabled, failed_logins, locked_until)"
                + " KEY (username) VALUES (?, ?, ?, TRUE, 0, NULL)", username, encoder.encode(rawPassword), r);
    }

    void failedLogin(String username) {
        jdbc.update("UPDATE staff_user SET failed_logins = failed_logins + 1 WHERE username = ?", username);
        jdbc.update("UPDATE staff_user SET locked_until = ?, failed_logins = 0 WHERE username = ? AND failed_logins >= ?",
                now().plus(settings.lockout()), username, settings.maxFailedLogins());
    }

    void successfulLogin(String username) {
        jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = ?", username);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9));
    }
}
