package jp.refund.cli;

import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the support status service (web pages and JSON API) on the nightly database.",
                "Port: --server.port (default 8080). Try it with --spring.profiles.active=demo (demo users)."})
class ServeCommand extends SpringCommand implements Callable<Integer> {


    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.SERVLET, springArgs);
        runUntilClosed(context);
        return 0;
    }
}
