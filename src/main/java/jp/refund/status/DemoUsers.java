package jp.refund.status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo profile only ({@code --spring.profiles.active=demo}): three staff users with
 * published passwords, to try the service on the sample nights. Never in production.
 */
@Component
@Profile("demo")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo-password-2019";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final StaffUsers users;
    private final PasswordEncoder encoder;

    DemoUsers(StaffUsers users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String role : StaffUsers.ROLES) {
            users.save(role.toLowerCase(), PASSWORD, role, encoder);
        }
        log.warn("demo profile: users support, finance, auditor with password '{}' — not for production", PASSWORD);
    }
}
