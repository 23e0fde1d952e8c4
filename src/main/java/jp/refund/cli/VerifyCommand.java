package jp.refund.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.report.NightVerification;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks output/<date>/ after the fact: the manifest's hashes, each bank file against its "
                + "trailer and the database, certificates against the mailing list, the reconciliation, and the "
                + "night's events and rejects against the database.",
                "Prints every difference; exit status 1 if there is any."})
class VerifyCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the night to verify")
    LocalDate date;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder holding output/<date>/ (default: ${DEFAULT-VALUE})")
    Path output;


    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            NightVerification.Outcome outcome = context.getBean(NightVerification.class).verify(date, output);
            outcome.checked().forEach(line -> System.out.println("ok   " + line));
            outcome.differences().forEach(line -> System.out.println("DIFF " + line));
            System.out.println(outcome.ok() ? "verified " + date + ": no difference"
                    : date + ": " + outcome.differences().size() + " difference(s)");
            return outcome.ok() ? 0 : 1;
        }
    }
}
