package jp.refund.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed with more rejected rows than {@code refund.ingest.max-reject-ratio} is a broken
 * export, not bad luck: the night stops. Small files (under
 * {@code refund.ingest.min-rows-for-ratio} rows) are exempt. Rows are records, as SPEC
 * section 3 counts them (rejected ÷ rows read), never physical lines: a multi-line address
 * is one row. A damaged quote that would hide the lines after it in one row is stopped
 * before this, by the CSV layer's runaway-quote limits.
 */
class IngestQualityGate {

    private final IngestSettings settings;

    IngestQualityGate(IngestSettings settings) {
        this.settings = settings;
    }

    private boolean tooMany(long rejected, long read) {
        return read >= settings.minRowsForRatio() && read > 0 && (double) rejected / read > settings.maxRejectRatio();
    }

    void check(LocalDate runDate, List<FeedCount> counts) {
        check(runDate, counts, count -> 0L);
    }

    /** {@code bookState}: the feed's rejects that only say where the book stands ({@link RejectReason#isBookState}). */
    void check(LocalDate runDate, List<FeedCount> counts, java.util.function.ToLongFunction<FeedCount> bookState) {
        List<String> broken = new ArrayList<>();
        for (FeedCount count : counts) {
            if (!count.balances()) {
                throw new IllegalStateException(count.feed().id() + ": rows read " + count.rowsRead()
                        + " != accepted + skipped + rejected");
            }
            long rejected = count.rejected() - bookState.applyAsLong(count);
            if (tooMany(rejected, count.rowsRead())) {
                broken.add(String.format("%s: %d of %d rows rejected (%.1f%%, more than the allowed %.1f%%)",
                        count.fileName(), rejected, count.rowsRead(), 100.0 * rejected / count.rowsRead(),
                        100 * settings.maxRejectRatio()));
            }
        }
        if (!broken.isEmpty()) {
            throw new BrokenFeedException(String.join("; ", broken) + " - looks like a broken export; nothing of "
                    + runDate + " was kept");
        }
    }
}
