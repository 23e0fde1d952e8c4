package jp.refund.ingest;

import jp.refund.shared.KeySet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Closing balances. A member has at most one wallet; a wallet may name a member not yet known. */
@Component
class WalletTable extends JdbcFeedTable<WalletRow> {

    WalletTable(JdbcTemplate jdbc) {
        super(jdbc, "wallet", "wallet_id");
    }

    @Override
    public Feed feed() {
        return Feed.CLOSING_BALANCES;
    }

    @Override
    public WalletRow parse(RowFields fields) throws RowRejection {
        return WalletRow.parse(fields);
    }

    @Override
    public BookCheck<WalletRow> bookCheck(List<WalletRow> candidates, LocalDate runDate) {
        Map<String, String> walletOfMember = new HashMap<>();
        List<String> members = candidates.stream().map(WalletRow::memberId).distinct().toList();
        if (!members.isEmpty()) {
            jdbc.query("SELECT w.member_id, w.wallet_id FROM " + KeySet.TEXT_KEYS + " JOIN wallet w ON w.member_id = k.id",
                    KeySet.text(members).asFirstParameter(), rs -> {
                        walletOfMember.put(rs.getString(1), rs.getString(2));
                    });
        }
        return new BookCheck<>() {
            @Override
            public RowRejection check(WalletRow row) {
                String other = walletOfMember.get(row.memberId());
                return other == null ? null : new RowRejection(RejectReason.CONFLICTING_DUPLICATE, "member_id",
                        "member " + row.memberId() + " already has wallet " + other);
            }

            @Override
            public void accepted(WalletRow row) {
                walletOfMember.put(row.memberId(), row.walletId());
            }
        };
    }

    @Override
    protected String insertSql() {
        return "INSERT INTO wallet (wallet_id, member_id, balance_yen, disputed_yen, compromised,"
                + " content_hash, ingested_on, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected int bind(PreparedStatement ps, WalletRow w) throws SQLException {
        ps.setString(1, w.walletId());
        ps.setString(2, w.memberId());
        ps.setLong(3, w.balanceYen());
        ps.setLong(4, w.disputedYen());
        ps.setBoolean(5, w.compromised());
        return 6;
    }
}
