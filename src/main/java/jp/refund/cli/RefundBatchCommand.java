package jp.refund.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar refund-batch.jar <command> [options] [--spring.property=value ...]}.
 * Options with a dot in their name ({@code --spring.datasource.url=...},
 * {@code --refund.schedule.bank-lead-days=3}) are Spring properties and go to the
 * application; the rest is parsed here. Exit status: 0 success, 1 failure, 2 usage.
 */
@Command(name = "refund-batch", mixinStandardHelpOptions = true, version = "refund-batch 0.1",
        description = "Refunds the balances of the closed wallet to their rightful owners.",
        subcommands = {NightlyCommand.class, VerifyCommand.class, ServeCommand.class, UserCommand.class,
                GenerateCommand.class, NoticesCommand.class, CloseOutCommand.class, ReopenCommand.class, WorkerCommand.class,
                AttackReportCommand.class,
                CompactCommand.class},
        footer = {"", "Any Spring property can be given as --name=value, e.g. "
                + "--spring.datasource.url=jdbc:h2:file:./scratch/refunds"})
public class RefundBatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // H2 looks every value it reads or binds up in a shared cache of values, hashing each
        // string: a noticeable share of the decisions' time at full scale (docs/operations.md,
        // Settings). The cache only saves memory for
        // repeated values; set before H2 is loaded, and left as given with -Dh2.objectCache.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status. */
    public static int execute(String... args) {
        LogFolder.prepare(args);
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        split(args, springArgs, commandArgs);
        CommandLine commandLine = new CommandLine(new RefundBatchCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            String logFile = System.getProperty("LOG_FILE", LogFolder.DEFAULT_FILE);
            LoggerFactory.getLogger("jp.refund.failure").error("{} failed", cmd.getCommandName(), e);
            cmd.getErr().println(FailureLine.errorLine(e, logFile));
            return 1;
        });
        passSpringArgs(commandLine, springArgs.toArray(String[]::new));
        return commandLine.execute(commandArgs.toArray(String[]::new));
    }

    /**
     * Parses a command line as {@link #execute} does, without running it: no log folder, no
     * Spring, no database, no output. The command and its own options go through the same
     * picocli parser, so an unknown command or option, a missing or malformed value fails
     * here as it would in a run; the Spring properties are only split off (Spring binds them
     * when a command starts). Used to check the command lines the documentation shows.
     *
     * @return the command line's Spring properties ({@code --name=value}, a dot in the name)
     * @throws CommandLine.ParameterException saying what picocli refused, as a run would print it
     */
    public static List<String> parse(String... args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        split(args, springArgs, commandArgs);
        new CommandLine(new RefundBatchCommand()).parseArgs(commandArgs.toArray(String[]::new));
        return List.copyOf(springArgs);
    }

    private static void split(String[] args, List<String> springArgs, List<String> commandArgs) {
        for (String arg : args) {
            (isSpringProperty(arg) ? springArgs : commandArgs).add(arg);
        }
    }

    /** To every command that starts Spring, nested ones ({@code notices show}) included. */
    private static void passSpringArgs(CommandLine commandLine, String[] springArgs) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommand() instanceof SpringCommand command) {
                command.springArgs(springArgs);
            }
            passSpringArgs(sub, springArgs);
        }
    }

    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        return name.contains(".");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
