package jp.refund.certificate;

import java.time.LocalDate;
import java.util.List;
import jp.refund.claim.CertificateRedemption;
import jp.refund.claim.ClaimLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * SPEC section 10, step 3 of a night: the certificates Japan Post Bank cashed (the night's
 * accepted redemptions, oldest {@code redeemed_at} first) make their claims PAID; then every
 * certificate whose valid-until + {@code refund.certificate.grace-days} is before the night
 * makes its claim EXPIRED (still owed: the member may ask for a reissue).
 */
@Service
public class CertificateRedemptions {

    private static final Logger log = LoggerFactory.getLogger(CertificateRedemptions.class);

    private final JdbcTemplate jdbc;
    private final ClaimLifecycle lifecycle;
    private final int graceDays;

    CertificateRedemptions(JdbcTemplate jdbc, ClaimLifecycle lifecycle,
                           @Value("${refund.certificate.grace-days:0}") int graceDays) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.graceDays = graceDays;
    }

    public int applyRedemptions(LocalDate runDate) {
        // ingest accepted only current, valid, unredeemed certificates for their amount, each once
        List<CertificateRedemption> redemptions = jdbc.query("SELECT r.redemption_id, r.certificate_no, ce.claim_no"
                        + " FROM certificate_redemption r JOIN certificate ce ON ce.certificate_no = r.certificate_no"
                        + " WHERE r.ingested_on = ? ORDER BY r.redeemed_at, r.redemption_id",
                (rs, i) -> new CertificateRedemption(rs.getString(1), rs.getString(2), rs.getString(3)), runDate);
        int paid = lifecycle.redeemCertificates(runDate, redemptions);
        if (paid > 0) {
            log.info("{} certificate(s) redeemed at Japan Post Bank", paid);
        }
        return paid;
    }

    /** The last day a certificate valid until {@code validUntil} may be cashed. */
    public LocalDate lastRedemptionDay(LocalDate validUntil) {
        return validUntil.plusDays(graceDays);
    }

    public int expire(LocalDate runDate) {
        // valid-until + grace before the run date: valid-until before the run date - grace
        int expired = lifecycle.expireCertificates(runDate, runDate.minusDays(graceDays));
        if (expired > 0) {
            log.info("{} certificate(s) expired unredeemed", expired);
        }
        return expired;
    }
}
