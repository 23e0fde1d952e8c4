package jp.refund.staff;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Who may see what, and with which factors (Spring Security 7 multi-factor authentication).
 * <ul>
 *   <li>Pages: a password ({@code FACTOR_PASSWORD}, form login) <em>and</em> a second factor
 *       for every page: a passkey ({@code FACTOR_WEBAUTHN}, Spring Security's WebAuthn, see
 *       {@link PasskeyLogin}) or a TOTP code or recovery code ({@code FACTOR_TOTP},
 *       {@link TotpPages}); with the password alone only the second-factor page opens. A user
 *       with both factors may register a passkey.</li>
 *   <li>API: an API token ({@code FACTOR_BEARER}, {@link ApiTokenFilter}); no HTTP Basic, no
 *       session, 401 without a token, never a redirect.</li>
 * </ul>
 * SUPPORT looks claims up, FINANCE also sees the nights and their files, AUDITOR also the
 * lookup log and the security events. Security headers on every response; redirects are
 * relative (never built from the Host header).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    static final String FACTOR_TOTP = "FACTOR_TOTP";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String[] STAFF = {"SUPPORT", "FINANCE", "AUDITOR"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginGuard guard, SecurityEvents events) throws Exception {
        AuthorizationManagerFactory<Object> token = AuthorizationManagerFactories.multiFactor()
                .requireFactors(FactorGrantedAuthority.BEARER_AUTHORITY).build();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/openapi.yaml").permitAll()
                        .requestMatchers("/api/claims/**", "/api/claims").access(token.hasAnyRole(STAFF))
                        .requestMatchers("/api/nights").access(token.hasRole("FINANCE"))
                        .requestMatchers("/api/lookups", "/api/events").access(token.hasRole("AUDITOR"))
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiTokenFilter(tokens, guard, events), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies, no session: nothing for a forged request to ride on
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, StaffUsers users, PasswordEncoder encoder, LoginGuard guard,
                              KnownDevices devices, StaffSettings settings, SecurityEvents events, Clock clock,
                              Passkeys passkeys, PasskeySettings relyingParty)
            throws Exception {
        StaffAuthentication passwords = new StaffAuthentication(users, encoder, guard, devices, events);
        AuthorizationManagerFactory<Object> twoFactors = passwordAndSecondFactor();
        PasskeyLogin passkeyLogin = new PasskeyLogin(guard, devices, events);
        // Spring Security's WebAuthn takes these from the shared objects before any bean
        http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, passkeys.userEntities());
        http.setSharedObject(UserCredentialRepository.class, passkeys.credentials());
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/error").permitAll()
                        .requestMatchers("/login/totp", "/login/enrol").hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        // registering (and removing) a passkey needs both factors
                        .requestMatchers("/passkeys", "/webauthn/register", "/webauthn/register/**").access(twoFactors.hasAnyRole(STAFF))
                        .requestMatchers("/finance/**").access(twoFactors.hasRole("FINANCE"))
                        .requestMatchers("/audit/**").access(twoFactors.hasRole("AUDITOR"))
                        .requestMatchers("/", "/claims/**", "/claims").access(twoFactors.hasAnyRole(STAFF))
                        .anyRequest().denyAll())
                // this provider alone, no parent: a refusal by the guard is final, never retried elsewhere
                .authenticationManager(new ProviderManager(passwords))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            StaffSessions.begin(request.getSession(), users, authentication.getName(), clock);
                            response.sendRedirect(request.getContextPath() + "/login/totp");
                        })
                        .failureHandler((request, response, exception) -> {
                            if (exception instanceof LoginGuard.Throttled t) {
                                response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds));
                                response.sendError(429, t.getMessage());
                            } else {
                                failed.onAuthenticationFailure(request, response, exception);
                            }
                        })
                        .permitAll())
                // the assertion (/login/webauthn) and the options (/webauthn/*/options) are answered
                // before the rules above; the options for a registration need a login
                .webAuthn(w -> w.rpId(relyingParty.rpId()).rpName(relyingParty.rpName())
                        .allowedOrigins(relyingParty.allowedOrigins())
                        .disableDefaultRegistrationPage(true) // its inline script would break our CSP
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationSuccessHandler(passkeyLogin);
                                filter.setAuthenticationFailureHandler(passkeyLogin);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint("/login/totp"), FACTOR_TOTP))
                .addFilterAfter(new StaffSessions(users, settings, events, clock), SecurityContextHolderFilter.class)
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Whether the login has the password and a second factor (TOTP or recovery code, or a passkey). */
    static boolean bothFactors(Authentication auth) {
        Set<String> factors = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return factors.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                && (factors.contains(FACTOR_TOTP) || factors.contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
    }

    /**
     * The password and a second factor: a passkey, or else a TOTP (or recovery) code. When
     * neither is there, the answer is the one for a missing TOTP code, which sends the browser
     * to {@code /login/totp} (where a passkey can also be used).
     */
    static AuthorizationManagerFactory<Object> passwordAndSecondFactor() {
        AuthorizationManager<Object> passkey = AllRequiredFactorsAuthorizationManager.<Object>builder()
                .requireFactor(f -> f.passwordAuthority()).requireFactor(f -> f.webauthnAuthority()).build();
        AuthorizationManager<Object> totp = AllRequiredFactorsAuthorizationManager.<Object>builder()
                .requireFactor(f -> f.passwordAuthority()).requireFactor(f -> f.authority(FACTOR_TOTP)).build();
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization((authentication, object) -> {
            AuthorizationResult withPasskey = passkey.authorize(authentication, object);
            return withPasskey != null && withPasskey.isGranted() ? withPasskey : totp.authorize(authentication, object);
        });
        return factory;
    }
}
