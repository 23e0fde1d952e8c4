package jp.refund.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed with more rejected rows than {@code refund.ingest.max-reject-ratio} is a broken
 * export, not bad luck: the night stops. Small files (under
 * {@code refund.ingest.min-rows-for-ratio} rows) are exempt. Rows and physical lines are
 * both counted: a damaged quote can hide hundreds of lines in one rejected row, and the
 * file is as broken as if each line had been rejected.
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
        for (FeedCount given : counts) {
            long notCounted = bookState.applyAsLong(given);
            // a book-state reject is one row; its lines are not told apart, so one line each is taken off
            FeedCount count = new FeedCount(given.feed(), given.fileName(), given.rowsRead(), given.accepted(),
                    given.skipped(), given.rejected() - notCounted, given.linesRead(),
                    Math.max(0, given.rejectedLines() - notCounted));
            if (!given.balances()) {
                throw new IllegalStateException(count.feed().id() + ": rows read " + count.rowsRead()
                        + " != accepted + skipped + rejected");
            }
            if (tooMany(count.rejected(), count.rowsRead())) {
                broken.add(String.format("%s: %d of %d rows rejected (%.1f%%, more than the allowed %.1f%%)",
                        count.fileName(), count.rejected(), count.rowsRead(),
                        100.0 * count.rejected() / count.rowsRead(), 100 * settings.maxRejectRatio()));
            } else if (tooMany(count.rejectedLines(), count.linesRead())) {
                broken.add(String.format("%s: %d of %d rows rejected, but they span %d of its %d lines (%.1f%%, more"
                                + " than the allowed %.1f%%)", count.fileName(), count.rejected(), count.rowsRead(),
                        count.rejectedLines(), count.linesRead(), 100.0 * count.rejectedLines() / count.linesRead(),
                        100 * settings.maxRejectRatio()));
            }
        }
        if (!broken.isEmpty()) {
            throw new BrokenFeedException(String.join("; ", broken) + " - looks like a broken export; nothing of "
                    + runDate + " was kept");
        }
    }
}
