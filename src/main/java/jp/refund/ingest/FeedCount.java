package jp.refund.ingest;

/** One line of {@code reports/ingest-summary.csv}: read = accepted + skipped + rejected. */
public record FeedCount(Feed feed, String fileName, long rowsRead, long accepted, long skipped, long rejected) {

    public boolean balances() {
        return rowsRead == accepted + skipped + rejected;
    }
}
