package jp.refund.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
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

    BankReturnTable(JdbcTemplate jdbc) {
        super(jdbc, "bank_return", "return_id");
    }

    @Override
    public Feed feed() {
        return Feed.BANK_RETURNS;
    }

    @Override
    public BankReturnRow parse(RowFields fields) throws RowRejection {
        return BankReturnRow.parse(fields);
    }

    private record Transfer(LocalDate valueDate, long amountYen) {
    }

    @Override
    public BookCheck<BankReturnRow> bookCheck(List<BankReturnRow> candidates, LocalDate runDate) {
        List<String> claims = candidates.stream().map(BankReturnRow::claimNo).distinct().toList();
        Map<String, Transfer> transfers = new HashMap<>();
        Set<String> returned = new HashSet<>();
        if (!claims.isEmpty()) {
            named.query("SELECT claim_no, payout_date, amount_yen FROM claim WHERE claim_no IN (:claims)"
                            + " AND payout_method = 'BANK' AND emitted_on < :runDate",
                    Map.of("claims", claims, "runDate", runDate), rs -> {
                        transfers.put(rs.getString(1),
                                new Transfer(rs.getObject(2, LocalDate.class), rs.getLong(3)));
                    });
            named.query("SELECT claim_no FROM bank_return WHERE claim_no IN (:claims)", Map.of("claims", claims),
                    rs -> {
                        returned.add(rs.getString(1));
                    });
        }
        return new BookCheck<>() {
            @Override
            public RowRejection check(BankReturnRow row) {
                Transfer transfer = transfers.get(row.claimNo());
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
