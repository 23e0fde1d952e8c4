package jp.refund.certificate;

import java.time.LocalDate;
import java.util.List;
import jp.refund.claim.ClaimLifecycle;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.ReissueReason;
import jp.refund.claim.ReissueRequest;
import jp.refund.kana.NameComparison;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * SPEC section 10, step 7 of a night: the night's accepted reissue requests, oldest
 * {@code requested_at} first. The old certificate becomes void; a new address that is not
 * the member's registered one (compared as the decisions compare addresses) sends the claim
 * to review with {@code MAILING_ADDRESS_CHANGED} — money must not follow an address someone
 * typed — otherwise it is approved again and the night's scheduling issues a new certificate.
 */
@Service
public class CertificateReissues {

    private static final Logger log = LoggerFactory.getLogger(CertificateReissues.class);

    private final JdbcTemplate jdbc;
    private final ClaimLifecycle lifecycle;

    CertificateReissues(JdbcTemplate jdbc, ClaimLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
    }

    private record Request(ReissueRequest request, String registeredPostalCode, String registeredAddress) {
    }

    public int apply(LocalDate runDate) {
        List<Request> requests = jdbc.query("SELECT r.reissue_id, r.claim_no, r.reason, r.postal_code, r.address,"
                        + " m.postal_code, m.address FROM certificate_reissue r JOIN claim c ON c.claim_no = r.claim_no"
                        + " LEFT JOIN member m ON m.member_id = c.member_id WHERE r.ingested_on = ?"
                        + " ORDER BY r.requested_at, r.reissue_id",
                (rs, i) -> new Request(new ReissueRequest(rs.getString(1), rs.getString(2),
                        ReissueReason.valueOf(rs.getString(3)), digits(rs.getString(4)), rs.getString(5)),
                        rs.getString(6), rs.getString(7)), runDate);
        int toReview = 0;
        for (Request r : requests) {
            if (lifecycle.reissueCertificate(runDate, r.request(), needsReview(r)) == ClaimStatus.PENDING_REVIEW) {
                toReview++;
            }
        }
        if (!requests.isEmpty()) {
            log.info("{} certificate(s) voided for reissue, {} of them to a new address waiting for review",
                    requests.size(), toReview);
        }
        return requests.size();
    }

    /** A new address counts as the registered one only when both postal code and address match it. */
    static boolean needsReview(Request r) {
        if (!r.request().newAddress()) {
            return false;
        }
        return r.registeredAddress() == null
                || !r.request().postalCode().equals(digits(r.registeredPostalCode()))
                || !NameComparison.same(r.request().address(), r.registeredAddress());
    }

    private static String digits(String postalCode) {
        return postalCode == null ? null : postalCode.replace("-", "");
    }

    /** The certificates voided on this night, for Japan Post Bank, by number. */
    public record VoidedCertificate(String certificateNo, String claimNo, LocalDate voidedOn, String reason) {
    }

    public List<VoidedCertificate> voidedOn(LocalDate runDate) {
        return jdbc.query("SELECT certificate_no, claim_no, voided_on, void_reason FROM certificate"
                        + " WHERE voided_on = ? ORDER BY certificate_no",
                (rs, i) -> new VoidedCertificate(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)), runDate);
    }

}
