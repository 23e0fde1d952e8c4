package jp.refund.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every page request checks its session against the user's standing in the database: a
 * session older than {@code session-absolute}, of a disabled user, or from before a lockout,
 * password reset, role change or factor reset (the user's session epoch was raised — also
 * by the {@code user} command in another process) is ended on the spot.
 */
class StaffSessions extends OncePerRequestFilter {

    static final String EPOCH = "staff.epoch";
    static final String SINCE = "staff.since";

    private final StaffUsers users;
    private final StaffSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    StaffSessions(StaffUsers users, StaffSettings settings, SecurityEvents events, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Called when a password login succeeds: the session is tied to the user's current epoch. */
    static void begin(HttpSession session, StaffUsers users, String username, Clock clock) {
        session.setAttribute(EPOCH, users.standing(username).map(StaffUsers.Standing::epoch).orElse(-1));
        session.setAttribute(SINCE, clock.instant());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && session.getAttribute(EPOCH) != null) {
            String reason = revoked(session, auth.getName());
            if (reason != null) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                events.record(Event.SESSION_REVOKED, auth.getName(), request.getRemoteAddr(), "ENDED", reason);
            }
        }
        chain.doFilter(request, response);
    }

    private String revoked(HttpSession session, String username) {
        Instant since = (Instant) session.getAttribute(SINCE);
        if (since == null || since.plus(settings.sessionAbsolute()).isBefore(clock.instant())) {
            return "older than " + settings.sessionAbsolute().toHours() + " h";
        }
        Optional<StaffUsers.Standing> standing = users.standing(username);
        if (standing.isEmpty() || !standing.get().enabled()) {
            return "user disabled or removed";
        }
        if (!Integer.valueOf(standing.get().epoch()).equals(session.getAttribute(EPOCH))) {
            return "lockout, password reset, role change or factor reset since the login";
        }
        return null;
    }
}
