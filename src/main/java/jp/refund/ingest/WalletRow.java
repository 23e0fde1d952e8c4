package jp.refund.ingest;

/**
 * A wallet's balance at 2019-09-30 24:00, as claim reads it from the wallet table.
 *
 * <p>Not ingest's model any more (ingest keeps rows through their declared columns,
 * {@code FeedLayout}): kept only while {@code claim} and {@code identity} import it,
 * until they have their own model; delete it then.
 */
public record WalletRow(String walletId, String memberId, long balanceYen, long disputedYen, boolean compromised) {
}
