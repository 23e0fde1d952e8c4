package jp.refund.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.ingest.*}: when a feed counts as broken rather than unlucky, how many
 * rows are committed at a time, and the largest amount a row may carry.
 */
@ConfigurationProperties("refund.ingest")
record IngestSettings(@DefaultValue("0.05") double maxRejectRatio,
                             @DefaultValue("20") int minRowsForRatio,
                             @DefaultValue("1000") int chunkSize,
                             @DefaultValue("10000000") long maxBalanceYen) {
}
