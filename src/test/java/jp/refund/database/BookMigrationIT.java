package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 38: a release that adds migrations meets a book of the previous one. A migration that
 * fails (as a full disk would) puts the book back as it was and says why in one line; one that
 * is killed leaves the copy, and the same command puts it back and migrates again.
 */
class BookMigrationIT {

    @TempDir
    Path root;

    @Test
    void aFailedOrKilledMigrationIsRecoveredByTheSameCommand() throws Exception {
        NightlyHarness h = new NightlyHarness(root);
        Files.createDirectories(h.input());
        // the previous release's book, with a night in it
        h.run("verify", "--date=2019-11-28", "--spring.flyway.target=47");
        try (var c = h.connect()) {
            c.createStatement().execute("INSERT INTO night (run_date, completed_at) VALUES (DATE '2019-11-28',"
                    + " TIMESTAMP WITH TIME ZONE '2019-11-29 01:00:00+09:00')");
        }
        Path copy = root.resolve("db/refunds.mv.db" + BookMigration.COPY_SUFFIX);

        NightlyHarness.Result failed = h.run("nightly", "--refund.crash-test.fail-migration=71");
        assertThat(failed.exitCode()).isEqualTo(1);
        String line = failed.stderr().strip();
        assertThat(line).doesNotContain("\n").hasSizeLessThanOrEqualTo(300)
                .startsWith("error: the database migration to version 71 failed: crash test: migration 71 stopped"
                        + " after its statements (as a full disk would); the book is back as before (from its copy):"
                        + " fix the cause, then run the same command again");
        assertThat(copy).doesNotExist();
        assertThat(versions(h)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                "14", "20", "30", "31", "32", "40", "46", "47");

        NightlyHarness.Result killed = h.run("nightly", "--refund.crash-test.fail-migration=71:kill");
        assertThat(killed.exitCode()).isEqualTo(1);
        assertThat(copy).exists();

        NightlyHarness.Result again = h.run("nightly");
        assertThat(again.exitCode()).as(again.stdout() + again.stderr()).isZero();
        assertThat(copy).doesNotExist();
        assertThat(versions(h)).endsWith("47", "60", "61", "62", "63", "64", "66", "70", "71", "72", "73");
        assertThat(h.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM night")).isEqualTo(1);
        assertThat(Files.readString(h.logFile())).contains("restored the book");
    }

    private static List<String> versions(NightlyHarness h) {
        return h.rows("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"").stream().map(r -> r.get(0)).toList();
    }
}
