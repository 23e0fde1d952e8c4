package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The dates a lifecycle row (SPEC sections 9-10) can carry: nothing that arrives in night D
 * happened after D ended in Japan (issue 37). Timestamps reach the rules with a year of four
 * digits ({@link RowFields}), so moving them to JST cannot leave the calendar.
 */
final class NightDates {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private NightDates() {
    }

    /** The day in Japan of {@code at}. */
    static LocalDate inJapan(OffsetDateTime at) {
        return at.atZoneSameInstant(JST).toLocalDate();
    }

    /** IMPOSSIBLE_TIMESTAMP when {@code at} lies after the night's date (JST); null otherwise. */
    static RowRejection afterTheNight(FeedColumn<OffsetDateTime> column, OffsetDateTime at, LocalDate runDate) {
        if (!inJapan(at).isAfter(runDate)) {
            return null;
        }
        return new RowRejection(RejectReason.IMPOSSIBLE_TIMESTAMP, column.name(), column.name() + " " + at
                + " is after the night it arrives in (" + runDate + ", JST)");
    }
}
