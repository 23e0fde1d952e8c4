package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** bank_returns.csv: a transfer the bank could not complete. */
public record BankReturnRow(String returnId, String claimNo, LocalDate valueDate, long amountYen, String reason,
                            OffsetDateTime receivedAt) implements FeedRow {

    static final List<String> REASONS = List.of("ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "HOLDER_NAME_MISMATCH",
            "OTHER");

    static BankReturnRow parse(RowFields f) throws RowRejection {
        return new BankReturnRow(
                f.key("return_id", 40),
                f.digits("claim_no", 10),
                f.date("value_date"),
                f.amount("amount_yen"),
                f.oneOf("reason", REASONS),
                f.timestamp("received_at"));
    }

    @Override
    public String key() {
        return returnId;
    }
}
