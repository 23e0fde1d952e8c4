package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.digits;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.ColumnRule.oneOf;
import static jp.refund.ingest.FeedColumn.column;

import java.time.OffsetDateTime;
import jp.refund.claim.ReissueReason;

/**
 * certificate_reissues.csv (SPEC section 10), kept in {@code certificate_reissue}: support
 * asks for a new certificate, optionally to a new address — both postal code and address, or
 * neither (one without the other is a MISSING_FIELD of the other). Whether the claim can be
 * reissued is {@link ReissuableClaims}.
 */
final class CertificateReissueColumns {

    static final FeedColumn<String> REISSUE_ID = column("reissue_id", key(40));
    static final FeedColumn<String> CLAIM_NO = column("claim_no", digits(10));
    static final FeedColumn<OffsetDateTime> REQUESTED_AT = column("requested_at", TIMESTAMP);
    static final FeedColumn<ReissueReason> REASON = column("reason", oneOf(ReissueReason.class));
    static final FeedColumn<String> POSTAL_CODE = MemberColumns.POSTAL_CODE;
    static final FeedColumn<String> ADDRESS = MemberColumns.ADDRESS;

    static final FeedLayout LAYOUT = FeedLayout.into("certificate_reissue")
            .key(REISSUE_ID)
            .columns(CLAIM_NO, REQUESTED_AT, REASON)
            .columnsWhen((row, fields) -> fields.present(POSTAL_CODE.name()) || fields.present(ADDRESS.name()),
                    POSTAL_CODE, ADDRESS)
            .build();

    private CertificateReissueColumns() {
    }
}
