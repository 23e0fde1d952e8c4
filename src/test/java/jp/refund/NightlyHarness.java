package jp.refund;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.refund.cli.RefundBatchCommand;
import jp.refund.report.NightOutputFolder;

/**
 * Runs the real command line against a folder of its own: input, output and an H2
 * file database, as an operator would. Used by tests that check what a user sees.
 */
public final class NightlyHarness {

    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path root;
    private final List<String> extraArgs = new ArrayList<>();
    /** A PostgreSQL database instead of the H2 file ({@link #on}). */
    private PostgresServer.Database server;

    public NightlyHarness(Path root) {
        this.root = root;
    }

    /** A harness on another root with the same extra settings. */
    public NightlyHarness movedTo(Path otherRoot) {
        NightlyHarness moved = new NightlyHarness(otherRoot);
        moved.extraArgs.addAll(extraArgs);
        return moved;
    }

    public NightlyHarness with(String... springArgs) {
        extraArgs.addAll(java.util.List.of(springArgs));
        return this;
    }

    /** Runs on this PostgreSQL database (as its user) instead of an H2 file of its own. */
    public NightlyHarness on(PostgresServer.Database database) {
        this.server = database;
        return this;
    }

    public Path input() {
        return root.resolve("input");
    }

    public Path output() {
        return root.resolve("output");
    }

    /** The log file of this harness's runs (stack traces go there, never to the console). */
    public Path logFile() {
        return root.resolve("logs/refund-batch.log");
    }

    public String jdbcUrl() {
        if (server != null) {
            return server.url();
        }
        return "jdbc:h2:file:" + root.resolve("db").resolve("refunds").toAbsolutePath();
    }

    /** Copies a fixture night folder (a classpath or file-system folder) to input/&lt;date&gt;/. */
    public Path night(String date, Path fixtureFolder) {
        Path target = input().resolve(date);
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(fixtureFolder)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public Path write(String date, String fileName, String content) {
        return write(date, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String date, String fileName, byte[] content) {
        try {
            Path target = input().resolve(date).resolve(fileName);
            Files.createDirectories(target.getParent());
            return Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code refund-batch <args>} with this harness's folders and database. */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(0).equals("nightly") && all.stream().noneMatch(a -> a.startsWith("--input"))) {
            all.add("--input=" + input());
        }
        if (all.stream().noneMatch(a -> a.startsWith("--output"))) {
            all.add("--output=" + output());
        }
        all.add("--spring.datasource.url=" + jdbcUrl());
        all.add("--logging.file.name=" + logFile());
        if (server != null) {
            all.add("--spring.datasource.username=" + server.user());
            all.add("--spring.datasource.password=" + server.password());
        }
        all.addAll(extraArgs);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = RefundBatchCommand.execute(all.toArray(String[]::new));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    public Connection connect() throws SQLException {
        return server != null ? server.connect() : DriverManager.getConnection(jdbcUrl(), "sa", "");
    }

    public long count(String sql, Object... params) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<List<String>> rows(String sql, Object... params) {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under a folder with its SHA-256, by relative path: a fingerprint of an output tree. */
    public static Map<String, String> tree(Path folder) {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(folder)) {
            return tree;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                tree.put(folder.relativize(file).toString(), NightOutputFolder.sha256(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    public String read(String relativeOutputPath) {
        try {
            return Files.readString(output().resolve(relativeOutputPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
