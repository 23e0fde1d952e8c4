package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.AMOUNT;
import static jp.refund.ingest.ColumnRule.DATE;
import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.digits;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.ColumnRule.oneOf;
import static jp.refund.ingest.FeedColumn.column;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * bank_returns.csv, kept in {@code bank_return}: a transfer the bank could not complete.
 * It must match a transfer emitted on an earlier night ({@link EmittedTransferReturns}).
 */
final class BankReturnColumns {

    static final FeedColumn<String> RETURN_ID = column("return_id", key(40));
    static final FeedColumn<String> CLAIM_NO = column("claim_no", digits(10));
    static final FeedColumn<LocalDate> VALUE_DATE = column("value_date", DATE);
    static final FeedColumn<Long> AMOUNT_YEN = column("amount_yen", AMOUNT);
    static final FeedColumn<String> REASON = column("reason",
            oneOf("ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "HOLDER_NAME_MISMATCH", "OTHER"));
    static final FeedColumn<OffsetDateTime> RECEIVED_AT = column("received_at", TIMESTAMP);

    static final FeedLayout LAYOUT = FeedLayout.into("bank_return")
            .key(RETURN_ID)
            .columns(CLAIM_NO, VALUE_DATE, AMOUNT_YEN, REASON, RECEIVED_AT)
            .build();

    private BankReturnColumns() {
    }
}
