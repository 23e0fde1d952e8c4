package jp.refund.claim;

import java.time.OffsetDateTime;

/** A staff review of a web applicant's identity documents: PASS approves a claim pending review, FAIL rejects it. */
public record IdentityCheck(String checkId, String applicationId, OffsetDateTime checkedAt, boolean passed) {
}
