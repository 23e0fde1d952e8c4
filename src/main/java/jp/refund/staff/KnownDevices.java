package jp.refund.staff;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Browsers that completed both factors for a user get a random cookie ({@code RB_DEVICE},
 * HttpOnly, SameSite=Strict, Secure under TLS; only its SHA-256 is stored). Failures from
 * elsewhere never lock a user out of such a browser.
 */
@Component
class KnownDevices {

    static final String COOKIE = "RB_DEVICE";

    private final JdbcTemplate jdbc;
    private final StaffSettings settings;
    private final Clock clock;

    KnownDevices(JdbcTemplate jdbc, StaffSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    boolean known(HttpServletRequest request, String username) {
        if (request == null || username == null || request.getCookies() == null) {
            return false;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() < 100) {
                Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM staff_device WHERE device_hash = ? AND username = ?"
                        + " AND expires_at > ?", Integer.class, sha256(c.getValue()), username, now());
                if (n != null && n > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    void remember(String username, HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.update("DELETE FROM staff_device WHERE expires_at <= ?", now());
        jdbc.update("INSERT INTO staff_device (device_hash, username, expires_at) VALUES (?, ?, ?)", sha256(value),
                username, now().plus(settings.deviceValidity()));
        response.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age="
                + settings.deviceValidity().toSeconds() + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(9));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
