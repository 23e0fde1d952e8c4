package jp.refund.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Stands before every credential check (password, second-factor code, API token) and
 * decides whether it is checked at all.
 * <ul>
 *   <li><b>Per user</b>: the attempt is counted <em>before</em> the check, atomically (one
 *       UPDATE ... RETURNING), so a parallel burst cannot slip past: attempts beyond
 *       {@code max-failed-logins} are refused unchecked; the failures lock the user for
 *       {@code lockout} and end their sessions. A user is locked at most
 *       {@code max-lockouts-per-day} times a day; after that failures are only throttled.
 *       A browser that completed both factors before (a known device) is neither counted
 *       nor locked here: an attacker who knows only a user name cannot keep them out of it.</li>
 *   <li><b>Per client</b> (remote address): {@code client-free-failures}, then 1 s, 2 s, 4 s …
 *       (at most {@code client-max-delay}) must pass after each failure; earlier attempts get 429.</li>
 *   <li><b>Globally</b>: above {@code global-failures-per-minute} failures a minute, attempts
 *       without a known device are spaced {@code global-delay} apart, doubling per multiple.</li>
 * </ul>
 */
@Component
class LoginGuard {

    /** Refused before any check: wait and try again. */
    static final class Throttled extends AuthenticationException {
        final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed attempts; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** What {@link #before} decided, for {@link #failed} and {@link #succeeded}. */
    record Ticket(String username, String client, boolean knownDevice, long attempt, String what) {
    }

    private static final class ClientFailures {
        int failures;
        Instant last = Instant.EPOCH;
    }

    private final JdbcTemplate jdbc;
    private final StaffSettings settings;
    private final SecurityEvents events;
    private final Clock clock;
    private final Map<String, ClientFailures> clients = new ConcurrentHashMap<>();
    private final Deque<Instant> globalFailures = new ArrayDeque<>();
    private Instant lastGlobalAdmission = Instant.EPOCH;

    LoginGuard(JdbcTemplate jdbc, StaffSettings settings, SecurityEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Admits a check of a credential of {@code username} (as typed; the stored spelling or
     * none) from {@code client}, or throws {@link Throttled} / {@link LockedException}.
     */
    Ticket before(String canonicalUser, String typedUser, String client, boolean knownDevice, String what) {
        Instant now = clock.instant();
        long clientWait = clientWait(client, now);
        if (clientWait > 0) {
            events.record(Event.LOGIN_THROTTLED, typedUser, client, "REFUSED", what + ", client waits " + clientWait + " s");
            throw new Throttled(clientWait);
        }
        if (!knownDevice) {
            long globalWait = globalWait(now);
            if (globalWait > 0) {
                events.record(Event.LOGIN_THROTTLED, typedUser, client, "REFUSED", what + ", global wait " + globalWait + " s");
                throw new Throttled(globalWait);
            }
        }
        if (canonicalUser == null || knownDevice) {
            return new Ticket(canonicalUser, client, knownDevice, 0, what);
        }
        OffsetDateTime nowJst = now.atOffset(ZoneOffset.ofHours(9));
        List<Long> counted = jdbc.queryForList("SELECT failed_logins FROM FINAL TABLE (UPDATE staff_user"
                + " SET failed_logins = failed_logins + 1 WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?))",
                Long.class, canonicalUser, nowJst);
        if (counted.isEmpty()) {
            events.record(Event.LOGIN_LOCKED, canonicalUser, client, "REFUSED", what + ", user locked");
            throw new LockedException("locked");
        }
        long attempt = counted.get(0);
        if (attempt > settings.maxFailedLogins() && mayLock(canonicalUser, nowJst.toLocalDate())) {
            events.record(Event.LOGIN_LOCKED, canonicalUser, client, "REFUSED", what + ", attempt " + attempt
                    + " over " + settings.maxFailedLogins() + " before the check");
            throw new LockedException("locked");
        }
        return new Ticket(canonicalUser, client, false, attempt, what);
    }

    void failed(Ticket ticket) {
        Instant now = clock.instant();
        if (clients.size() > 100_000) { // clients quiet for an hour are forgotten
            clients.values().removeIf(c -> Duration.between(c.last, now).toHours() >= 1);
        }
        ClientFailures c = clients.computeIfAbsent(ticket.client(), k -> new ClientFailures());
        synchronized (c) {
            if (Duration.between(c.last, now).toHours() >= 1) {
                c.failures = 0;
            }
            c.failures++;
            c.last = now;
        }
        if (!ticket.knownDevice()) {
            synchronized (globalFailures) {
                globalFailures.addLast(now);
            }
        }
        if (ticket.username() == null || ticket.knownDevice() || ticket.attempt() < settings.maxFailedLogins()) {
            return;
        }
        OffsetDateTime nowJst = now.atOffset(ZoneOffset.ofHours(9));
        LocalDate today = nowJst.toLocalDate();
        if (mayLock(ticket.username(), today)) {
            int locked = jdbc.update("UPDATE staff_user SET locked_until = ?, failed_logins = 0,"
                    + " lockouts_that_day = CASE WHEN lockout_day = ? THEN lockouts_that_day + 1 ELSE 1 END,"
                    + " lockout_day = ?, session_epoch = session_epoch + 1"
                    + " WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)",
                    nowJst.plus(settings.lockout()), today, today, ticket.username(), nowJst);
            if (locked == 1) {
                events.record(Event.LOCKOUT, ticket.username(), ticket.client(), "LOCKED", "for "
                        + settings.lockout().toMinutes() + " min after " + settings.maxFailedLogins()
                        + " failures; sessions ended");
            }
        } else {
            jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = ?", ticket.username());
        }
    }

    void succeeded(Ticket ticket) {
        clients.remove(ticket.client());
        if (ticket.username() != null) {
            jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = ?", ticket.username());
        }
    }

    /** Whether the user may still be locked today (lockouts are bounded per day). */
    private boolean mayLock(String username, LocalDate today) {
        Integer n = jdbc.queryForObject("SELECT CASE WHEN lockout_day = ? THEN lockouts_that_day ELSE 0 END"
                + " FROM staff_user WHERE username = ?", Integer.class, today, username);
        return n != null && n < settings.maxLockoutsPerDay();
    }

    private long clientWait(String client, Instant now) {
        ClientFailures c = clients.get(client);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            int over = c.failures - settings.clientFreeFailures();
            if (over < 0) {
                return 0;
            }
            Duration delay = Duration.ofSeconds(1L << Math.min(over, 20));
            if (delay.compareTo(settings.clientMaxDelay()) > 0) {
                delay = settings.clientMaxDelay();
            }
            Duration waited = Duration.between(c.last, now);
            return waited.compareTo(delay) >= 0 ? 0 : Math.max(1, delay.minus(waited).toSeconds());
        }
    }

    private long globalWait(Instant now) {
        synchronized (globalFailures) {
            while (!globalFailures.isEmpty() && globalFailures.peekFirst().isBefore(now.minusSeconds(60))) {
                globalFailures.pollFirst();
            }
            int multiple = globalFailures.size() / settings.globalFailuresPerMinute();
            if (multiple == 0) {
                return 0;
            }
            Duration gap = settings.globalDelay().multipliedBy(1L << Math.min(multiple - 1, 6));
            Duration since = Duration.between(lastGlobalAdmission, now);
            if (since.compareTo(gap) < 0) {
                return Math.max(1, gap.minus(since).toSeconds());
            }
            lastGlobalAdmission = now;
            return 0;
        }
    }
}
