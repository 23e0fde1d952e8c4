package jp.refund.staff;

import jakarta.servlet.http.HttpServletRequest;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
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
    private final PasswordEncoder encoder;
    private volatile String timingHash;

    StaffAuthentication(StaffUsers users, PasswordEncoder encoder, LoginGuard guard, KnownDevices devices,
                        SecurityEvents events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.encoder = encoder;
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
        String recovery = request == null ? null : request.getParameter("recovery_code");
        String recoveryHash = recovery == null || recovery.isBlank() || canonical == null ? null
                : TotpPages.recoveryHash(recovery);
        boolean releasing = recoveryHash != null && users.hasRecoveryCode(canonical, recoveryHash);
        LoginGuard.Ticket ticket;
        try {
            ticket = guard.before(canonical, typed, client, devices.known(request, canonical), releasing, "password");
        } catch (LockedException e) {
            // as long as a password check: a locked user must not answer faster than an unknown name
            encoder.matches(String.valueOf(authentication.getCredentials()), timingHash());
            throw e;
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            guard.succeeded(ticket);
            if (releasing && users.release(canonical, recoveryHash)) {
                events.record(Event.RECOVERY_CODE_USED, canonical, client, "OK", "with the password, on a held account");
                events.record(Event.ACCOUNT_RELEASED, canonical, client, "OK", "by a recovery code");
            }
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

    private String timingHash() {
        if (timingHash == null) {
            timingHash = encoder.encode("no user has this password: it only costs the same time");
        }
        return timingHash;
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
