package jp.refund.report;

/** One line of {@code reports/reconciliation.csv}. */
public record ReconciliationLine(String bucket, long wallets, long amountYen) {
}
