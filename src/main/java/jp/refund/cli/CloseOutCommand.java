package jp.refund.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.closeout.CloseOutRefusedException;
import jp.refund.closeout.ProgramCloseOut;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "close-out", mixinStandardHelpOptions = true,
        description = {"Closes the refund program once, after the last night, when the application window and every "
                + "certificate's validity are over: writes output/closeout-<date>/ (final accounting, members still "
                + "owed, the statement as xlsx and PDF, the program manifest). Changes no claim."})
class CloseOutCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the close-out date")
    LocalDate date;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder holding the nights' output (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            ProgramCloseOut.Outcome outcome = context.getBean(ProgramCloseOut.class).close(date, output);
            if (outcome.alreadyClosed()) {
                System.out.println(outcome.folder() + ": already closed out: nothing to do");
            } else {
                System.out.println("closed out " + date + ": " + outcome.nights() + " night(s), "
                        + outcome.unclaimedMembers() + " member(s) still owed " + outcome.unclaimedYen() + " yen, in "
                        + outcome.folder());
            }
            return 0;
        } catch (CloseOutRefusedException e) {
            e.differences().forEach(d -> System.err.println("DIFF " + d));
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
