package jp.refund.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.closeout.CloseOutRefusedException;
import jp.refund.closeout.ProgramCloseOut;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reopen", mixinStandardHelpOptions = true,
        description = {"Reopens a closed-out program so that nights run again: the close-out folder is kept as "
                + "closeout-<date>.reopened-<n> and the reopening is recorded with its reason (verify --program "
                + "shows it). Close out again afterwards."})
class ReopenCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the program runs again")
    String reason;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder holding the nights' output (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            ProgramCloseOut.Reopened reopened = context.getBean(ProgramCloseOut.class).reopen(reason, output);
            System.out.println("reopened the program closed out " + reopened.closeOutDate() + "; its close-out is kept"
                    + " as " + reopened.keptAs() + "; nights run again, then close out again");
            return 0;
        } catch (CloseOutRefusedException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
