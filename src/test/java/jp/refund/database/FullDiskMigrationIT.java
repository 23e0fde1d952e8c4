package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.refund.ChildNightly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 38: the real jar migrating an H2 book on a full disk (a tmpfs of a few hundred KB mounted
 * on the book's folder). A full disk once left V13 half-applied, and "Duplicate column LINES_READ"
 * after more space was given. Now the command fails with one line naming the cause, the folder,
 * what is free and about what is needed; the book is as it was; and once that much is free the
 * same command migrates it. Needs {@code mount} (root): skipped otherwise.
 */
class FullDiskMigrationIT {

    private static final Pattern NO_SPACE = Pattern.compile("error: no space left on device in (\\S+) (while"
            + " migrating to version \\d+|to copy the book before migrating it) \\(\\d+\\.\\d MB free, about"
            + " (\\d+\\.\\d) MB needed\\); (the book is back as before|nothing was changed): free space, then run the"
            + " same command again \\(details in \\S+\\)");
    private static final int NIGHTS = 3000;

    @TempDir
    Path root;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aFreshBookOnAFullDiskSaysHowMuchItNeedsAndMigratesOnceItIsThere() throws Exception {
        ChildNightly night = new ChildNightly(root.resolve("run"), false);
        Path db = mount(root.resolve("run/db"), 1024);
        Path input = Files.createDirectories(root.resolve("input"));

        Outcome full = run(night, input);

        assertThat(full.exitCode()).as(full::toString).isEqualTo(1);
        Matcher line = oneLine(full, db);
        assertThat(line.group(2)).startsWith("while migrating to version ");
        assertThat(line.group(4)).isEqualTo("the book is back as before");
        assertThat(db.resolve("refunds.mv.db" + BookMigration.COPY_SUFFIX)).doesNotExist();
        try (var files = Files.list(db)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------"));
        }

        // exactly what the line says is needed, on top of what is used now
        remount(db, usedKb(db) + Math.round(Double.parseDouble(line.group(3)) * 1024));
        Outcome again = run(night, input);
        assertThat(again.exitCode()).as(again::toString).isZero();
        MigrationKillIT.assertAtTheLatestVersion(night);
    }

    /**
     * The previous release's book (migrated to version 47, with data in it), upgraded on a disk
     * too full for the copy, then on one with room for the copy but not for the migrations.
     */
    @Test
    void anExistingBookOnAFullDiskIsLeftIntactAndMigratesOnceThereIsRoom() throws Exception {
        ChildNightly night = new ChildNightly(root.resolve("run"), false);
        Path db = mount(root.resolve("run/db"), 32 * 1024);
        Path input = Files.createDirectories(root.resolve("input"));
        // migrated to 47, the night then stops on a table of a later version: the book is what the old release left
        night.run(input, List.of("-Dspring.flyway.target=47"));
        try (Connection c = night.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO night (run_date, completed_at)"
                     + " VALUES (?, TIMESTAMP WITH TIME ZONE '2019-11-29 01:00:00+09:00')")) {
            for (int i = 0; i < NIGHTS; i++) {
                insert.setObject(1, LocalDate.of(2019, 11, 14).plusDays(i));
                insert.addBatch();
            }
            insert.executeBatch();
            c.createStatement().execute("SHUTDOWN COMPACT"); // the book's size, as the command will copy it
        }
        long bookKb = Files.size(db.resolve("refunds.mv.db")) / 1024;
        assertIntactAtVersion47(night, db);

        remount(db, usedKb(db) + bookKb / 2);
        Outcome noRoomToCopy = run(night, input);
        assertThat(noRoomToCopy.exitCode()).as(noRoomToCopy::toString).isEqualTo(1);
        Matcher copyLine = oneLine(noRoomToCopy, db);
        assertThat(copyLine.group(2)).isEqualTo("to copy the book before migrating it");
        assertThat(copyLine.group(4)).isEqualTo("nothing was changed");
        assertIntactAtVersion47(night, db);

        // room for the copy (the book grows by a third when opened and closed) but not for the migrations
        // (they add 1 MB to this book)
        remount(db, usedKb(db) + 2 * Files.size(db.resolve("refunds.mv.db")) / 1024 + 256);
        Outcome noRoomToMigrate = run(night, input);
        assertThat(noRoomToMigrate.exitCode()).as(noRoomToMigrate::toString).isEqualTo(1);
        Matcher migrateLine = oneLine(noRoomToMigrate, db);
        assertThat(migrateLine.group(2)).startsWith("while migrating to version ");
        assertThat(migrateLine.group(4)).isEqualTo("the book is back as before");
        assertIntactAtVersion47(night, db);

        remount(db, usedKb(db) + Math.round(Double.parseDouble(migrateLine.group(3)) * 1024));
        Outcome again = run(night, input);
        assertThat(again.exitCode()).as(again::toString).isZero();
        MigrationKillIT.assertAtTheLatestVersion(night);
        assertThat(night.rows("SELECT COUNT(*) FROM night")).containsExactly(List.of(String.valueOf(NIGHTS)));
    }

    private static void assertIntactAtVersion47(ChildNightly night, Path db) {
        assertThat(db.resolve("refunds.mv.db" + BookMigration.COPY_SUFFIX)).doesNotExist();
        List<String> versions = MigrationKillIT.migrationVersions();
        assertThat(night.rows("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " AND \"success\" ORDER BY \"installed_rank\"").stream().map(r -> r.get(0)).toList())
                .isEqualTo(versions.subList(0, versions.indexOf("47") + 1));
        assertThat(night.rows("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\""))
                .containsExactly(List.of("0"));
        assertThat(night.rows("SELECT COUNT(*), MAX(run_date) FROM night"))
                .containsExactly(List.of(String.valueOf(NIGHTS), LocalDate.of(2019, 11, 14).plusDays(NIGHTS - 1).toString()));
    }

    /** The command's stderr is one line of at most 300 characters naming the full disk and its folder; nothing else complains. */
    private static Matcher oneLine(Outcome outcome, Path db) {
        String line = outcome.stderr().strip();
        assertThat(line).as(outcome::toString).doesNotContain("\n").hasSizeLessThanOrEqualTo(300);
        Matcher m = NO_SPACE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(m.group(1)).isEqualTo(db.toString());
        assertThat(outcome.stdout()).as(outcome::toString).doesNotContain("ERROR").doesNotContain("WARN");
        return m;
    }

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private Outcome run(ChildNightly night, Path input) throws Exception {
        Path out = root.resolve("stdout.txt");
        Path err = root.resolve("stderr.txt");
        Process p = night.command(input, List.of()).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A tmpfs of {@code kb} KB on the folder; the test is skipped where mounting is not allowed (not root). */
    private Path mount(Path folder, long kb) throws Exception {
        Files.createDirectories(folder);
        String refused = run("mount", "-t", "tmpfs", "-o", "size=" + kb + "k", "tmpfs", folder.toString());
        assumeTrue(refused == null, () -> "a full disk needs a tmpfs, and mount was refused (run as root): " + refused);
        mounted = folder;
        return folder;
    }

    private static void remount(Path folder, long kb) throws Exception {
        String refused = run("mount", "-o", "remount,size=" + kb + "k", folder.toString());
        assertThat(refused).isNull();
    }

    private static long usedKb(Path folder) throws IOException {
        var store = Files.getFileStore(folder);
        return (store.getTotalSpace() - store.getUsableSpace() + 1023) / 1024;
    }

    /** Runs a system command; null when it succeeded, else what it printed. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? null : "exit " + p.exitValue() + ": " + output;
    }
}
