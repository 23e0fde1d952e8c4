package jp.refund.ingest;

/**
 * One line of {@code reports/ingest-summary.csv}: read = accepted + skipped + rejected; with the
 * physical lines those records spanned, all and rejected ones (a record spans several lines
 * when a quoted field holds a line break), kept in {@code ingest_count} for the record only:
 * the reject ratio counts rows ({@link IngestQualityGate}).
 */
public record FeedCount(Feed feed, String fileName, long rowsRead, long accepted, long skipped, long rejected,
                        long linesRead, long rejectedLines) {

    public boolean balances() {
        return rowsRead == accepted + skipped + rejected;
    }
}
