package jp.refund.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.notice.NoticeSender;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends the EMAIL notices of completed nights not sent yet over SMTP (spring.mail.*),",
                "at most refund.notices.per-second, Message-ID = notice id. Safe to kill and run again:",
                "only a message whose server reply was not yet recorded is sent a second time."})
class NoticesSendCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "only the notices of this night")
    LocalDate date;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                springArgs)) {
            NoticeSender.Outcome outcome = context.getBean(NoticeSender.class).send(Optional.ofNullable(date),
                    System.out);
            System.out.printf("notices send: %,d sent, %,d failed (see the claim pages), %,d retries%n",
                    outcome.sent(), outcome.failed(), outcome.retrying());
            return 0;
        }
    }
}
