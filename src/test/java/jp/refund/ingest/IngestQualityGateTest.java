package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reject ratio stops a broken export, not a night whose redemptions say certificates ran out. */
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
}
