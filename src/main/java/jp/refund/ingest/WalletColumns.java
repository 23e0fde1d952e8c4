package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.AMOUNT;
import static jp.refund.ingest.ColumnRule.BOOL;
import static jp.refund.ingest.ColumnRule.IDENTIFIER;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.FeedColumn.column;

/**
 * closing_balances.csv, kept in {@code wallet}: a wallet's balance at 2019-09-30 24:00.
 * Refundable is balance minus disputed, so disputed may not exceed the balance.
 */
final class WalletColumns {

    static final FeedColumn<String> WALLET_ID = column("wallet_id", key(40));
    static final FeedColumn<String> MEMBER_ID = column("member_id", IDENTIFIER);
    static final FeedColumn<Long> BALANCE_YEN = column("balance_yen", AMOUNT);
    /** Money put in by an attacker: compensated separately, never refunded. */
    static final FeedColumn<Long> DISPUTED_YEN = column("disputed_yen", AMOUNT);
    /** On the incident's victim list. */
    static final FeedColumn<Boolean> COMPROMISED = column("compromised", BOOL);

    static final FeedLayout LAYOUT = FeedLayout.into("wallet")
            .key(WALLET_ID)
            .columns(MEMBER_ID, BALANCE_YEN, DISPUTED_YEN)
            .check(WalletColumns::disputedWithinBalance)
            .columns(COMPROMISED)
            .build();

    private WalletColumns() {
    }

    private static void disputedWithinBalance(FeedRow row, RowFields fields) throws RowRejection {
        long balance = row.get(BALANCE_YEN);
        long disputed = row.get(DISPUTED_YEN);
        if (disputed > balance) {
            throw new RowRejection(RejectReason.INVALID_FORMAT, DISPUTED_YEN.name(),
                    "disputed_yen " + disputed + " is more than balance_yen " + balance);
        }
    }
}
