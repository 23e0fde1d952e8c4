package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.refund.ChildNightly;
import jp.refund.NightlyHarness;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill the real jar anywhere in a night, run it again, and get exactly what one
 * uninterrupted run gives: the same bytes in every output file and the same claims.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    /**
     * Ingest and decision chunks of 100 rows, so that a book of 1,000 members has the chunks the kill
     * points name (a fourth ingest chunk, a second decision chunk) in a night of a few seconds; the
     * chunk size changes no output byte ({@code ClaimNightsIT}).
     */
    private static final List<String> SMALL_CHUNKS = List.of("-Drefund.ingest.chunk-size=100",
            "-Drefund.claims.chunk-size=100");
    private static final String CLAIMS = "SELECT claim_no, application_id, member_id, status, reasons, amount_yen,"
            + " payout_date, reference, certificate_no, decided_on, approved_on, emitted_on FROM claim ORDER BY claim_no";

    private Path book;
    private Map<String, String> referenceTree;
    private List<List<String>> referenceClaims;
    private List<List<String>> referenceEvents;

    @BeforeAll
    void uninterruptedRun(@TempDir Path root) {
        book = root.resolve("book");
        // one night that both transfers (value date 2019-11-18) and issues certificates (issue date 2019-11-15)
        new BookGenerator(new BookGenerator.Settings(book, 1000, 7, 1, LocalDate.of(2019, 11, 14), 0.8)).generate();
        ChildNightly reference = night(root.resolve("reference"));
        assertThat(reference.run(book, SMALL_CHUNKS)).isZero();
        referenceTree = NightlyHarness.tree(reference.output());
        referenceClaims = reference.rows(CLAIMS);
        referenceEvents = reference.rows("SELECT * FROM claim_event ORDER BY run_date, seq");
        assertThat(referenceTree).containsKeys("2019-11-14/bank/SOGOFURI-20191118.txt",
                "2019-11-14/certificates/mailing-list.csv");
        assertThat(referenceClaims).as("several decision chunks").hasSizeGreaterThan(500);
    }

    /**
     * The night's process and its database: an H2 file of its own here ({@link PostgresCrashRecoveryIT}),
     * written at every commit (the jar adds WRITE_DELAY=0 to any H2 URL).
     */
    ChildNightly night(Path root) {
        return new ChildNightly(root, false);
    }

    List<String> crashPoints() {
        return List.of("ingest-chunk:4", "decision-chunk:2", "output-file:1", "certificate:40", "publish:2",
                "publish:3");
    }

    private void assertSameAsUninterrupted(ChildNightly resumed) {
        assertThat(NightlyHarness.tree(resumed.output())).isEqualTo(referenceTree);
        assertThat(resumed.rows(CLAIMS)).isEqualTo(referenceClaims);
        assertThat(resumed.rows("SELECT * FROM claim_event ORDER BY run_date, seq")).isEqualTo(referenceEvents);
        assertThat(resumed.rows("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', 'STOPPING')"))
                .containsExactly(List.of("0"));
    }

    /**
     * Halts the JVM (as kill -9 does: no finally, no shutdown hook) inside: an ingest chunk,
     * a decision chunk, the bank file half written, the certificates, after the workbook (files
     * staged, step not committed: the same window as after the reports, so that one is not
     * repeated), and right after the output folder was moved into place.
     */
    @ParameterizedTest(name = "killed at {0}")
    @MethodSource("crashPoints")
    void aNightKilledAnywhereResumesToTheSameResult(String point, @TempDir Path root) {
        ChildNightly night = night(root);

        assertThat(night.run(book, with("-Drefund.crash-test.halt-at=" + point))).as(night::lastRunLog).isEqualTo(137);
        assertThat(night.run(book, SMALL_CHUNKS)).as(night::lastRunLog).isZero();

        assertSameAsUninterrupted(night);
    }

    @Test
    void aRealSigkillDuringTheDecisionsResumesToTheSameResult(@TempDir Path root) throws Exception {
        ChildNightly night = night(root);

        int killed = night.killWhen(book, SMALL_CHUNKS, line -> line.contains("step decide-applications started"), 400);

        assertThat(killed).isEqualTo(137);
        assertThat(Files.exists(night.output().resolve("2019-11-14"))).isFalse();
        assertThat(night.run(book, SMALL_CHUNKS)).isZero();
        assertThat(Files.readString(root.resolve("last-run.log"))).contains("was interrupted while running");
        assertSameAsUninterrupted(night);
    }

    private static List<String> with(String setting) {
        List<String> settings = new ArrayList<>(SMALL_CHUNKS);
        settings.add(setting);
        return settings;
    }
}
