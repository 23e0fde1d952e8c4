package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which nights run, in which order, and what a repeated or out-of-order run does. */
class NightlyRunIT {


    @TempDir
    Path root;

    private static String member(String id) {
        return id + ",山田,太郎,ヤマダ,タロウ,1980-04-01,t@example.jp,090-1111-0001,100-0001,東京都千代田区千代田1-1,\n";
    }

    private NightlyHarness threeNights() {
        NightlyHarness h = new NightlyHarness(root);
        h.write("2019-10-01", "members.csv", FeedHeaders.MEMBERS + member("M1"));
        h.write("2019-10-02", "members.csv", FeedHeaders.MEMBERS + member("M1") + member("M2"));
        h.write("2019-10-03", "members.csv", FeedHeaders.MEMBERS + member("M3"));
        return h;
    }

    @Test
    void catchUpRunsEveryPendingNightOldestFirst() {
        NightlyHarness h = threeNights();

        NightlyHarness.Result result = h.run("nightly");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(h.rows("SELECT run_date FROM night ORDER BY completed_at, run_date"))
                .containsExactly(List.of("2019-10-01"), List.of("2019-10-02"), List.of("2019-10-03"));
        // M1 was first seen on the first night, so the second night skipped it.
        assertThat(h.rows("SELECT member_id, ingested_on FROM member ORDER BY member_id")).containsExactly(
                List.of("M1", "2019-10-01"), List.of("M2", "2019-10-02"), List.of("M3", "2019-10-03"));
        assertThat(h.read("2019-10-02/reports/ingest-summary.csv")).contains("members,members.csv,2,1,1,0");
        assertThat(result.stdout()).containsSubsequence("night 2019-10-01 completed", "night 2019-10-02 completed",
                "night 2019-10-03 completed");
    }

    @Test
    void aCompletedNightRunAgainSaysSoAndChangesNoByte() throws Exception {
        NightlyHarness h = threeNights();
        assertThat(h.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        Map<String, String> before = NightlyHarness.tree(h.output());
        long modified = Files.getLastModifiedTime(h.output().resolve("2019-10-01/MANIFEST.sha256")).toMillis();

        NightlyHarness.Result again = h.run("nightly", "--date=2019-10-01");

        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("2019-10-01 already completed: nothing to do");
        assertThat(NightlyHarness.tree(h.output())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(h.output().resolve("2019-10-01/MANIFEST.sha256")).toMillis())
                .isEqualTo(modified);
        assertThat(h.count("SELECT COUNT(*) FROM member")).isEqualTo(1);
        assertThat(h.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
    }

    @Test
    void aFreshDatabaseOnAnOutputFolderThatHoldsTheDateIsRefusedAndNothingIsRepublished() throws Exception {
        NightlyHarness first = threeNights();
        assertThat(first.run("nightly", "--date=2019-10-01").exitCode()).isZero();
        Map<String, String> before = NightlyHarness.tree(first.output());

        NightlyHarness fresh = new NightlyHarness(root.resolve("fresh-database"));
        NightlyHarness.Result refused = fresh.run("nightly", "--date=2019-10-01", "--input=" + first.input(),
                "--output=" + first.output());

        assertThat(refused.exitCode()).isEqualTo(1);
        // the error line is cut to fit (issue 38); the whole message, with both places, is in the log file
        assertThat(refused.stderr().strip()).startsWith("error: cannot run 2019-10-01: ")
                .contains("has no record of that night").doesNotContain("\n");
        assertThat(Files.readString(fresh.logFile())).contains("cannot run 2019-10-01: ")
                .contains(first.output().resolve("2019-10-01").toString()).contains(fresh.jdbcUrl());
        assertThat(NightlyHarness.tree(first.output())).isEqualTo(before);
        assertThat(fresh.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
        assertThat(fresh.count("SELECT COUNT(*) FROM member")).isZero();
    }

    @Test
    void aDateIsRefusedWhileAnEarlierDateFolderIsNotCompletedAndNothingIsWritten() {
        NightlyHarness h = threeNights();

        NightlyHarness.Result result = h.run("nightly", "--date=2019-10-02");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).isEqualTo("error: cannot run 2019-10-02: earlier night 2019-10-01 is not"
                + " completed; run nightly without --date to catch up in order (details in " + h.logFile() + ")");
        assertThat(h.output()).doesNotExist();
        assertThat(h.count("SELECT COUNT(*) FROM member")).isZero();
    }

    @Test
    void aNightBeforeTheLastCompletedOneIsRefused() {
        NightlyHarness h = threeNights();
        assertThat(h.run("nightly").exitCode()).isZero();
        h.write("2019-09-30", "members.csv", FeedHeaders.MEMBERS + member("M9"));

        NightlyHarness.Result result = h.run("nightly");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("cannot run 2019-09-30: the later night 2019-10-03 has already completed");
        assertThat(h.output().resolve("2019-09-30")).doesNotExist();
    }

    @Test
    void aMissingDateFolderIsAnError() {
        NightlyHarness h = threeNights();

        NightlyHarness.Result result = h.run("nightly", "--date=2019-12-01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no input folder").contains("2019-12-01");
    }

    @Test
    void usageErrorsExitWithTwoAndHelpPrintsUsage() {
        NightlyHarness h = threeNights();

        assertThat(h.run("nightly", "--date=2019-13-45").exitCode()).isEqualTo(2);
        assertThat(h.run("nightly", "--frobnicate").exitCode()).isEqualTo(2);
        assertThat(h.run("no-such-command").exitCode()).isEqualTo(2);
        NightlyHarness.Result help = h.run("nightly", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--date=YYYY-MM-DD", "--input=DIR", "--output=DIR");
    }
}
