package jp.refund.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer rbt_...} on the API: a valid token authenticates its user with
 * the token's role and {@code FACTOR_BEARER}; a wrong one is a failure for the client's
 * throttle (401, or 429 while the client must wait). Anything else (HTTP Basic with a
 * password included) authenticates nobody.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final LoginGuard guard;
    private final SecurityEvents events;

    ApiTokenFilter(ApiTokens tokens, LoginGuard guard, SecurityEvents events) {
        this.tokens = tokens;
        this.guard = guard;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        LoginGuard.Ticket ticket;
        try {
            ticket = guard.beforeToken(client);
        } catch (LoginGuard.Throttled e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            response.sendError(429, e.getMessage());
            return;
        }
        var bearer = tokens.check(header.substring(7).strip());
        if (bearer.isEmpty()) {
            guard.tokenFailed(ticket);
            events.record(Event.TOKEN_REFUSED, null, client, "REFUSED", "unknown, expired, revoked or out-of-role token");
            response.sendError(401);
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(bearer.get().username(), null, List.of(
                new SimpleGrantedAuthority("ROLE_" + bearer.get().role()),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
