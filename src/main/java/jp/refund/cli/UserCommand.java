package jp.refund.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.staff.ApiTokens;
import jp.refund.staff.StaffSettings;
import jp.refund.staff.StaffUsers;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manages a staff user of the status service.",
                "--role adds the user, or sets a new password (a reset: their sessions end) and role. The password is"
                        + " read from the terminal, or from standard input (one line): 12 to 1,000 characters, not a"
                        + " common password. A new user gets a one-time enrolment code (hand it over apart from the"
                        + " password): the first login asks for it before it shows the authenticator key.",
                "Every change is a security event."})
class UserCommand extends SpringCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "user name (2-60 of A-Z a-z 0-9 . _ -, unique ignoring case)")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", description = "SUPPORT, FINANCE or AUDITOR: add the user or reset their password and role")
    String role;

    @Option(names = "--disable", description = "disable the user (their sessions and API tokens stop working)")
    boolean disable;

    @Option(names = "--enable", description = "enable the user again (also lifts a lockout)")
    boolean enable;

    @Option(names = "--reset-factors", description = "forget the TOTP secret, recovery codes, passkeys, known browsers and a second-factor lock; prints a new enrolment code for the next login")
    boolean resetFactors;

    @Option(names = "--revoke-passkeys", description = "remove the user's passkeys (say one on a lost device) and end their sessions; TOTP and recovery codes stay")
    boolean revokePasskeys;

    @Option(names = "--enrol", description = "print a new one-time enrolment code for a user without a second factor (valid refund.staff.enrolment-code-validity, 24 h)")
    boolean enrol;

    @Option(names = "--unlock", description = "end a lockout, a hold (after the day's lockouts) and a second-factor lock")
    boolean unlock;

    @Option(names = "--status", description = "show what keeps the user out: disabled, locked, held, second factor locked")
    boolean status;

    @Option(names = "--create-token", description = "create an API token for the user's role; printed once, stored hashed")
    boolean createToken;

    @Option(names = "--token-days", paramLabel = "DAYS", description = "validity of a new API token in days (default refund.staff.token-validity, 90 days)")
    Integer tokenDays;

    @Option(names = "--revoke-token", paramLabel = "ID", description = "revoke the API token with this id")
    String revokeToken;

    @Option(names = "--tokens", description = "list the user's API tokens (ids, role, dates; never the tokens)")
    boolean listTokens;

    @Override
    public Integer call() throws IOException {
        if (role == null && !disable && !enable && !resetFactors && !revokePasskeys && !enrol && !unlock && !status && !createToken && revokeToken == null && !listTokens) {
            System.err.println("error: give --role, --disable, --enable, --reset-factors, --revoke-passkeys, --enrol, --unlock, --status, --create-token, --revoke-token or --tokens");
            return 2;
        }
        if (disable && enable) {
            System.err.println("error: --disable or --enable, not both");
            return 2;
        }
        String password = role == null ? null : readPassword();
        String actor = "cli:" + System.getProperty("user.name", "?");
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE, springArgs)) {
            StaffUsers users = context.getBean(StaffUsers.class);
            ApiTokens tokens = context.getBean(ApiTokens.class);
            if (role != null) {
                String done = users.save(name, password, role, actor);
                System.out.println("staff user " + name + ": " + done + " (role " + role.toUpperCase(java.util.Locale.ROOT) + ")");
                enrol |= done.equals("created");
            }
            if (disable || enable) {
                users.setEnabled(name, enable, actor);
                System.out.println("staff user " + name + (enable ? " enabled" : " disabled"));
            }
            if (unlock) {
                System.out.println("staff user " + name + " unlocked (was: " + users.unlock(name, actor) + ")");
            }
            if (status) {
                System.out.println("staff user " + name + ": " + users.state(name));
            }
            if (revokePasskeys && !resetFactors) {
                System.out.println("staff user " + name + ": " + users.revokePasskeys(name, actor)
                        + " passkey(s) revoked; sessions ended");
            }
            String enrolmentCode = null;
            if (resetFactors) {
                enrolmentCode = users.resetFactors(name, actor);
                System.out.println("staff user " + name + ": second factor reset; the next login enrols again");
            } else if (enrol) {
                enrolmentCode = users.issueEnrolmentCode(name, actor);
            }
            if (enrolmentCode != null) {
                System.out.println("enrolment code for " + name + " (shown only now; give it apart from the password;"
                        + " valid " + context.getBean(StaffSettings.class).enrolmentCodeValidity().toHours() + " h, once):");
                System.out.println(enrolmentCode);
            }
            if (revokeToken != null) {
                System.out.println(tokens.revoke(revokeToken, actor) ? "token " + revokeToken + " revoked"
                        : "no active token " + revokeToken);
            }
            if (createToken) {
                Duration validity = tokenDays == null ? context.getBean(StaffSettings.class).tokenValidity()
                        : Duration.ofDays(tokenDays);
                String token = tokens.create(name, validity, actor);
                System.out.println("API token for " + name + " (shown only now; send it as 'Authorization: Bearer <token>'):");
                System.out.println(token);
            }
            if (listTokens) {
                for (ApiTokens.Token t : tokens.of(name)) {
                    System.out.println(t.id() + " " + t.role() + " created " + t.createdAt().toLocalDate() + " expires "
                            + t.expiresAt().toLocalDate() + (t.revokedAt() == null ? "" : " revoked " + t.revokedAt().toLocalDate())
                            + (t.lastUsedAt() == null ? "" : " last used " + t.lastUsedAt().toLocalDate()));
                }
            }
        }
        return 0;
    }

    private String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password for %s: ", name);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
