package jp.refund.staff;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.refund.shared.StoredTimestamp;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * API tokens for machine clients, made and revoked with the {@code user} command:
 * {@code rbt_<id>_<secret>}, shown once; the database keeps the SHA-256 of the secret (it
 * has 192 random bits: a fast hash is enough), the user, the role at creation (the token is
 * refused if the user's role changed since), an expiry, and the revocation.
 */
@Service
public class ApiTokens {

    public record Token(String id, String username, String role, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                        OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /** A token's owner and scope, once it checked out. */
    record Bearer(String tokenId, String username, String role) {
    }

    private final JdbcTemplate jdbc;
    private final StaffUsers users;
    private final SecurityEvents events;
    private final Clock clock;

    ApiTokens(JdbcTemplate jdbc, StaffUsers users, SecurityEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Makes a token for the user, scoped to their role; returns it (the only time it is seen). */
    public String create(String username, Duration validity, String actor) {
        String name = users.require(username);
        StaffUsers.Standing standing = users.standing(name).orElseThrow();
        SecureRandom random = new SecureRandom();
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[24];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        jdbc.update("INSERT INTO api_token (token_id, username, role, secret_hash, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, name, standing.role(), KnownDevices.sha256(secretText), now,
                now.plus(validity));
        events.record(Event.TOKEN_CREATED, name, actor, "OK", "token " + id + ", role " + standing.role()
                + ", expires " + now.plus(validity).toLocalDate());
        return "rbt_" + id + "_" + secretText;
    }

    public boolean revoke(String tokenId, String actor) {
        List<String> owner = jdbc.queryForList("SELECT username FROM api_token WHERE token_id = ? AND revoked_at IS NULL",
                String.class, tokenId);
        if (owner.isEmpty()) {
            return false;
        }
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE token_id = ?", now(), tokenId);
        events.record(Event.TOKEN_REVOKED, owner.get(0), actor, "OK", "token " + tokenId);
        return true;
    }

    public List<Token> of(String username) {
        return jdbc.query("SELECT token_id, username, role, created_at, expires_at, revoked_at, last_used_at FROM api_token"
                + " WHERE username = ? ORDER BY created_at", (rs, i) -> new Token(rs.getString(1), rs.getString(2),
                rs.getString(3), StoredTimestamp.read(rs, 4), StoredTimestamp.read(rs, 5),
                StoredTimestamp.read(rs, 6), StoredTimestamp.read(rs, 7)), users.require(username));
    }

    /** The bearer of a presented token, if it is one of ours, not expired, not revoked, its user enabled and in the same role. */
    Optional<Bearer> check(String presented) {
        if (presented == null || !presented.matches("rbt_[0-9a-f]{12}_[A-Za-z0-9_-]{32}")) {
            return Optional.empty();
        }
        String id = presented.substring(4, 16);
        String secret = presented.substring(17);
        OffsetDateTime now = now();
        List<Bearer> found = jdbc.query("SELECT t.token_id, t.username, t.role, t.secret_hash FROM api_token t"
                + " JOIN staff_user u ON u.username = t.username WHERE t.token_id = ? AND t.revoked_at IS NULL"
                + " AND t.expires_at > ? AND u.enabled AND u.role = t.role", (rs, i) ->
                MessageDigest.isEqual(rs.getString(4).getBytes(), KnownDevices.sha256(secret).getBytes())
                        ? new Bearer(rs.getString(1), rs.getString(2), rs.getString(3)) : null, id, now);
        Optional<Bearer> bearer = found.stream().filter(java.util.Objects::nonNull).findFirst();
        bearer.ifPresent(b -> {
            // one TOKEN_USED event an hour per token: enough to see use without drowning the log
            if (jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_id = ? AND (last_used_at IS NULL"
                    + " OR last_used_at < ?)", now, b.tokenId(), now.minus(Duration.ofHours(1))) == 1) {
                events.record(Event.TOKEN_USED, b.username(), StaffAuthentication.client(StaffAuthentication.currentRequest()),
                        "OK", "token " + b.tokenId());
            }
        });
        return bearer;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(9));
    }
}
