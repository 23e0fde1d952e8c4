package jp.refund.ingest;

/**
 * A record after the shape checks: either a typed row with its content hash, or the
 * reason it was rejected. The source record stays attached for line number and raw text.
 */
public record ParsedRow<R extends FeedRow>(FeedRecord source, R row, String contentHash, RowRejection rejection) {

    static <R extends FeedRow> ParsedRow<R> accepted(FeedRecord source, R row, String contentHash) {
        return new ParsedRow<>(source, row, contentHash, null);
    }

    static <R extends FeedRow> ParsedRow<R> rejected(FeedRecord source, RowRejection rejection) {
        return new ParsedRow<>(source, null, null, rejection);
    }
}
