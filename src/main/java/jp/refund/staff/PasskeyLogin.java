package jp.refund.staff;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * What follows a passkey assertion ({@code POST /login/webauthn}, Spring Security's WebAuthn
 * filter, which adds {@code FACTOR_WEBAUTHN} to the password login of the same user): as after
 * a right TOTP code, the second-factor count and lock start again, the session gets a new id, the
 * browser is remembered, and it is a security event. The answer stays Spring Security's JSON
 * (where to go next; 401 when refused). A passkey is not guessable: a refused one is logged,
 * not counted towards a lockout.
 */
final class PasskeyLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final LoginGuard guard;
    private final KnownDevices devices;
    private final SecurityEvents events;
    private final AuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler refusal =
            new AuthenticationEntryPointFailureHandler(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));

    PasskeyLogin(LoginGuard guard, KnownDevices devices, SecurityEvents events) {
        this.guard = guard;
        this.devices = devices;
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        String user = authentication.getName();
        String client = StaffAuthentication.client(request);
        boolean withPassword = authentication.getAuthorities().stream()
                .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        if (withPassword) {
            guard.factorSucceeded(new LoginGuard.Ticket(user, client, false, 0, "passkey"));
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            devices.remember(user, request, response);
            events.record(Event.FACTOR_SUCCESS, user, client, "OK", "passkey, both factors");
        } else {
            // on its own a passkey opens nothing: every page also needs the password
            events.record(Event.FACTOR_SUCCESS, user, client, "OK", "passkey, password still missing");
        }
        answer.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        // the filter has cleared the thread's context by now: the password login is in the session
        HttpSession session = request.getSession(false);
        String user = session != null && session.getAttribute(HttpSessionSecurityContextRepository
                .SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context && context.getAuthentication() != null
                ? context.getAuthentication().getName() : null;
        events.record(Event.FACTOR_FAILURE, user, StaffAuthentication.client(request),
                SecurityEvents.REFUSED, "passkey refused");
        refusal.onAuthenticationFailure(request, response, exception);
    }
}
