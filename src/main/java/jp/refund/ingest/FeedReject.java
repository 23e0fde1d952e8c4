package jp.refund.ingest;

/** One line of {@code rejects/<feed>.csv}. */
public record FeedReject(int lineNumber, RejectReason reason, String field, String message, String raw) {

    static FeedReject of(FeedRecord record, RowRejection rejection) {
        return new FeedReject(record.lineNumber(), rejection.reason(), rejection.field(), rejection.getMessage(),
                record.raw());
    }
}
