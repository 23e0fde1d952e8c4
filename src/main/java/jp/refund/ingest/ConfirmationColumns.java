package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.digits;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.ColumnRule.oneOf;
import static jp.refund.ingest.FeedColumn.column;

import java.time.OffsetDateTime;
import jp.refund.claim.ConfirmationAnswer;

/**
 * confirmations.csv (SPEC section 9, from the app and web systems), kept in
 * {@code confirmation}: the applicant's answer to the balance notice. The claim must exist
 * ({@link KnownClaims}); what the answer does is decided when it is applied, after the
 * night's identity checks.
 */
final class ConfirmationColumns {

    static final FeedColumn<String> CONFIRMATION_ID = column("confirmation_id", key(40));
    static final FeedColumn<String> CLAIM_NO = column("claim_no", digits(10));
    static final FeedColumn<OffsetDateTime> ANSWERED_AT = column("answered_at", TIMESTAMP);
    static final FeedColumn<ConfirmationAnswer> ANSWER = column("answer", oneOf(ConfirmationAnswer.class));

    static final FeedLayout LAYOUT = FeedLayout.into("confirmation")
            .key(CONFIRMATION_ID)
            .columns(CLAIM_NO, ANSWERED_AT, ANSWER)
            .build();

    private ConfirmationColumns() {
    }
}
