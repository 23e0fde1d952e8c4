package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.IDENTIFIER;
import static jp.refund.ingest.ColumnRule.OPTIONAL;
import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.key;
import static jp.refund.ingest.ColumnRule.oneOf;
import static jp.refund.ingest.FeedColumn.column;

import java.time.OffsetDateTime;

/**
 * identity_checks.csv, kept in {@code identity_check}: the result of a staff review of
 * identity documents. The application it names must have been delivered
 * ({@link KnownApplications}).
 */
final class IdentityCheckColumns {

    static final FeedColumn<String> CHECK_ID = column("check_id", key(40));
    static final FeedColumn<String> APPLICATION_ID = column("application_id", IDENTIFIER);
    static final FeedColumn<OffsetDateTime> CHECKED_AT = column("checked_at", TIMESTAMP);
    static final FeedColumn<String> RESULT = column("result", oneOf("PASS", "FAIL"));
    static final FeedColumn<String> DOCUMENT_TYPE = column("document_type",
            oneOf("DRIVERS_LICENSE", "MY_NUMBER_CARD", "PASSPORT", "HEALTH_INSURANCE", "RESIDENCE_CARD"));
    static final FeedColumn<String> REVIEWER_ID = column("reviewer_id", key(40));
    static final FeedColumn<String> NOTE = column("note", OPTIONAL);

    static final FeedLayout LAYOUT = FeedLayout.into("identity_check")
            .key(CHECK_ID)
            .columns(APPLICATION_ID, CHECKED_AT, RESULT, DOCUMENT_TYPE, REVIEWER_ID, NOTE)
            .build();

    private IdentityCheckColumns() {
    }
}
