package jp.refund.report;

/**
 * A file of a night's output folder as the auditors see it: what it is, how many
 * records it holds, how many yen they add up to (where money is counted), its SHA-256.
 */
public record NightFile(String path, String kind, long records, Long totalYen, String sha256) {
}
