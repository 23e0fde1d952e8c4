package jp.refund.ingest;

import java.util.List;

/**
 * One CSV record of a feed file, as read: where it starts, its decoded fields in
 * file order, and its raw text for the rejects file. A record can span several
 * physical lines when a quoted field holds a line break.
 */
public record FeedRecord(FeedHeader header, int lineNumber, List<String> fields, String raw, boolean validEncoding,
                         boolean unterminatedQuote) {
}
