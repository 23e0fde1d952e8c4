package jp.refund;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The real jar run as a child process, as an operator runs it: for crash and concurrency tests. */
public final class ChildNightly {

    public static final Path JAR = Path.of("target/refund-batch.jar").toAbsolutePath();

    /**
     * The start of a child JVM's command: this JVM's java, then {@code options}. Tests' child JVMs
     * compile with C1 only: their runs are short, and on 2 cores the C2 compiler took half their CPU
     * (the sample's 14 nights: 28 s of CPU, 13 s with C1 only; a 6,000-member book's three nights:
     * 43 s and 24 s). The code that runs is the same.
     */
    public static List<String> java(String... options) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(options));
        return cmd;
    }

    private final Path root;
    private final boolean autoServer;
    /** A PostgreSQL database instead of the H2 file; its user and password reach the child by environment. */
    private final PostgresServer.Database server;

    /**
     * On an H2 file of its own. Its URL names no write delay: the jar adds {@code WRITE_DELAY=0} to
     * any H2 URL, as an operator's own URL gets it, so that a halt loses no commit.
     */
    public ChildNightly(Path root, boolean autoServer) {
        this(root, autoServer, null);
    }

    public ChildNightly(Path root, PostgresServer.Database server) {
        this(root, false, server);
    }

    private ChildNightly(Path root, boolean autoServer, PostgresServer.Database server) {
        this.root = root;
        this.autoServer = autoServer;
        this.server = server;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path output() {
        return root.resolve("output");
    }

    /** What the last {@link #run} printed, for an assertion's message (the root is a temporary folder). */
    public String lastRunLog() {
        try {
            Path log = root.resolve("last-run.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no run)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        if (server != null) {
            return server.url();
        }
        return "jdbc:h2:file:" + root.resolve("db/refunds").toAbsolutePath() + (autoServer ? ";AUTO_SERVER=TRUE" : "");
    }

    public ProcessBuilder command(Path input, List<String> jvmOptions) {
        List<String> cmd = java("-Xmx1g");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString(), "nightly", "--input=" + input, "--output=" + output(),
                "--spring.datasource.url=" + jdbcUrl(), "--logging.file.name=" + root.resolve("logs/refund-batch.log")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (server != null) {
            pb.environment().put("SPRING_DATASOURCE_USERNAME", server.user());
            pb.environment().put("SPRING_DATASOURCE_PASSWORD", server.password());
        }
        return pb;
    }

    /** Runs to the end; returns the exit code, echoing nothing. */
    public int run(Path input, List<String> jvmOptions) {
        try {
            Process p = command(input, jvmOptions).redirectOutput(root.resolve("last-run.log").toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("child run did not end in 10 minutes");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a run and kills it with SIGKILL as soon as a line of its output matches; returns the exit code. */
    public int killWhen(Path input, List<String> jvmOptions, Predicate<String> line, long delayMillis) {
        try {
            Process p = command(input, jvmOptions).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (line.test(l)) {
                        Thread.sleep(delayMillis);
                        p.destroyForcibly(); // SIGKILL
                        break;
                    }
                }
            }
            p.waitFor(1, TimeUnit.MINUTES);
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A connection of another process's kind to the night's database. */
    public Connection connect() throws SQLException {
        if (server != null) {
            return server.connect();
        }
        // an AUTO_SERVER URL without a password gets the generated one beside the file
        Path generated = root.resolve("db/refunds.password");
        try {
            return DriverManager.getConnection(jdbcUrl(), "sa", autoServer && Files.exists(generated)
                    ? Files.readString(generated).strip() : "");
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    public List<List<String>> rows(String sql) {
        try (Connection c = connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
