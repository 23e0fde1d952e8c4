package jp.refund.claim;

import java.time.OffsetDateTime;

/** An accepted row of confirmations.csv: the applicant's answer about one claim. */
public record Confirmation(String confirmationId, String claimNo, OffsetDateTime answeredAt,
                           ConfirmationAnswer answer) {
}
