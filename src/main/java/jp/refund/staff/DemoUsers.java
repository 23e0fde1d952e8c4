package jp.refund.staff;

import java.util.List;
import java.util.Locale;
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

    /**
     * Creates the demo users in an empty staff table; on a table that holds exactly them (an
     * earlier demo run) changes nothing; refuses to start on any other staff — the published
     * key must never replace a real user's.
     */
    @Override
    public void run(ApplicationArguments args) {
        List<String> others = users.names().stream().filter(n -> !users.isDemo(n, TOTP_SECRETS.get(n))).toList();
        if (!others.isEmpty()) {
            throw new IllegalStateException("the demo profile starts only on a database without staff users, or with"
                    + " only its own; this one has " + others.size() + " other(s), e.g. " + others.get(0)
                    + ": start without --spring.profiles.active=demo, or on a scratch database");
        }
        if (users.names().isEmpty()) {
            for (String role : StaffUsers.ROLES) {
                String name = role.toLowerCase(Locale.ROOT);
                users.demo(name, PASSWORD, role, TOTP_SECRETS.get(name));
            }
        }
        log.warn("demo profile: users support, finance, auditor with the published demo password and TOTP secrets"
                + " (README) — not for production");
    }
}
