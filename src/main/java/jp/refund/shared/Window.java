package jp.refund.shared;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** A time window, inclusive at both ends, compared as instants to the second. */
public record Window(OffsetDateTime start, OffsetDateTime end) {

    public Window {
        if (start == null || end == null || end.isBefore(start)) {
            throw new IllegalArgumentException("a window needs a start before its end: " + start + " - " + end);
        }
    }

    public boolean contains(OffsetDateTime instant) {
        if (instant == null) {
            return false;
        }
        OffsetDateTime t = instant.truncatedTo(ChronoUnit.SECONDS);
        return !t.toInstant().isBefore(start.toInstant()) && !t.toInstant().isAfter(end.toInstant());
    }
}
