package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.refund.ChildNightly;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart reads on in a feed file after the records it kept, by count: a file changed in
 * between must not be read wrong. The night discards its partial work and runs again from its
 * ingest on the file as it is now (issue 38). The sample's first night in chunks of 5 rows,
 * killed in its ingest or in its decisions, then a member inserted at line 3.
 */
class ChangedInputIT {

    private static final List<String> SMALL_CHUNKS = List.of("-Drefund.ingest.chunk-size=5");

    @TempDir
    Path root;

    private Path input;
    private Path members;
    private String original;

    private void sampleNight() throws IOException {
        input = root.resolve("input");
        Path night = Files.createDirectories(input.resolve("2019-10-01"));
        try (var files = Files.list(Path.of("input/2019-10-01"))) {
            for (Path file : files.toList()) {
                Files.copy(file, night.resolve(file.getFileName()));
            }
        }
        members = night.resolve("members.csv");
        original = Files.readString(members);
    }

    private void insertMemberAtLine3() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(members));
        lines.add(2, "M0999,新井,一郎,アライ,イチロウ,1970-01-01,ichiro.arai@example.jp,090-9999-0999,100-0001,"
                + "東京都千代田区千代田9-9,");
        Files.write(members, lines);
    }

    private static List<String> with(String option) {
        List<String> options = new ArrayList<>(SMALL_CHUNKS);
        options.add(option);
        return options;
    }

    /** What the last run printed, and its log file: the error line is cut to fit, the log holds the whole failure. */
    private String lastRun(ChildNightly night, Path nightRoot) throws IOException {
        Path log = nightRoot.resolve("logs/refund-batch.log");
        return Files.readString(nightRoot.resolve("last-run.log")) + (Files.exists(log) ? Files.readString(log) : "");
    }

    private java.util.Map<String, String> cleanRunOf(Path cleanInput) {
        ChildNightly clean = new ChildNightly(root.resolve("clean-" + System.nanoTime()), false);
        assertThat(clean.run(cleanInput, SMALL_CHUNKS)).isZero();
        return NightlyHarness.tree(clean.output());
    }

    @Test
    void aFileChangedAfterACrashInItsIngestMakesTheNightRunAgainAsAFirstRunOnTheNewFile() throws Exception {
        sampleNight();
        Path nightRoot = root.resolve("night");
        // H2 writes every commit at once: the first chunk is on disk when the second halts
        ChildNightly night = new ChildNightly(nightRoot, false);
        assertThat(night.run(input, with("-Drefund.crash-test.halt-at=ingest-chunk:2"))).isEqualTo(137);
        assertThat(night.rows("SELECT COUNT(*) FROM member")).containsExactly(List.of("5"));

        insertMemberAtLine3();
        assertThat(night.run(input, SMALL_CHUNKS)).isZero();

        assertThat(lastRun(night, nightRoot)).contains("night 2019-10-01: input changed after a failed run ("
                + members + " changed since the night began ingesting it (sha256 ").contains("); its partial work was"
                + " discarded and it runs again from its ingest");
        assertThat(night.rows("SELECT COUNT(*) FROM member WHERE member_id = 'M0999'")).containsExactly(List.of("1"));
        assertThat(NightlyHarness.tree(night.output())).isEqualTo(cleanRunOf(input));

        // A completed night never reads its input again, but says when it differs.
        var published = NightlyHarness.tree(night.output());
        Files.writeString(members, original);
        NightlyHarness.Result again = new NightlyHarness(nightRoot).run("nightly", "--date=2019-10-01",
                "--input=" + input);
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("2019-10-01 already completed: nothing to do")
                .contains("note: " + members + " changed since the night began ingesting it");
        assertThat(NightlyHarness.tree(night.output())).isEqualTo(published);
    }

    @Test
    void aFileChangedAfterTheDecisionsBeganMakesTheNightRunAgainFromItsIngestOnTheNewFile() throws Exception {
        sampleNight();
        Path nightRoot = root.resolve("night");
        ChildNightly night = new ChildNightly(nightRoot, false);
        assertThat(night.run(input, with("-Drefund.crash-test.halt-at=decision-chunk:1"))).isEqualTo(137);

        insertMemberAtLine3();
        assertThat(night.run(input, SMALL_CHUNKS)).isZero();
        assertThat(lastRun(night, nightRoot)).contains("night 2019-10-01: input changed after a failed run (" + members)
                .contains("started over: night 2019-10-01");

        assertThat(night.rows("SELECT COUNT(*) FROM member WHERE member_id = 'M0999'")).containsExactly(List.of("1"));
        assertThat(NightlyHarness.tree(night.output())).isEqualTo(cleanRunOf(input));
    }
}
