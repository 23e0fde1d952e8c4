package jp.refund.claim;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bank transfers emitted before a night, as a bank return is checked against them
 * (a return must name a transfer, its value date and its amount).
 */
@Component
public class EmittedTransfers {

    /** A transfer the bank was sent: its value date and amount. */
    public record Transfer(LocalDate valueDate, long amountYen) {
    }

    private final JdbcTemplate jdbc;

    EmittedTransfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The transfers among these claims that were written to a bank file before {@code runDate}, by claim number. */
    public Map<String, Transfer> emittedBefore(Collection<String> claimNos, LocalDate runDate) {
        Map<String, Transfer> transfers = new HashMap<>();
        if (claimNos.isEmpty()) {
            return transfers;
        }
        KeySet keys = KeySet.text(claimNos);
        jdbc.query("SELECT c.claim_no, c.payout_date, c.amount_yen FROM " + KeySet.TEXT_KEYS
                        + " JOIN claim c ON c.claim_no = k.id WHERE c.payout_method = 'BANK' AND c.emitted_on < ?",
                ps -> {
                    keys.asFirstParameter().setValues(ps);
                    ps.setObject(2, runDate);
                }, rs -> {
                    transfers.put(rs.getString(1), new Transfer(rs.getObject(2, LocalDate.class), rs.getLong(3)));
                });
        return transfers;
    }
}
