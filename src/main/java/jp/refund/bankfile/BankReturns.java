package jp.refund.bankfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.refund.claim.ClaimBook;
import jp.refund.claim.ClaimEvent;
import jp.refund.claim.ClaimStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies the transfers the bank sent back (the night's accepted bank returns, oldest
 * first): the claim becomes RETURNED with the return's reason. Its money is refundable
 * again, and as a RETURNED claim is not live, the member may apply anew.
 */
@Service
public class BankReturns {

    private static final Logger log = LoggerFactory.getLogger(BankReturns.class);

    private final JdbcTemplate jdbc;
    private final ClaimBook claims;

    BankReturns(JdbcTemplate jdbc, ClaimBook claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    public int apply(LocalDate runDate) {
        List<ClaimEvent> events = new ArrayList<>();
        int seq = claims.lastEventSeq(runDate);
        List<Object[]> returns = jdbc.query("SELECT r.claim_no, r.reason, c.application_id, c.channel, c.member_id,"
                + " c.amount_yen, c.payout_date, c.reference FROM bank_return r JOIN claim c ON c.claim_no = r.claim_no"
                + " WHERE r.ingested_on = ? AND c.status = 'SCHEDULED' ORDER BY r.received_at, r.return_id",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getString(8)},
                runDate);
        for (Object[] r : returns) {
            jdbc.update("UPDATE claim SET status = 'RETURNED', reasons = ?, status_since = ? WHERE claim_no = ?",
                    r[1], runDate, r[0]);
            events.add(new ClaimEvent(runDate, ++seq, (String) r[0], (String) r[2], (String) r[3], (String) r[4],
                    ClaimStatus.RETURNED, (String) r[1], (Long) r[5], "BANK", (LocalDate) r[6], (String) r[7]));
        }
        claims.insertEvents(events);
        if (!events.isEmpty()) {
            log.info("{} transfer(s) returned by the bank", events.size());
        }
        return events.size();
    }
}
