package jp.refund.status;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see what. The JSON API uses HTTP Basic without sessions (401 when not logged
 * in, never a redirect); the pages use a login form with CSRF protection. SUPPORT looks
 * claims up, FINANCE also sees the nights and their files, AUDITOR also the lookup log.
 * Security headers on every response: a strict content security policy, no framing,
 * no sniffing, no referrer.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/openapi.yaml").permitAll()
                        .requestMatchers("/api/claims/**", "/api/claims").hasAnyRole("SUPPORT", "FINANCE", "AUDITOR")
                        .requestMatchers("/api/nights").hasRole("FINANCE")
                        .requestMatchers("/api/lookups").hasRole("AUDITOR")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies, no session: nothing for a forged request to ride on
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error").permitAll()
                        .requestMatchers("/finance/**").hasRole("FINANCE")
                        .requestMatchers("/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/", "/claims/**", "/claims").hasAnyRole("SUPPORT", "FINANCE", "AUDITOR")
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
