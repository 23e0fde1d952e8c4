package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.date;
import static jp.refund.ingest.ColumnRule.identifier;
import static jp.refund.ingest.ColumnRule.kana;
import static jp.refund.ingest.ColumnRule.optionalTimestamp;
import static jp.refund.ingest.ColumnRule.phone;
import static jp.refund.ingest.ColumnRule.postalCode;
import static jp.refund.ingest.ColumnRule.required;
import static jp.refund.ingest.FeedColumn.column;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** members.csv, kept in {@code member}: one member of the shared ID registry. */
final class MemberColumns {

    static final FeedColumn<String> MEMBER_ID = column("member_id", identifier());
    static final FeedColumn<String> FAMILY_NAME = column("family_name", required());
    static final FeedColumn<String> GIVEN_NAME = column("given_name", required());
    static final FeedColumn<String> FAMILY_NAME_KANA = column("family_name_kana", kana());
    static final FeedColumn<String> GIVEN_NAME_KANA = column("given_name_kana", kana());
    static final FeedColumn<LocalDate> BIRTH_DATE = column("birth_date", date());
    static final FeedColumn<String> EMAIL = column("email", required());
    static final FeedColumn<String> PHONE = column("phone", phone());
    static final FeedColumn<String> POSTAL_CODE = column("postal_code", postalCode());
    static final FeedColumn<String> ADDRESS = column("address", required());
    /** Last change of e-mail or phone. */
    static final FeedColumn<OffsetDateTime> CONTACT_CHANGED_AT = column("contact_changed_at", optionalTimestamp());

    static final FeedLayout LAYOUT = FeedLayout.into("member")
            .key(MEMBER_ID)
            .columns(FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA, BIRTH_DATE, EMAIL, PHONE,
                    POSTAL_CODE, ADDRESS, CONTACT_CHANGED_AT)
            .build();

    private MemberColumns() {
    }
}
