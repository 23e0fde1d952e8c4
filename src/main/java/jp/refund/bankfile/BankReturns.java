package jp.refund.bankfile;

import java.time.LocalDate;
import java.util.List;
import jp.refund.claim.ClaimLifecycle;
import jp.refund.claim.TransferReturn;
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
    private final ClaimLifecycle lifecycle;

    BankReturns(JdbcTemplate jdbc, ClaimLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
    }

    public int apply(LocalDate runDate) {
        // ingest accepted only returns of emitted transfers, each once: every one names a SCHEDULED claim
        List<TransferReturn> returns = jdbc.query("SELECT claim_no, reason FROM bank_return WHERE ingested_on = ?"
                        + " ORDER BY received_at, return_id", (rs, i) -> new TransferReturn(rs.getString(1),
                rs.getString(2)), runDate);
        int returned = lifecycle.returnTransfers(runDate, returns);
        if (returned > 0) {
            log.info("{} transfer(s) returned by the bank", returned);
        }
        return returned;
    }
}
