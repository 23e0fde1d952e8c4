package jp.refund.ingest;

import jp.refund.claim.EmittedTransfers;
import jp.refund.shared.KeySet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bank returns. A return must name a bank transfer emitted on an earlier night, with
 * that transfer's value date and amount, and a transfer is returned at most once.
 */
@Component
class BankReturnTable extends JdbcFeedTable<BankReturnRow> {

    private final EmittedTransfers emittedTransfers;

    BankReturnTable(JdbcTemplate jdbc, EmittedTransfers emittedTransfers) {
        super(jdbc, "bank_return", "return_id");
        this.emittedTransfers = emittedTransfers;
    }

    @Override
    public Feed feed() {
        return Feed.BANK_RETURNS;
    }

    @Override
    public BankReturnRow parse(RowFields fields) throws RowRejection {
        return BankReturnRow.parse(fields);
    }

    @Override
    public BookCheck<BankReturnRow> bookCheck(List<BankReturnRow> candidates, LocalDate runDate) {
        List<String> claims = candidates.stream().map(BankReturnRow::claimNo).distinct().toList();
        Map<String, EmittedTransfers.Transfer> transfers = emittedTransfers.emittedBefore(claims, runDate);
        Set<String> returned = new HashSet<>();
        if (!claims.isEmpty()) {
            jdbc.query("SELECT r.claim_no FROM " + KeySet.TEXT_KEYS + " JOIN bank_return r ON r.claim_no = k.id",
                    KeySet.text(claims).asFirstParameter(), rs -> {
                        returned.add(rs.getString(1));
                    });
        }
        return new BookCheck<>() {
            @Override
            public RowRejection check(BankReturnRow row) {
                EmittedTransfers.Transfer transfer = transfers.get(row.claimNo());
                if (transfer == null) {
                    return unmatched("claim_no", "no bank transfer was emitted for claim " + row.claimNo());
                }
                if (returned.contains(row.claimNo())) {
                    return unmatched("claim_no", "the transfer of claim " + row.claimNo() + " was already returned");
                }
                if (!transfer.valueDate().equals(row.valueDate())) {
                    return unmatched("value_date", "the transfer of claim " + row.claimNo() + " has value date "
                            + transfer.valueDate() + ", not " + row.valueDate());
                }
                if (transfer.amountYen() != row.amountYen()) {
                    return unmatched("amount_yen", "the transfer of claim " + row.claimNo() + " was "
                            + transfer.amountYen() + " yen, not " + row.amountYen());
                }
                return null;
            }

            @Override
            public void accepted(BankReturnRow row) {
                returned.add(row.claimNo());
            }
        };
    }

    private static RowRejection unmatched(String field, String message) {
        return new RowRejection(RejectReason.UNMATCHED_RETURN, field, message);
    }

    @Override
    protected String insertSql() {
        return "INSERT INTO bank_return (return_id, claim_no, value_date, amount_yen, reason, received_at,"
                + " content_hash, ingested_on, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected int bind(PreparedStatement ps, BankReturnRow r) throws SQLException {
        ps.setString(1, r.returnId());
        ps.setString(2, r.claimNo());
        ps.setObject(3, r.valueDate());
        ps.setLong(4, r.amountYen());
        ps.setString(5, r.reason());
        ps.setObject(6, r.receivedAt());
        return 7;
    }
}
