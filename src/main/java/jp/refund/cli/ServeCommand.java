package jp.refund.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the support status service (web pages and JSON API) on the nightly database.",
                "Port: --server.port (default 8080). Try it with --spring.profiles.active=demo (demo users)."})
class ServeCommand extends SpringCommand implements Callable<Integer> {


    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.SERVLET, springArgs);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        closed.await();
        return 0;
    }
}
