package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.refund.FeedHeaders;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 38, end to end through the command line: rows a broken or hostile feed sends that used to
 * pass ingest and stop the night later, for good. One small night holds them all and completes.
 */
class HostileRowsIT {

    @TempDir
    Path root;

    @Test
    void aNightWithControlCharactersAnOutOfRangeAnswerAndAMergedLineCompletes() throws Exception {
        NightlyHarness h = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
        StringBuilder members = new StringBuilder(FeedHeaders.MEMBERS);
        StringBuilder wallets = new StringBuilder(FeedHeaders.WALLETS);
        for (int i = 1; i <= 2; i++) {
            members.append("M").append(i).append(",山田,太郎").append(i).append(",ヤマダ,タロウ,1980-04-0").append(i)
                    .append(",m").append(i).append("@example.jp,090-0000-000").append(i)
                    .append(",100-0001,東京都千代田区千代田1-").append(i).append(",\n");
            wallets.append("W").append(i).append(",M").append(i).append(',').append(1000 * i).append(",0,false\n");
        }
        h.write("2019-11-28", "members.csv", members.toString());
        h.write("2019-11-28", "closing_balances.csv", wallets.toString());
        // an applicant's own application: 990 control characters and 市1-1 as the mailing address, which
        // JSON-escaped six-fold past the notice's 4,000-character column and stopped every run of the night
        h.write("2019-11-28", "applications_app.csv", FeedHeaders.APP
                + "A1,2019-11-28T09:00:00+09:00,POSTAL,,,,,,,,山田太郎1,100-0001,東京都千代田区千代田1-1,"
                + "x@example.jp,090-0000-0000,M1\n"
                + "A2,2019-11-28T09:01:00+09:00,POSTAL,,,,,,,,山田太郎2,100-0001," + "\u0007".repeat(990) + "市1-1,"
                + "x@example.jp,090-0000-0000,M2\n");
        // a year 999999999 answer (failed when confirmations were applied), and two answers one bare CR merged
        h.write("2019-11-28", "confirmations.csv", FeedHeaders.CONFIRMATIONS
                + "K1,1000000001,2019-11-28T10:00:00+09:00,CONFIRM\rK2,1000000002,2019-11-28T10:00:00+09:00,CONFIRM\n"
                + "K3,1000000001,+999999999-12-31T23:59:59-18:00,CONFIRM\n");
        Files.createDirectories(h.input().resolve("2019-11-28"));

        NightlyHarness.Result night = h.run("nightly", "--date=2019-11-28");
        assertThat(night.exitCode()).as(night.stdout() + night.stderr()).isZero();

        assertThat(h.read("2019-11-28/rejects/applications_app.csv")).contains("3,INVALID_FORMAT,address,address"
                + " contains a control character (U+0007 at position 1); printable text only,");
        assertThat(h.count("SELECT COUNT(*) FROM claim WHERE application_id = 'A1'")).isEqualTo(1);
        assertThat(h.read("2019-11-28/rejects/confirmations.csv")).contains("2,WRONG_COLUMN_COUNT,,",
                "3,INVALID_FORMAT,answered_at,");
        // the night's summary names the rows the merge lost
        assertThat(Files.readString(h.logFile())).contains("rows lost to a merge: confirmations.csv line 2: 2 rows"
                + " joined by a bare CR into one rejected record (rejects/confirmations.csv)");
        assertThat(h.run("verify", "--date=2019-11-28").exitCode()).isZero();
    }
}
