package jp.refund.certificate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.refund.shared.CsvOutput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Japan Post Bank must be told after a night (SPEC section 10), each file only when the
 * night has rows for it: {@code certificates/void-list.csv} (certificates replaced by a reissue:
 * not to be paid) and {@code reports/redemption-alerts.csv} (cashings the book refused: the
 * feed's columns plus the reason, in the feed's line order; every cell as received).
 */
@Component
public class CertificateReports {

    static final String[] VOID_LIST_HEADER = {"certificate_no", "claim_no", "voided_on", "reason"};
    static final String[] ALERT_HEADER = {"redemption_id", "certificate_no", "redeemed_at", "office_code",
            "amount_yen", "reason"};
    /** Since issue 38: every rejected redemption, its cells empty when the row had none to trust, and its raw line. */
    static final String[] ALERT_HEADER_RAW = {"redemption_id", "certificate_no", "redeemed_at", "office_code",
            "amount_yen", "reason", "raw_line"};

    private final JdbcTemplate jdbc;
    private final CertificateReissues reissues;

    CertificateReports(JdbcTemplate jdbc, CertificateReissues reissues) {
        this.jdbc = jdbc;
        this.reissues = reissues;
    }

    /** Returns how many files it wrote. */
    public int write(LocalDate runDate, Path nightFolder) {
        int files = 0;
        List<CertificateReissues.VoidedCertificate> voided = reissues.voidedOn(runDate);
        if (!voided.isEmpty()) {
            CsvOutput.write(nightFolder.resolve("certificates/void-list.csv"), VOID_LIST_HEADER, out -> voided.forEach(
                    v -> out.accept(new String[]{v.certificateNo(), v.claimNo(), v.voidedOn().toString(), v.reason()})));
            files++;
        }
        List<String[]> alerts = alerts(runDate);
        if (!alerts.isEmpty()) {
            // a night before issue 38 recorded no raw lines: its file keeps the columns it was written with
            boolean raw = alerts.stream().anyMatch(a -> a[6] != null);
            CsvOutput.write(nightFolder.resolve("reports/redemption-alerts.csv"), raw ? ALERT_HEADER_RAW : ALERT_HEADER,
                    out -> alerts.forEach(a -> out.accept(raw ? a : java.util.Arrays.copyOf(a, 6))));
            files++;
        }
        return files;
    }

    public List<String[]> alerts(LocalDate runDate) {
        return jdbc.query("SELECT redemption_id, certificate_no, redeemed_at, office_code, amount_yen, reason,"
                + " raw_line FROM redemption_alert WHERE run_date = ? ORDER BY line_number", (rs, i) -> new String[]{
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7)}, runDate);
    }
}
