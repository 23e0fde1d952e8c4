package jp.refund.status;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.refund.shared.StoredTimestamp;
import jp.refund.staff.SecurityEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lookup log and the limits in front of it. A lookup is refused beyond the per-user
 * rate ({@code lookups-per-minute}) or daily cap ({@code lookups-per-day}, a security event
 * when reached); refusals are counted per user, minute and reason ({@code lookup_refusal}),
 * so a flood cannot push real lookups out of sight. Every admitted lookup — answered, not
 * found, malformed or too long — is one row (who, when, what was asked, masked by its shape,
 * how many results).
 */
@Component
class LookupLog {

    /** Thrown when a user asks too often. */
    static class TooManyLookups extends RuntimeException {
        TooManyLookups(String message) {
            super(message);
        }
    }

    record Entry(long id, OffsetDateTime lookedAt, String username, String kind, String query, int results,
                 String outcome) {
    }

    record Refusals(OffsetDateTime minute, String username, String outcome, int refused) {
    }

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private final JdbcTemplate jdbc;
    private final StatusSettings settings;
    private final SecurityEvents events;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    LookupLog(JdbcTemplate jdbc, StatusSettings settings, SecurityEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Counts a lookup against the user's limits; refuses (and counts the refusal) when over. */
    void admit(String username, String client) {
        long now = clock.millis();
        long window = Duration.ofMinutes(1).toMillis();
        Deque<Long> times = recent.computeIfAbsent(username, u -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= window) {
                times.pollFirst();
            }
            if (times.size() >= settings.lookupsPerMinute()) {
                refused(username, "RATE_LIMITED");
                throw new TooManyLookups("more than " + settings.lookupsPerMinute() + " lookups in a minute; wait a moment");
            }
            OffsetDateTime startOfDay = OffsetDateTime.now(clock).withOffsetSameInstant(JST).truncatedTo(ChronoUnit.DAYS);
            Integer today = jdbc.queryForObject("SELECT COUNT(*) FROM lookup_log WHERE username = ? AND looked_at >= ?",
                    Integer.class, username, startOfDay);
            if (today != null && today >= settings.lookupsPerDay()) {
                if (refused(username, "DAILY_CAP") == 1 && !capReportedToday(username, startOfDay)) {
                    events.record(SecurityEvents.Event.LOOKUP_CAP_REACHED, username, client, "REFUSED",
                            settings.lookupsPerDay() + " lookups today");
                }
                throw new TooManyLookups("the daily limit of " + settings.lookupsPerDay() + " lookups is reached");
            }
            times.addLast(now);
        }
    }

    private boolean capReportedToday(String username, OffsetDateTime startOfDay) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE event = 'LOOKUP_CAP_REACHED'"
                + " AND username = ? AND occurred_at >= ?", Integer.class, username, startOfDay);
        return n != null && n > 0;
    }

    private record RefusalKey(String username, OffsetDateTime minute, String outcome) {
    }

    private static final class RefusalCount {
        int refused;
        int written;
        long writtenAt;
    }

    private final Map<RefusalKey, RefusalCount> refusals = new ConcurrentHashMap<>();

    /**
     * Adds one to the user's refusals of this minute and returns the count so far. Counted in
     * memory; the row is written with the first refusal and then at most once a second (a flood
     * costs no write per request), and brought up to date whenever the log is read.
     */
    private int refused(String username, String outcome) {
        OffsetDateTime minute = OffsetDateTime.now(clock).withOffsetSameInstant(JST).truncatedTo(ChronoUnit.MINUTES);
        RefusalKey key = new RefusalKey(username, minute, outcome);
        if (refusals.size() > 1000) {
            flush(); // minutes that are over leave memory once written
        }
        RefusalCount count = refusals.computeIfAbsent(key, k -> new RefusalCount());
        synchronized (count) {
            count.refused++;
            if (count.written == 0 || System.nanoTime() - count.writtenAt > 1_000_000_000L) {
                write(key, count);
            }
            return count.refused;
        }
    }

    private void write(RefusalKey key, RefusalCount count) {
        if (count.written == count.refused) {
            return;
        }
        // standard MERGE: H2 and PostgreSQL (15+) both read it
        jdbc.update("MERGE INTO lookup_refusal r USING (VALUES (?, ?, ?, ?)) AS n (username, minute_start, outcome, refused)"
                + " ON r.username = n.username AND r.minute_start = n.minute_start AND r.outcome = n.outcome"
                + " WHEN MATCHED THEN UPDATE SET refused = n.refused"
                + " WHEN NOT MATCHED THEN INSERT (username, minute_start, outcome, refused)"
                + " VALUES (n.username, n.minute_start, n.outcome, n.refused)",
                key.username(), key.minute(), key.outcome(), count.refused);
        count.written = count.refused;
        count.writtenAt = System.nanoTime();
    }

    /** Writes the refusals counted since the last write; forgets minutes that are over and written. */
    void flush() {
        OffsetDateTime thisMinute = OffsetDateTime.now(clock).withOffsetSameInstant(JST).truncatedTo(ChronoUnit.MINUTES);
        for (Map.Entry<RefusalKey, RefusalCount> e : refusals.entrySet()) {
            synchronized (e.getValue()) {
                write(e.getKey(), e.getValue());
                if (e.getKey().minute().isBefore(thisMinute)) {
                    refusals.remove(e.getKey());
                }
            }
        }
    }

    void log(String username, String kind, String query, int results, String outcome) {
        jdbc.update("INSERT INTO lookup_log (looked_at, username, query_kind, query_value, results, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", OffsetDateTime.now(clock).withOffsetSameInstant(JST), username,
                kind, Masking.query(query), results, outcome);
    }

    /** Newest first, a page at a time: {@code before} is the last id of the previous page (none for the first). */
    List<Entry> page(Long before, int size) {
        flush();
        return jdbc.query("SELECT id, looked_at, username, query_kind, query_value, results, outcome FROM lookup_log"
                + " WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY", (rs, i) -> new Entry(rs.getLong(1),
                StoredTimestamp.read(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7)), before == null ? Long.MAX_VALUE : before, size);
    }

    List<Refusals> refusals(int size) {
        flush();
        return jdbc.query("SELECT minute_start, username, outcome, refused FROM lookup_refusal ORDER BY minute_start DESC, username"
                + " FETCH FIRST ? ROWS ONLY", (rs, i) -> new Refusals(StoredTimestamp.read(rs, 1),
                rs.getString(2), rs.getString(3), rs.getInt(4)), size);
    }
}
