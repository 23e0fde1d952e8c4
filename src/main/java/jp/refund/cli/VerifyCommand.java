package jp.refund.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.closeout.ProgramVerification;
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

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the night to verify")
    LocalDate date;

    @Option(names = "--program", description = "verify the whole program against the close-out's program manifest,"
            + " and every night in it")
    boolean program;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder holding output/<date>/ (default: ${DEFAULT-VALUE})")
    Path output;


    @Override
    public Integer call() {
        if (program == (date != null)) {
            System.err.println("error: give either --date=YYYY-MM-DD or --program");
            return 2;
        }
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            NightVerification.Outcome outcome = program
                    ? context.getBean(ProgramVerification.class).verify(output)
                    : context.getBean(NightVerification.class).verify(date, output);
            String what = program ? "the program" : date.toString();
            outcome.checked().forEach(line -> System.out.println("ok   " + line));
            outcome.differences().forEach(line -> System.out.println("DIFF " + line));
            System.out.println(outcome.ok() ? "verified " + what + ": no difference"
                    : what + ": " + outcome.differences().size() + " difference(s)");
            return outcome.ok() ? 0 : 1;
        }
    }
}
