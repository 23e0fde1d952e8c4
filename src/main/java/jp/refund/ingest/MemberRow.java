package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A member of the shared ID registry, as claim reads it from the member table.
 *
 * <p>Not ingest's model any more (ingest keeps rows through their declared columns,
 * {@code FeedLayout}): kept only while {@code claim} and {@code identity} import it,
 * until they have their own model; delete it then.
 */
public record MemberRow(String memberId, String familyName, String givenName, String familyNameKana,
                        String givenNameKana, LocalDate birthDate, String email, String phone,
                        String postalCode, String address, OffsetDateTime contactChangedAt) {
}
