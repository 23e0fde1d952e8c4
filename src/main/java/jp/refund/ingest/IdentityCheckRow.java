package jp.refund.ingest;

import java.time.OffsetDateTime;

/**
 * The result of a staff review of identity documents, as claim reads it.
 *
 * <p>Not ingest's model any more (ingest keeps rows through their declared columns,
 * {@code FeedLayout}): kept only while {@code claim} and {@code identity} import it,
 * until they have their own model; delete it then.
 */
public record IdentityCheckRow(String checkId, String applicationId, OffsetDateTime checkedAt, String result,
                               String documentType, String reviewerId, String note) {
}
