package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.refund.ChildNightly;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 38: the real jar killed inside a migration of a fresh H2 book (a kill -9 in Flyway's first
 * migrations once left "Detected failed migration to version 5" at every start). The same command
 * run again puts the book's copy back, migrates it to the latest version and runs the night.
 *
 * <p>Each run is a JVM of 8–10 s here, so not every one of the 24 migrations gets its own: the
 * book's copy is put back whole whatever migration was stopped, so what differs between versions
 * is only what the file holds when the process ends. The sample: the copy itself, the first
 * migration (on a file just created), 5 and 13 (the two the kill and the full disk of the finding
 * stopped in), 47 (one of {@code common}) and the last one — each a halt right after its statements
 * ran (committed: H2 commits DDL), before Flyway recorded it. A second test kills at a random moment
 * while the migrations run, as the finding did.
 */
class MigrationKillIT {

    /** Stopped in one after the other (the last: the newest migration): each run puts back the copy the previous one left. */
    private static final List<String> HALTS = List.of("copy", "1", "5", "13", "47",
            migrationVersions().get(migrationVersions().size() - 1));

    @Test
    void aMigrationHaltedAnywhereIsRecoveredByTheSameCommand(@TempDir Path root) throws IOException {
        Path input = root.resolve("input");
        // a small night, so that the last run shows the migrated schema is one a night runs on
        new BookGenerator(new BookGenerator.Settings(input, 60, 7, 1, LocalDate.of(2019, 11, 14), 0.8)).generate();
        ChildNightly night = new ChildNightly(root.resolve("run"), false);
        Path book = root.resolve("run/db/refunds.mv.db");
        Path copy = root.resolve("run/db/refunds.mv.db" + BookMigration.COPY_SUFFIX);

        for (String halt : HALTS) {
            assertThat(night.run(input, List.of("-Drefund.crash-test.fail-migration=" + halt + ":halt")))
                    .as(night::lastRunLog).isEqualTo(137);
            assertThat(night.lastRunLog()).contains(halt.equals("copy") ? "halting while copying the book"
                    : "halting in migration " + halt + " (its statements ran)");
            if (halt.equals("copy")) {
                assertThat(copy).doesNotExist();
                assertThat(copy.resolveSibling(copy.getFileName() + BookMigration.PARTIAL_SUFFIX)).exists();
            } else {
                assertThat(copy).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
            }
        }
        assertThat(night.run(input, List.of())).as(night::lastRunLog).isZero();

        assertThat(night.lastRunLog()).contains("restored the book");
        assertThat(copy).doesNotExist();
        assertThat(copy.resolveSibling(copy.getFileName() + BookMigration.PARTIAL_SUFFIX)).doesNotExist();
        assertAtTheLatestVersion(night);
        assertThat(night.rows("SELECT run_date FROM night"))
                .containsExactly(List.of("2019-11-14"));
        assertThat(night.output().resolve("2019-11-14/MANIFEST.sha256")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(book))).isEqualTo("rw-------");
    }

    /**
     * SIGKILL at a random moment of the migrations (they take about a second here, once the copy is
     * written), twice in a row; the delays are in the assertion messages.
     */
    @Test
    void aMigrationKilledAtARandomMomentIsRecoveredByTheSameCommand(@TempDir Path root) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path input = Files.createDirectories(root.resolve("input"));
        ChildNightly night = new ChildNightly(root.resolve("run"), false);
        Path copy = root.resolve("run/db/refunds.mv.db" + BookMigration.COPY_SUFFIX);
        List<String> kills = new ArrayList<>();

        for (int i = 0; i < 2; i++) {
            int delay = random.nextInt(1200);
            Process p = night.command(input, List.of()).redirectOutput(root.resolve("killed.log").toFile()).start();
            boolean copyWritten = waitFor(copy, p);
            Thread.sleep(delay);
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
            kills.add("kill " + i + ": " + delay + " ms after the copy appeared (" + copyWritten + "), exit "
                    + p.exitValue() + ", copy left: " + Files.exists(copy));
        }
        String what = "seed " + seed + "; " + kills;
        assertThat(kills).as(what).allMatch(k -> k.contains("exit 137"));
        assertThat(night.run(input, List.of())).as(() -> what + "\n" + night.lastRunLog()).isZero();

        assertThat(copy).as(what).doesNotExist();
        assertAtTheLatestVersion(night);
    }

    /** Waits until the file exists (or the process ended); true when it appeared. */
    private static boolean waitFor(Path file, Process p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(file) && p.isAlive() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return Files.exists(file);
    }

    /** Every migration of the release recorded, each a success, and nothing else. */
    static void assertAtTheLatestVersion(ChildNightly night) {
        List<String> expected = migrationVersions();
        assertThat(night.rows("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"").stream().map(r -> r.get(0)).toList()).isEqualTo(expected);
        assertThat(night.rows("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\""))
                .containsExactly(List.of("0"));
    }

    /** The versions of the migrations an H2 book gets, in order, read from the sources. */
    static List<String> migrationVersions() {
        try (Stream<Path> common = Files.list(Path.of("src/main/resources/db/migration/common"));
             Stream<Path> h2 = Files.list(Path.of("src/main/resources/db/migration/h2"))) {
            return Stream.concat(common, h2).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql")).map(n -> n.substring(1, n.indexOf("__")))
                    .mapToInt(Integer::parseInt).sorted().mapToObj(String::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
