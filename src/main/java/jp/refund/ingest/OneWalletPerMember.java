package jp.refund.ingest;

import static jp.refund.ingest.WalletColumns.MEMBER_ID;
import static jp.refund.ingest.WalletColumns.WALLET_ID;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A member has at most one wallet; a wallet may name a member not yet known. */
@Component
class OneWalletPerMember implements BookRule {

    private final JdbcTemplate jdbc;

    OneWalletPerMember(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Map<String, String> walletOfMember = new HashMap<>();
        List<String> members = candidates.stream().map(row -> row.get(MEMBER_ID)).distinct().toList();
        if (!members.isEmpty()) {
            jdbc.query("SELECT w.member_id, w.wallet_id FROM " + KeySet.TEXT_KEYS + " JOIN wallet w ON w.member_id = k.id",
                    KeySet.text(members).asFirstParameter(), rs -> {
                        walletOfMember.put(rs.getString(1), rs.getString(2));
                    });
        }
        return new Check() {
            @Override
            public RowRejection check(FeedRow row) {
                String other = walletOfMember.get(row.get(MEMBER_ID));
                return other == null ? null : new RowRejection(RejectReason.CONFLICTING_DUPLICATE, MEMBER_ID.name(),
                        "member " + row.get(MEMBER_ID) + " already has wallet " + other);
            }

            @Override
            public void accepted(FeedRow row) {
                walletOfMember.put(row.get(MEMBER_ID), row.get(WALLET_ID));
            }
        };
    }
}
