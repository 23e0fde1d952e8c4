package jp.refund.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.closeout.ProgramCloseOut;
import jp.refund.closeout.ProgramEvents;
import jp.refund.job.NightlyRun;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Runs the nightly job: ingest the night's feeds, decide claims, write the outputs.",
                "Without --date, runs every date folder under --input not completed yet, oldest first."})
class NightlyCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the business date to run (input/<date>/)")
    LocalDate date;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "folder of dated input folders (default: ${DEFAULT-VALUE})")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder that receives output/<date>/ (default: ${DEFAULT-VALUE})")
    Path output;


    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            Optional<LocalDate> closed = context.getBean(ProgramEvents.class).closedOut(output);
            if (closed.isPresent()) { // issue 38: the seal covers every night; one more would break it
                System.err.println("error: the program was closed out on " + closed.get() + " (" + output.resolve(
                        ProgramCloseOut.folderName(closed.get())) + "): a closed program runs no night; to run"
                        + " nights again, reopen it first: reopen --reason=TEXT");
                return 1;
            }
            context.getBean(NightlyRun.class).run(Optional.ofNullable(date), input, output);
        }
        return 0;
    }
}
