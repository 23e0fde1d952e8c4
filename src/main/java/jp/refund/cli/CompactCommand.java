package jp.refund.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.refund.RefundBatchApplication;
import jp.refund.database.EmbeddedFileCompaction;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compacts the embedded H2 database file (H2's SHUTDOWN COMPACT: every live page into a new "
                + "file). Only while no other process has the book open: stop the night or serve first. Changes "
                + "no data; does nothing on PostgreSQL."})
class CompactCommand extends SpringCommand implements Callable<Integer> {

    /** H2's error code when another process holds the file: "Database may be already in use". */
    private static final String FILE_IN_USE = "90020";

    @Override
    public Integer call() {
        String[] args = Arrays.copyOf(springArgs, springArgs.length + 1);
        args[springArgs.length] = "--refund.database.exclusive=true";
        Optional<long[]> sizes;
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE, args)) {
            sizes = context.getBean(EmbeddedFileCompaction.class).shutdownCompact();
        } catch (RuntimeException e) {
            if (inUse(e)) {
                System.err.println("error: the database file is open in another process (a night or serve):"
                        + " stop it, then compact");
                return 1;
            }
            throw e;
        }
        if (sizes.isEmpty()) {
            System.out.println("compact: the book is not an embedded H2 file: nothing to do");
        } else {
            System.out.printf("compacted the database file: %,d MB -> %,d MB%n", sizes.get()[0] >> 20,
                    sizes.get()[1] >> 20);
        }
        return 0;
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("the database is open in another process")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("[" + FILE_IN_USE + "-")) {
                return true;
            }
        }
        return false;
    }
}
