package jp.refund.ingest;

/**
 * A record after the shape checks: either a row with its content hash, or the reason it
 * was rejected; the source record stays attached for line number and raw text. Public
 * only as the item type of the ingest steps' parser and writer.
 */
public final class ParsedRow {

    private final FeedRecord source;
    private final FeedRow row;
    private final String contentHash;
    private final RowRejection rejection;

    private ParsedRow(FeedRecord source, FeedRow row, String contentHash, RowRejection rejection) {
        this.source = source;
        this.row = row;
        this.contentHash = contentHash;
        this.rejection = rejection;
    }

    static ParsedRow accepted(FeedRecord source, FeedRow row, String contentHash) {
        return new ParsedRow(source, row, contentHash, null);
    }

    static ParsedRow rejected(FeedRecord source, RowRejection rejection) {
        return new ParsedRow(source, null, null, rejection);
    }

    FeedRecord source() {
        return source;
    }

    /** Null when rejected. */
    FeedRow row() {
        return row;
    }

    String contentHash() {
        return contentHash;
    }

    /** Null when the shape checks passed. */
    RowRejection rejection() {
        return rejection;
    }
}
