package jp.refund.staff;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may see what, and with which factors (Spring Security 7 multi-factor authentication).
 * <ul>
 *   <li>Pages: a password ({@code FACTOR_PASSWORD}, form login) <em>and</em> a TOTP code or
 *       recovery code ({@code FACTOR_TOTP}, {@link TotpPages}) for every page; with the
 *       password alone only the second-factor page opens.</li>
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
                              KnownDevices devices, StaffSettings settings, SecurityEvents events, Clock clock)
            throws Exception {
        StaffAuthentication passwords = new StaffAuthentication(users, encoder, guard, devices, events);
        AuthorizationManagerFactory<Object> twoFactors = AuthorizationManagerFactories.multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, FACTOR_TOTP).build();
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error").permitAll()
                        .requestMatchers("/login/totp", "/login/enrol").hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
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
                .exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint("/login/totp"), FACTOR_TOTP))
                .addFilterAfter(new StaffSessions(users, settings, events, clock), SecurityContextHolderFilter.class)
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
