package jp.refund.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.CsvOutput;
import jp.refund.shared.KeyRange;
import jp.refund.shared.OutputFile;
import jp.refund.shared.ParallelTasks;
import jp.refund.shared.ProgressMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The night's certificates: one PDF per POSTAL claim the night scheduled,
 * {@code certificates/<certificate_no>.pdf}, rendered on all cores, and
 * {@code certificates/mailing-list.csv} for the printer and the post office. A night
 * without certificates writes neither.
 *
 * <p>A resumed night renders only the certificates not on disk yet: each file is
 * renamed into place when complete, and the same certificate always has the same bytes.
 */
@Component
public class CertificateIssue {

    private static final Logger log = LoggerFactory.getLogger(CertificateIssue.class);
    /** The crash test's moment: a certificate's file is in place. */
    static final String WRITTEN = "certificate";
    static final String[] MAILING_LIST_HEADER = {"certificate_no", "claim_no", "postal_code", "address",
            "recipient_name", "amount_yen", "issue_date", "valid_until"};

    private final JdbcTemplate jdbc;
    private final CertificateRenderer renderer;
    private final int threads;
    private final CrashPoint crashPoint;

    CertificateIssue(JdbcTemplate jdbc, CertificateIssuer issuer,
                     @Value("${refund.certificate.threads:0}") int threads, CrashPoint crashPoint) {
        this.jdbc = jdbc;
        this.crashPoint = crashPoint;
        this.renderer = new CertificateRenderer(issuer);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public List<PayoutCertificate> certificates(LocalDate runDate) {
        // as printed that night: a later reissue changes the claim, never the certificate issued
        return jdbc.query("SELECT certificate_no, claim_no, recipient_name, postal_code, address, amount_yen,"
                        + " issue_date, valid_until FROM certificate WHERE issued_on = ? ORDER BY certificate_no",
                (rs, i) -> new PayoutCertificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)), runDate);
    }

    public int write(LocalDate runDate, Path nightFolder) {
        List<PayoutCertificate> certificates = certificates(runDate);
        if (certificates.isEmpty()) {
            log.info("no certificates tonight");
            return 0;
        }
        Path folder = nightFolder.resolve("certificates");
        ProgressMeter progress = render(certificates, folder, threads);
        CsvOutput.write(folder.resolve("mailing-list.csv"), MAILING_LIST_HEADER, out -> certificates.forEach(c ->
                out.accept(new String[]{c.certificateNo(), c.claimNo(), c.postalCodeWithHyphen(), c.address(),
                        c.recipientName(), String.valueOf(c.amountYen()), c.issueDate().toString(),
                        c.validUntil().toString()})));
        log.info("certificates: {} rendered in {} s on {} thread(s), issue date {}", certificates.size(),
                String.format("%.1f", progress.elapsedSeconds()), threads, certificates.get(0).issueDate());
        return certificates.size();
    }

    /**
     * The night's certificates cut into {@code partitions} ranges of certificate number of about
     * the same size (numbers are {@code P} and ten digits: the database's order is Java's).
     */
    public List<KeyRange> ranges(LocalDate runDate, int partitions) {
        List<String> numbers = jdbc.queryForList("SELECT certificate_no FROM certificate WHERE issued_on = ?"
                + " ORDER BY certificate_no", String.class, runDate);
        List<String> bounds = new ArrayList<>();
        for (long position : KeyRange.cutPositions(numbers.size(), partitions)) {
            bounds.add(position < 0 ? "" : numbers.get((int) position));
        }
        return KeyRange.cutAt(bounds);
    }

    /**
     * One partition of the night's certificates ({@code write-certificates} then finds them
     * on disk and writes the mailing list): those whose number is in {@code range}, rendered
     * on {@code threads} threads, each skipped when its file is in place. Returns how many.
     */
    public int render(LocalDate runDate, Path nightFolder, KeyRange range, int threads) {
        List<PayoutCertificate> certificates = certificates(runDate).stream()
                .filter(c -> range.contains(c.certificateNo())).toList();
        if (!certificates.isEmpty()) {
            render(certificates, nightFolder.resolve("certificates"), threads);
        }
        return certificates.size();
    }

    /** Renders each certificate not on disk yet, on {@code threads} threads. */
    private ProgressMeter render(List<PayoutCertificate> certificates, Path folder, int threads) {
        ProgressMeter progress = new ProgressMeter("certificates", "certificates");
        AtomicLong done = new AtomicLong();
        List<Callable<Void>> rendering = new ArrayList<>(certificates.size());
        for (PayoutCertificate c : certificates) {
            Path pdf = folder.resolve(c.certificateNo() + ".pdf");
            rendering.add(() -> {
                if (!Files.exists(pdf)) {
                    byte[] bytes = renderer.render(c);
                    OutputFile.write(pdf, out -> out.write(bytes));
                    crashPoint.reached(WRITTEN);
                }
                long n = done.incrementAndGet();
                synchronized (progress) {
                    progress.update(n, (double) n / certificates.size());
                }
                return null;
            });
        }
        ParallelTasks.run(threads, rendering, "rendering certificates");
        return progress;
    }
}
