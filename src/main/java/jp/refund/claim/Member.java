package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A member of the shared ID registry: who the money belongs to, and the only contact we trust. */
public record Member(String memberId, String familyName, String givenName, String familyNameKana,
                     String givenNameKana, LocalDate birthDate, String email, String phone, String postalCode,
                     String address, OffsetDateTime contactChangedAt) {
}
