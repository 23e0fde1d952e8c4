package jp.refund.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every lookup passes here: it is refused beyond the per-user rate limit, and every
 * lookup — answered, not found, malformed or refused — is written to the lookup log
 * (who, when, what was asked, how many results).
 */
@Component
public class LookupGuard {

    /** Thrown when a user asks too often. */
    public static class TooManyLookups extends RuntimeException {
        TooManyLookups(int perMinute) {
            super("more than " + perMinute + " lookups in a minute; wait a moment");
        }
    }

    public record LogEntry(OffsetDateTime lookedAt, String username, String kind, String query, int results,
                           String outcome) {
    }

    private final JdbcTemplate jdbc;
    private final StatusSettings settings;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    LookupGuard(JdbcTemplate jdbc, StatusSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Counts a lookup against the user's limit; refuses (and logs) it when over. */
    public void admit(String username, String kind, String query) {
        long now = System.nanoTime();
        long window = Duration.ofMinutes(1).toNanos();
        Deque<Long> times = recent.computeIfAbsent(username, u -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > window) {
                times.pollFirst();
            }
            if (times.size() >= settings.lookupsPerMinute()) {
                log(username, kind, query, 0, "RATE_LIMITED");
                throw new TooManyLookups(settings.lookupsPerMinute());
            }
            times.addLast(now);
        }
    }

    public void log(String username, String kind, String query, int results, String outcome) {
        jdbc.update("INSERT INTO lookup_log (looked_at, username, query_kind, query_value, results, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", OffsetDateTime.now(ZoneOffset.ofHours(9)), username, kind,
                Masking.query(kind, query), results, outcome);
    }

    public List<LogEntry> entries(int limit) {
        return jdbc.query("SELECT looked_at, username, query_kind, query_value, results, outcome FROM lookup_log"
                + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", (rs, i) -> new LogEntry(
                rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6)), limit);
    }
}
