package jp.refund.staff;

import jakarta.servlet.http.HttpServletRequest;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password step of the staff login: {@link LoginGuard} admits (or refuses) the attempt
 * before the password is checked; the check is Spring Security's
 * {@link DaoAuthenticationProvider}, which grants {@code FACTOR_PASSWORD}. Every outcome is a
 * security event. Made by {@link SecurityConfiguration} for the login form alone (not a bean:
 * no other authentication manager gets it).
 */
class StaffAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final StaffUsers users;
    private final LoginGuard guard;
    private final KnownDevices devices;
    private final SecurityEvents events;

    StaffAuthentication(StaffUsers users, PasswordEncoder encoder, LoginGuard guard, KnownDevices devices,
                        SecurityEvents events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.users = users;
        this.guard = guard;
        this.devices = devices;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        HttpServletRequest request = currentRequest();
        String client = client(request);
        String typed = SecurityEvents.clean(authentication.getName(), 60);
        String canonical = users.canonical(typed).orElse(null);
        LoginGuard.Ticket ticket = guard.before(canonical, typed, client, devices.known(request, canonical), "password");
        try {
            Authentication result = passwords.authenticate(authentication);
            guard.succeeded(ticket);
            events.record(Event.LOGIN_SUCCESS, result.getName(), client, "PASSWORD_OK", "second factor next");
            return result;
        } catch (BadCredentialsException e) {
            guard.failed(ticket);
            events.record(Event.LOGIN_FAILURE, typed, client, "REFUSED", canonical == null ? "no such user" : "wrong password");
            throw e;
        } catch (AccountStatusException e) {
            events.record(Event.LOGIN_FAILURE, typed, client, "REFUSED", e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    /** The remote address the connection came from (no forwarded headers are trusted). */
    static String client(HttpServletRequest request) {
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
