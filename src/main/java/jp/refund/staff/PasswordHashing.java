package jp.refund.staff;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Staff passwords are stored as PBKDF2-HMAC-SHA256 hashes (310,000 iterations,
 * {@code {pbkdf2@SpringSecurity_v5_8}...}): unlike bcrypt it takes pass phrases longer than
 * 72 bytes whole. Hashes written before (bcrypt) still verify.
 */
@Configuration
class PasswordHashing {

    static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(PBKDF2, Map.of(PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
