package jp.refund.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.ingest.*}: when a feed counts as broken rather than unlucky, how many
 * rows are committed at a time, the largest amount a row may carry, and how far a quoted
 * field may run over line breaks before the file counts as broken (a record of more than
 * {@code max-record-lines} lines or {@code max-record-chars} characters).
 */
@ConfigurationProperties("refund.ingest")
record IngestSettings(@DefaultValue("0.05") double maxRejectRatio,
                             @DefaultValue("20") int minRowsForRatio,
                             @DefaultValue("1000") int chunkSize,
                             @DefaultValue("10000000") long maxBalanceYen,
                             @DefaultValue("" + MAX_RECORD_LINES) int maxRecordLines,
                             @DefaultValue("" + MAX_RECORD_CHARS) int maxRecordChars) {

    static final int MAX_RECORD_LINES = 20;
    static final int MAX_RECORD_CHARS = 20_000;
}
