package jp.refund.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.rehearsal.AttackReport;
import jp.refund.rehearsal.AttackReportException;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "attack-report", mixinStandardHelpOptions = true,
        description = {"After the nights of an attacker rehearsal (generate --attack): per campaign of the answer key, "
                + "the applications and the yen claimed, paid, paid without a staff document check, held and "
                + "stopped, and what the controls cost honest applicants. Prints a table and writes "
                + "attack-report.csv at the root of the output folder. Changes no claim."})
class AttackReportCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "the answer key generate --attack wrote beside the input folders (application_id,campaign)")
    Path key;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "folder holding the nights' output; the report is written at its root (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            AttackReport.Outcome outcome = context.getBean(AttackReport.class).write(key, output);
            System.out.print(outcome.table());
            System.out.println("attack report after the night of " + outcome.lastNight() + ": " + outcome.file());
            return 0;
        } catch (AttackReportException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
