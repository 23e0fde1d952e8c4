package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.AMOUNT;
import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.digits;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.FeedColumn.column;

import java.time.OffsetDateTime;

/**
 * certificate_redemptions.csv (SPEC section 10), kept in {@code certificate_redemption}: Japan
 * Post Bank cashed a certificate at a counter. Whether it was the claim's current, valid,
 * unredeemed certificate for its amount is {@link CertificateRedemptionRule}.
 */
final class CertificateRedemptionColumns {

    static final FeedColumn<String> REDEMPTION_ID = column("redemption_id", key(40));
    /** Any printable text: a number that was never issued is UNKNOWN_CERTIFICATE, not a shape error. */
    static final FeedColumn<String> CERTIFICATE_NO = column("certificate_no", key(40));
    static final FeedColumn<OffsetDateTime> REDEEMED_AT = column("redeemed_at", TIMESTAMP);
    static final FeedColumn<String> OFFICE_CODE = column("office_code", digits(1, 10));
    static final FeedColumn<Long> AMOUNT_YEN = column("amount_yen", AMOUNT);

    static final FeedLayout LAYOUT = FeedLayout.into("certificate_redemption")
            .key(REDEMPTION_ID)
            .columns(CERTIFICATE_NO, REDEEMED_AT, OFFICE_CODE, AMOUNT_YEN)
            .build();

    private CertificateRedemptionColumns() {
    }
}
