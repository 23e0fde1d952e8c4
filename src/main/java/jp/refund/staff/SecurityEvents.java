package jp.refund.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import jp.refund.shared.StoredTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The security event log: every knock on the doors — logins, throttling, lockouts, second
 * factors, API tokens, changes to staff accounts — as a row of {@code security_event} and a
 * log line: who, when, from which client, and how it came out. Never a password, code or token.
 */
@Component
public class SecurityEvents {

    /** What happened. */
    public enum Event {
        LOGIN_SUCCESS, LOGIN_FAILURE, LOGIN_THROTTLED, LOGIN_LOCKED, LOCKOUT, ACCOUNT_HELD, ACCOUNT_RELEASED,
        FACTOR_ENROLLED, FACTOR_SUCCESS, FACTOR_FAILURE, FACTOR_LOCKOUT, FACTOR_LOCKED, RECOVERY_CODE_USED, FACTORS_RESET, ENROLMENT_CODE_ISSUED, ENROLMENT_CODE_USED,
        PASSKEY_REGISTERED, PASSKEYS_REVOKED,
        TOKEN_CREATED, TOKEN_USED, TOKEN_REFUSED, TOKEN_REVOKED,
        USER_CREATED, USER_DISABLED, USER_ENABLED, ROLE_CHANGED, PASSWORD_RESET,
        SESSION_REVOKED, LOOKUP_CAP_REACHED
    }

    /** A row of the log; {@code repeated} refusals of the kind from the client up to {@code lastAt}. */
    public record Entry(long id, OffsetDateTime occurredAt, String event, String username, String client,
                        String outcome, String detail, int repeated, OffsetDateTime lastAt) {
    }

    static final String REFUSED = "REFUSED";
    private static final String COLUMNS = "id, occurred_at, event, username, client, outcome, detail, repeated, last_at";
    private static final Logger log = LoggerFactory.getLogger("jp.refund.security");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StaffSettings settings;

    SecurityEvents(JdbcTemplate jdbc, Clock clock, StaffSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Writes the event. A refusal of the same kind from the same client as a row begun less
     * than {@code event-window} ago adds to that row's count instead (its user becomes
     * {@code (several)} when the users differ), and is not logged again: a flood costs one row.
     */
    public void record(Event event, String username, String client, String outcome, String detail) {
        String user = clean(username, 60);
        String from = clean(client, 64);
        String what = clean(detail, 200);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(9));
        if (REFUSED.equals(outcome) && from != null && jdbc.update("UPDATE security_event SET repeated = repeated + 1,"
                + " last_at = ?, username = CASE WHEN username = ? THEN username ELSE '(several)' END"
                + " WHERE id = (SELECT MAX(id) FROM security_event WHERE client = ? AND event = ? AND outcome = ?"
                + " AND occurred_at > ?)", now, user, from, event.name(), REFUSED,
                now.minus(settings.eventWindow())) == 1) {
            log.debug("security event={} user={} client={} outcome={} (repeated)", event, user, from, outcome);
            return;
        }
        jdbc.update("INSERT INTO security_event (occurred_at, event, username, client, outcome, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)", now, event.name(), user, from, outcome, what);
        log.info("security event={} user={} client={} outcome={}{}", event, user == null ? "-" : user, from, outcome,
                what == null ? "" : " detail=" + what);
    }

    /** Newest first, a page at a time ({@code before} is the last id of the previous page, or none). */
    public List<Entry> page(Long before, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM security_event WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Entry(rs.getLong(1), StoredTimestamp.read(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), StoredTimestamp.read(rs, 9)),
                before == null ? Long.MAX_VALUE : before, size);
    }

    /** Every row, newest first, handed over a page at a time: the whole log is never in memory. */
    public void forEach(Consumer<Entry> each) {
        Long before = null;
        for (List<Entry> page = page(null, 1000); !page.isEmpty(); page = page(before, 1000)) {
            page.forEach(each);
            before = page.get(page.size() - 1).id();
        }
    }

    /** No line breaks or control characters (a forged log line), and no more than the column holds. */
    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("\\p{Cntrl}", "?");
        return c.length() > max ? c.substring(0, max) : c;
    }
}
