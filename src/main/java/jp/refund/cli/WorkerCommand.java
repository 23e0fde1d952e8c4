package jp.refund.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.refund.RefundBatchApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs partitions of remote-partitioned nights (refund.partition.mode=remote) until stopped.",
                "Needs the nightly's database server (--spring.datasource.url=jdbc:postgresql://..., not H2),"
                        + " its broker (--spring.artemis.broker-url, default tcp://127.0.0.1:61616)"
                        + " and its output folder at the same path."})
class WorkerCommand extends SpringCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        // one partition at a time per worker: its certificate rendering uses every core
        boolean threadsGiven = Arrays.stream(springArgs).anyMatch(arg -> arg.startsWith("--refund.partition.threads="));
        String[] args = Stream.of(Arrays.stream(springArgs),
                        threadsGiven ? Stream.<String>empty() : Stream.of("--refund.partition.threads=1"),
                        Stream.of("--refund.partition.worker=true"))
                .flatMap(s -> s)
                .toArray(String[]::new);
        ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE, args);
        log.info("worker {} started: running partition requests until stopped (SIGTERM)", ProcessHandle.current().pid());
        // SIGTERM closes the context: the listener stops taking requests, the running one finishes
        runUntilClosed(context);
        return 0;
    }
}
