package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.DATE;
import static jp.refund.ingest.ColumnRule.IDENTIFIER;
import static jp.refund.ingest.ColumnRule.KANA;
import static jp.refund.ingest.ColumnRule.OPTIONAL_TIMESTAMP;
import static jp.refund.ingest.ColumnRule.TEXT;
import static jp.refund.ingest.FeedColumn.column;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** members.csv, kept in {@code member}: one member of the shared ID registry. */
final class MemberColumns {

    static final FeedColumn<String> MEMBER_ID = column("member_id", IDENTIFIER);
    static final FeedColumn<String> FAMILY_NAME = column("family_name", TEXT);
    static final FeedColumn<String> GIVEN_NAME = column("given_name", TEXT);
    static final FeedColumn<String> FAMILY_NAME_KANA = column("family_name_kana", KANA);
    static final FeedColumn<String> GIVEN_NAME_KANA = column("given_name_kana", KANA);
    static final FeedColumn<LocalDate> BIRTH_DATE = column("birth_date", DATE);
    static final FeedColumn<String> EMAIL = column("email", TEXT);
    static final FeedColumn<String> PHONE = column("phone", ColumnRule.PHONE);
    static final FeedColumn<String> POSTAL_CODE = column("postal_code", ColumnRule.POSTAL_CODE);
    static final FeedColumn<String> ADDRESS = column("address", ColumnRule.LINES);
    /** Last change of e-mail or phone. */
    static final FeedColumn<OffsetDateTime> CONTACT_CHANGED_AT = column("contact_changed_at", OPTIONAL_TIMESTAMP);

    static final FeedLayout LAYOUT = FeedLayout.into("member")
            .key(MEMBER_ID)
            .columns(FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA, BIRTH_DATE, EMAIL, PHONE,
                    POSTAL_CODE, ADDRESS, CONTACT_CHANGED_AT)
            .build();

    private MemberColumns() {
    }
}
