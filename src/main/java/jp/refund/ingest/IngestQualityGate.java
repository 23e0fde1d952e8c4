package jp.refund.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed with more rejected rows than {@code refund.ingest.max-reject-ratio} is a broken
 * export, not bad luck: the night stops. Small files (under
 * {@code refund.ingest.min-rows-for-ratio} rows) are exempt.
 */
class IngestQualityGate {

    private final IngestSettings settings;

    IngestQualityGate(IngestSettings settings) {
        this.settings = settings;
    }

    void check(LocalDate runDate, List<FeedCount> counts) {
        check(runDate, counts, count -> 0L);
    }

    /** {@code bookState}: the feed's rejects that only say where the book stands ({@link RejectReason#isBookState}). */
    void check(LocalDate runDate, List<FeedCount> counts, java.util.function.ToLongFunction<FeedCount> bookState) {
        List<String> broken = new ArrayList<>();
        for (FeedCount given : counts) {
            FeedCount count = new FeedCount(given.feed(), given.fileName(), given.rowsRead(), given.accepted(),
                    given.skipped(), given.rejected() - bookState.applyAsLong(given));
            if (!given.balances()) {
                throw new IllegalStateException(count.feed().id() + ": rows read " + count.rowsRead()
                        + " != accepted + skipped + rejected");
            }
            if (count.rowsRead() >= settings.minRowsForRatio() && count.rowsRead() > 0
                    && (double) count.rejected() / count.rowsRead() > settings.maxRejectRatio()) {
                broken.add(String.format("%s: %d of %d rows rejected (%.1f%%, more than the allowed %.1f%%)",
                        count.fileName(), count.rejected(), count.rowsRead(),
                        100.0 * count.rejected() / count.rowsRead(), 100 * settings.maxRejectRatio()));
            }
        }
        if (!broken.isEmpty()) {
            throw new BrokenFeedException(String.join("; ", broken) + " - looks like a broken export; nothing of "
                    + runDate + " was kept");
        }
    }
}
