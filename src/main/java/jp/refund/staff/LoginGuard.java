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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands before every credential check (password, second-factor code, API token) and
 * decides whether it is checked at all.
 * <ul>
 *   <li><b>Per user</b>: the attempt is counted <em>before</em> the check, atomically (one
 *       conditional UPDATE, read back in its transaction), so a parallel burst cannot slip past: attempts beyond
 *       {@code max-failed-logins} are refused unchecked; the failures lock the user for
 *       {@code lockout} and end their sessions. A user is locked at most
 *       {@code max-lockouts-per-day} times a day; after that the next failures hold the account
 *       until an administrator releases it or the user gives a recovery code with the password.
 *       A browser that completed both factors before (a known device) is neither counted
 *       nor locked here: an attacker who knows only a user name cannot keep them out of it.</li>
 *   <li><b>Per client</b> (remote address): {@code client-free-failures}, then 1 s, 2 s, 4 s …
 *       (at most {@code client-max-delay}) must pass after each failure; earlier attempts get 429.</li>
 *   <li><b>Globally</b>: above {@code global-failures-per-minute} password and code failures a
 *       minute, attempts without a known device are spaced {@code global-delay} apart, doubling
 *       per multiple. API tokens neither count nor wait here: a valid token always gets through.</li>
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
    private final TransactionTemplate transaction;
    private final StaffSettings settings;
    private final SecurityEvents events;
    private final Clock clock;
    private final Map<String, ClientFailures> clients = new ConcurrentHashMap<>();
    private final Deque<Instant> globalFailures = new ArrayDeque<>();
    private Instant lastGlobalAdmission = Instant.EPOCH;

    LoginGuard(JdbcTemplate jdbc, PlatformTransactionManager transactions, StaffSettings settings, SecurityEvents events,
               Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Admits a check of a credential of {@code username} (as typed; the stored spelling or
     * none) from {@code client}, or throws {@link Throttled} / {@link LockedException}.
     */
    Ticket before(String canonicalUser, String typedUser, String client, boolean knownDevice, String what) {
        return before(canonicalUser, typedUser, client, knownDevice, false, what);
    }

    /**
     * As above; {@code releasing} says a valid recovery code came with the attempt, which alone
     * lets a held account's password be checked from a browser not known for the user.
     */
    Ticket before(String canonicalUser, String typedUser, String client, boolean knownDevice, boolean releasing,
                  String what) {
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
        if (!releasing && held(canonicalUser)) {
            countClientFailure(new Ticket(null, client, false, 0, what), now);
            events.record(Event.LOGIN_LOCKED, canonicalUser, client, "REFUSED", what + ", account held");
            throw new LockedException("held");
        }
        OffsetDateTime nowJst = now.atOffset(ZoneOffset.ofHours(9));
        List<Long> counted = countAttempt(canonicalUser, nowJst);
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

    /**
     * Adds one to the user's password attempts unless they are locked, and returns the new count
     * (none when locked). Portable SQL (H2 and PostgreSQL): the UPDATE's row lock holds until the
     * transaction ends, so the count read back in it is this attempt's own, even in a burst.
     */
    private List<Long> countAttempt(String username, OffsetDateTime nowJst) {
        return transaction.execute(status -> jdbc.update("UPDATE staff_user SET failed_logins = failed_logins + 1"
                + " WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)", username, nowJst) == 0 ? List.of()
                : jdbc.queryForList("SELECT failed_logins FROM staff_user WHERE username = ?", Long.class, username));
    }

    /**
     * Admits a check of a second-factor code of {@code username} from {@code client}, or throws
     * {@link Throttled} / {@link LockedException}. Codes are counted on their own, before the
     * check, and only by a conditional UPDATE (any database): a correct password never resets
     * them. While the second factor is locked only a recovery code (80 random bits, not
     * guessable) or a browser known for the user is checked.
     */
    Ticket beforeFactor(String username, String client, boolean knownDevice, boolean recoveryCode) {
        Instant now = clock.instant();
        long clientWait = clientWait(client, now);
        if (clientWait > 0) {
            events.record(Event.LOGIN_THROTTLED, username, client, "REFUSED", "second factor, client waits " + clientWait + " s");
            throw new Throttled(clientWait);
        }
        if (!knownDevice) {
            long globalWait = globalWait(now);
            if (globalWait > 0) {
                events.record(Event.LOGIN_THROTTLED, username, client, "REFUSED", "second factor, global wait " + globalWait + " s");
                throw new Throttled(globalWait);
            }
        }
        OffsetDateTime nowJst = now.atOffset(ZoneOffset.ofHours(9));
        int admitted = jdbc.update("UPDATE staff_user SET factor_failures = factor_failures + 1 WHERE username = ?"
                + " AND factor_failures < ? AND (factor_locked_until IS NULL OR factor_locked_until <= ? OR ?)",
                username, settings.maxFactorFailures(), nowJst, knownDevice || recoveryCode);
        if (admitted == 0) {
            events.record(Event.FACTOR_LOCKED, username, client, "REFUSED", "second factor locked");
            throw new LockedException("second factor locked");
        }
        return new Ticket(username, client, knownDevice, 0, "second factor");
    }

    /** A wrong code: the N-th in a row locks the second factor, twice as long as the last time. */
    void factorFailed(Ticket ticket) {
        countClientFailure(ticket, clock.instant());
        OffsetDateTime nowJst = clock.instant().atOffset(ZoneOffset.ofHours(9));
        List<Integer> before = jdbc.queryForList("SELECT factor_lockouts FROM staff_user WHERE username = ?"
                + " AND factor_failures >= ?", Integer.class, ticket.username(), settings.maxFactorFailures());
        if (before.isEmpty()) {
            return;
        }
        int lockouts = before.get(0);
        Duration period = settings.factorLockout().multipliedBy(1L << Math.min(lockouts, 10));
        // the row's lockout count in the WHERE: of two parallel last failures only one locks
        if (jdbc.update("UPDATE staff_user SET factor_locked_until = ?, factor_failures = 0,"
                + " factor_lockouts = factor_lockouts + 1, session_epoch = session_epoch + 1"
                + " WHERE username = ? AND factor_lockouts = ? AND factor_failures >= ?", nowJst.plus(period),
                ticket.username(), lockouts, settings.maxFactorFailures()) == 1) {
            events.record(Event.FACTOR_LOCKOUT, ticket.username(), ticket.client(), "LOCKED", "second factor for "
                    + period.toMinutes() + " min after " + settings.maxFactorFailures()
                    + " wrong codes; a recovery code or --reset-factors ends it; sessions ended");
        }
    }

    /** A right code (or recovery code): the count, the lock and its doubling start again. */
    void factorSucceeded(Ticket ticket) {
        jdbc.update("UPDATE staff_user SET factor_failures = 0, factor_lockouts = 0, factor_locked_until = NULL"
                + " WHERE username = ?", ticket.username());
    }

    void failed(Ticket ticket) {
        Instant now = clock.instant();
        countClientFailure(ticket, now);
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
        } else if (jdbc.update("UPDATE staff_user SET failed_logins = 0, held_since = ? WHERE username = ?"
                + " AND held_since IS NULL", nowJst, ticket.username()) == 1) {
            // the day's lockouts are used up: the account stays held, not merely throttled
            events.record(Event.ACCOUNT_HELD, ticket.username(), ticket.client(), "LOCKED", "after "
                    + settings.maxLockoutsPerDay() + " lockouts today; only a known browser, or a recovery code"
                    + " with the password, until an administrator runs user NAME --unlock");
        } else {
            jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = ?", ticket.username());
        }
    }

    /**
     * Admits a check of an API token from {@code client}, or throws {@link Throttled}: only the
     * client's own throttle applies. The global one never does — a token is 192 random bits,
     * not a guess worth slowing everyone for, and a valid one must get through a flood.
     */
    Ticket beforeToken(String client) {
        long clientWait = clientWait(client, clock.instant());
        if (clientWait > 0) {
            events.record(Event.LOGIN_THROTTLED, "(token)", client, "REFUSED", "token, client waits " + clientWait + " s");
            throw new Throttled(clientWait);
        }
        return new Ticket(null, client, true, 0, "token"); // "known device": its failures are not counted globally
    }

    /** A wrong token: counted for its client only (a flood from one address slows that address alone). */
    void tokenFailed(Ticket ticket) {
        countClientFailure(ticket, clock.instant());
    }

    private void countClientFailure(Ticket ticket, Instant now) {
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
    }

    /**
     * A right password: the user's password count starts again. The client's throttle does
     * not: an insider's own correct password must not clear the way for guessing at others.
     */
    void succeeded(Ticket ticket) {
        if (ticket.username() != null) {
            jdbc.update("UPDATE staff_user SET failed_logins = 0 WHERE username = ?", ticket.username());
        }
    }

    private boolean held(String username) {
        return !jdbc.queryForList("SELECT username FROM staff_user WHERE username = ? AND held_since IS NOT NULL",
                String.class, username).isEmpty();
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
