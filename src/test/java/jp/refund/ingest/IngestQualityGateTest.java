package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reject ratio stops a broken export, not a night whose redemptions say certificates ran out;
 * it counts rows (records), as SPEC section 3 does, never the physical lines they span.
 */
class IngestQualityGateTest {

    private static final LocalDate NIGHT = LocalDate.of(2020, 5, 18);
    private final IngestQualityGate gate = new IngestQualityGate(new IngestSettings(0.05, 20, 1000, 10_000_000,
            IngestSettings.MAX_RECORD_LINES, IngestSettings.MAX_RECORD_CHARS));

    private static List<FeedCount> redemptions(long read, long rejected) {
        return List.of(new FeedCount(Feed.CERTIFICATE_REDEMPTIONS, "certificate_redemptions.csv", read,
                read - rejected, 0, rejected, read, rejected));
    }

    @Test
    void expiredCashingsAreFactsToReportNotABrokenExport() {
        // 50 certificates cashed after their valid-until date: all rejected, each an alert
        assertThatCode(() -> gate.check(NIGHT, redemptions(50, 50), c -> 50L)).doesNotThrowAnyException();
    }

    @Test
    void shapeRejectsStillStopTheNight() {
        assertThatThrownBy(() -> gate.check(NIGHT, redemptions(50, 50), c -> 40L))
                .isInstanceOf(BrokenFeedException.class)
                .hasMessageContaining("certificate_redemptions.csv: 10 of 50 rows rejected");
    }

    /** {@code rows} members over {@code lines} physical lines, {@code rejected} of them rejected over {@code rejectedLines}. */
    private static List<FeedCount> members(long rows, long lines, long rejected, long rejectedLines) {
        return List.of(new FeedCount(Feed.MEMBERS, "members.csv", rows, rows - rejected, 0, rejected, lines,
                rejectedLines));
    }

    @Test
    void oneRejectedRowOfTwentyOnePassesHoweverManyLinesItSpans() {
        // 1 of 21 rows (4.8%) is under 5%, though its quoted address spans 4 of the file's 24 lines (16.7%)
        assertThatCode(() -> gate.check(NIGHT, members(21, 24, 1, 4))).doesNotThrowAnyException();
    }

    @Test
    void aFileOfFewerRowsThanTheMinimumIsExemptHoweverManyLinesItHas() {
        // 10 rows over 40 lines (multi-line addresses): under the 20 rows of the minimum, whatever is rejected
        assertThatCode(() -> gate.check(NIGHT, members(10, 40, 5, 20))).doesNotThrowAnyException();
    }

    @Test
    void rowsOverTheRatioStopTheNightEvenWhenTheyAreFewLines() {
        // 2 of 21 rows rejected (9.5%), the file's 42 lines: a line count would halve the share
        assertThatThrownBy(() -> gate.check(NIGHT, members(21, 42, 2, 2)))
                .isInstanceOf(BrokenFeedException.class)
                .hasMessageContaining("members.csv: 2 of 21 rows rejected (9.5%, more than the allowed 5.0%)");
    }
}
