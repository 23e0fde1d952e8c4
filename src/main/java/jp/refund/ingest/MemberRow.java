package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** members.csv: one member of the shared ID registry. */
public record MemberRow(String memberId, String familyName, String givenName, String familyNameKana,
                        String givenNameKana, LocalDate birthDate, String email, String phone,
                        String postalCode, String address, OffsetDateTime contactChangedAt) implements FeedRow {

    static MemberRow parse(RowFields f) throws RowRejection {
        return new MemberRow(
                f.identifier("member_id"),
                f.required("family_name"),
                f.required("given_name"),
                f.kana("family_name_kana"),
                f.kana("given_name_kana"),
                f.date("birth_date"),
                f.required("email"),
                f.phone("phone"),
                f.postalCode("postal_code"),
                f.required("address"),
                f.optionalTimestamp("contact_changed_at"));
    }

    @Override
    public String key() {
        return memberId;
    }
}
