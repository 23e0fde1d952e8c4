package jp.refund.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/** identity_checks.csv: the result of a staff review of identity documents. */
public record IdentityCheckRow(String checkId, String applicationId, OffsetDateTime checkedAt, String result,
                               String documentType, String reviewerId, String note) implements FeedRow {

    static final List<String> DOCUMENT_TYPES = List.of("DRIVERS_LICENSE", "MY_NUMBER_CARD", "PASSPORT",
            "HEALTH_INSURANCE", "RESIDENCE_CARD");

    static IdentityCheckRow parse(RowFields f) throws RowRejection {
        return new IdentityCheckRow(
                f.key("check_id", 40),
                f.identifier("application_id"),
                f.timestamp("checked_at"),
                f.oneOf("result", List.of("PASS", "FAIL")),
                f.oneOf("document_type", DOCUMENT_TYPES),
                f.key("reviewer_id", 40),
                f.optional("note"));
    }

    @Override
    public String key() {
        return checkId;
    }
}
