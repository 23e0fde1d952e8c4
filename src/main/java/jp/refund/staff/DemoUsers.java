package jp.refund.staff;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only ({@code --spring.profiles.active=demo}): three staff users with a
 * published password and published TOTP secrets (add them to an authenticator app, or
 * compute the codes), to try the service on the sample nights. Never in production.
 */
@Component
@Profile("demo")
public class DemoUsers implements ApplicationRunner {

    public static final String PASSWORD = "demo-password-2019";
    /** Published demo secrets, base32, by user name. */
    public static final Map<String, String> TOTP_SECRETS = Map.of(
            "support", "DEMOSUPPORTSECRETDEMOSUPPORTSECR",
            "finance", "DEMOFINANCESECRETDEMOFINANCESECR",
            "auditor", "DEMOAUDITORSECRETDEMOAUDITORSECR");
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final StaffUsers users;

    DemoUsers(StaffUsers users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String role : StaffUsers.ROLES) {
            String name = role.toLowerCase(java.util.Locale.ROOT);
            users.demo(name, PASSWORD, role, TOTP_SECRETS.get(name));
        }
        log.warn("demo profile: users support, finance, auditor with the published demo password and TOTP secrets"
                + " (README) — not for production");
    }
}
