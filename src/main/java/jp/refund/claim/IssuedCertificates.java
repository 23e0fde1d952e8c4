package jp.refund.claim;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The certificates issued before a night and the claims they belong to, as a redemption or
 * a reissue request is checked against them (SPEC section 10).
 */
@Component
public class IssuedCertificates {

    /** A certificate as printed, and where its claim stands now. */
    public record Issued(String certificateNo, String claimNo, long amountYen, LocalDate issueDate,
                         LocalDate validUntil, boolean voided, boolean redeemed, ClaimStatus claimStatus) {
    }

    /** A claim as a reissue request sees it: its payout method, status and current certificate. */
    public record ClaimCertificate(String claimNo, PayoutMethod payoutMethod, ClaimStatus status,
                                   String certificateNo) {
    }

    private final JdbcTemplate jdbc;

    IssuedCertificates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The issued certificates among these numbers, by number. */
    public Map<String, Issued> find(Collection<String> certificateNos) {
        Map<String, Issued> found = new HashMap<>();
        if (certificateNos.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT ce.certificate_no, ce.claim_no, ce.amount_yen, ce.valid_until, ce.voided_on,"
                        + " ce.redemption_id, c.status, ce.issue_date FROM " + KeySet.TEXT_KEYS
                        + " JOIN certificate ce ON ce.certificate_no = k.id JOIN claim c ON c.claim_no = ce.claim_no",
                KeySet.text(certificateNos).asFirstParameter(), rs -> {
                    found.put(rs.getString(1), new Issued(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getObject(8, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5) != null,
                            rs.getString(6) != null, ClaimStatus.valueOf(rs.getString(7))));
                });
        return found;
    }

    /** These claims (those that exist), by number. */
    public Map<String, ClaimCertificate> claims(Collection<String> claimNos) {
        Map<String, ClaimCertificate> found = new HashMap<>();
        if (claimNos.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT c.claim_no, c.payout_method, c.status, c.certificate_no FROM " + KeySet.TEXT_KEYS
                        + " JOIN claim c ON c.claim_no = k.id", KeySet.text(claimNos).asFirstParameter(), rs -> {
                    found.put(rs.getString(1), new ClaimCertificate(rs.getString(1),
                            PayoutMethod.valueOf(rs.getString(2)), ClaimStatus.valueOf(rs.getString(3)),
                            rs.getString(4)));
                });
        return found;
    }
}
