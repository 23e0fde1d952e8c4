package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.refund.ChildNightly;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While a night runs in its own process, another process reads the same H2 database (AUTO_SERVER). */
class ConcurrentReadIT {

    @Test
    void aSecondProcessReadsTheBookWhileANightRuns(@TempDir Path root) throws Exception {
        Path book = root.resolve("book");
        new BookGenerator(new BookGenerator.Settings(book, 5000, 11, 1, LocalDate.of(2019, 11, 13), 0.8)).generate();
        ChildNightly night = night(root.resolve("run"));
        // small ingest chunks: the feeds take a few seconds, so reads see the book before any claim exists
        // (with 1,000-row chunks an idle machine ingests this book between two reads); small decision
        // chunks likewise: with the book in memory PostgreSQL decided all 4,029 between two reads
        Process p = night.command(book, List.of("-Drefund.ingest.chunk-size=20", "-Drefund.claims.chunk-size=10"))
                .redirectOutput(root.resolve("night.log").toFile()).start();

        List<Long> claimCounts = new ArrayList<>();
        int reads = 0;
        while (p.isAlive()) {
            try (Connection c = night.connect();
                 var s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM claim")) {
                    rs.next();
                    claimCounts.add(rs.getLong(1));
                }
                reads++;
            } catch (java.sql.SQLException e) {
                if (!p.isAlive() || p.waitFor(5, TimeUnit.SECONDS)) {
                    break; // the night ended while we read: its process served the database (AUTO_SERVER),
                           // and while it shuts down its file lock outlives its server
                }
                // before the night's process has created the schema there is nothing to read yet; and while it
                // closes the new book to copy it before the migrations (BookMigration), H2 refuses it for a moment
                if (!e.getMessage().contains("CLAIM") && !e.getMessage().contains("not found")
                        && !e.getMessage().contains("does not exist")
                        && !e.getMessage().contains("Lock file recently modified")) {
                    throw e;
                }
            }
            Thread.sleep(200);
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();

        assertThat(reads).isGreaterThan(5);
        assertThat(claimCounts).isSorted();
        long finalCount = night.rows("SELECT COUNT(*) FROM claim").get(0).get(0).transform(Long::parseLong);
        assertThat(claimCounts).contains(0L);
        assertThat(claimCounts.get(claimCounts.size() - 1)).isLessThanOrEqualTo(finalCount);
        assertThat(claimCounts.stream().anyMatch(n -> n > 0 && n < finalCount))
                .as("a read saw the decisions half done: %s", claimCounts).isTrue();
    }

    /** The night's process and its database: an H2 file served by AUTO_SERVER here ({@link PostgresConcurrentReadIT}). */
    ChildNightly night(Path root) {
        return new ChildNightly(root, true);
    }
}
