package jp.refund.cli;

import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the support status service (web pages and JSON API) on the nightly database.",
                "Port: --server.port (default 8080), address --server.address (default 127.0.0.1; another"
                        + " address only with TLS, or --i-understand-plain-http). Try it with"
                        + " --spring.profiles.active=demo (demo users)."})
class ServeCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--i-understand-plain-http", description = "listen on a non-loopback --server.address without TLS"
            + " (otherwise serve refuses to start so; it warns)")
    boolean plainHttp;

    @Override
    public Integer call() throws InterruptedException {
        String[] args = springArgs;
        if (plainHttp) {
            args = java.util.Arrays.copyOf(springArgs, springArgs.length + 1);
            args[springArgs.length] = "--refund.staff.plain-http=true";
        }
        ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.SERVLET, args);
        runUntilClosed(context);
        return 0;
    }
}
