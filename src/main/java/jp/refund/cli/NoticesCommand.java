package jp.refund.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.notice.ApplicantNotices;
import jp.refund.notice.ClaimNotice;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "notices", mixinStandardHelpOptions = true,
        description = "Applicant notices (SPEC section 9): show one rendered; send the e-mail ones.",
        subcommands = {NoticesCommand.Show.class, NoticesSendCommand.class})
class NoticesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a notice as the applicant receives it: recipient, subject and text.")
    static class Show extends SpringCommand implements Callable<Integer> {

        @Parameters(paramLabel = "NOTICE_ID", description = "<claim_no>-<kind>-<n>, e.g. 1000000024-BALANCE-1")
        String noticeId;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                    springArgs)) {
                Optional<ClaimNotice> notice = context.getBean(ApplicantNotices.class).find(noticeId);
                if (notice.isEmpty()) {
                    System.err.println("error: no notice " + noticeId);
                    return 1;
                }
                ClaimNotice n = notice.get();
                System.out.println("Notice:    " + n.notice().noticeId() + " (night " + n.runDate() + ")");
                System.out.println("Delivery:  " + n.notice().delivery() + " to " + n.notice().recipient()
                        + " [" + n.state() + (n.reply().isEmpty() ? "" : ": " + n.reply()) + "]");
                System.out.println("Subject:   " + n.subject());
                System.out.println();
                System.out.print(n.text());
                return 0;
            }
        }
    }
}
