package jp.refund.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.status.StaffUsers;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Adds a staff user of the status service, or sets a new password and role.",
                "The password is read from the terminal, or from standard input (one line); it is stored as a bcrypt hash."})
class UserCommand extends SpringCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "user name (2-60 of A-Z a-z 0-9 . _ -)")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "SUPPORT, FINANCE or AUDITOR")
    String role;


    @Override
    public Integer call() throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            password = new String(console.readPassword("password for %s: ", name));
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE, springArgs)) {
            context.getBean(StaffUsers.class).save(name, password, role, context.getBean(PasswordEncoder.class));
        }
        System.out.println("staff user " + name + " saved with role " + role.toUpperCase());
        return 0;
    }
}
