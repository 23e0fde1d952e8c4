package jp.refund.cli;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A command that starts the Spring application: it receives the Spring properties of the
 * command line ({@code --spring.datasource.url=...}, {@code --refund.x=y}) to pass on.
 */
abstract class SpringCommand {

    protected String[] springArgs = new String[0];

    void springArgs(String[] springArgs) {
        this.springArgs = springArgs;
    }

    /**
     * For a command that serves until stopped: waits until the context is closed, which SIGTERM
     * does (the shutdown hook), so what is running finishes first.
     */
    static void runUntilClosed(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        closed.await();
    }
}
