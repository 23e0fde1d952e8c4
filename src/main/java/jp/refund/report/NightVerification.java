package jp.refund.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.refund.bankfile.BankFileWriter;
import jp.refund.bankfile.OriginatorSettings;
import jp.refund.bankfile.ZenginFile;
import jp.refund.bankfile.ZenginFormatException;
import jp.refund.certificate.CertificateIssue;
import jp.refund.certificate.CertificateReports;
import jp.refund.certificate.CertificateRenderer;
import jp.refund.certificate.PayoutCertificate;
import jp.refund.claim.ClaimReports;
import jp.refund.ingest.IngestReports;
import jp.refund.notice.NightNotices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code verify --date=D}: re-reads {@code output/<D>/} and reports every difference —
 * files against the manifest, each bank file against its own trailer and against the
 * database, certificates against the mailing list (and the mailing list against the
 * database), the reconciliation's arithmetic, and the night's event, ingest and reject
 * files against the database. Bank file headers are checked against the settings the night
 * recorded ({@code reports/night-settings.csv}), never against today's. An {@code ok} line means
 * that its check held: a check that found any difference prints only its differences.
 */
@Service
public class NightVerification {

    /** What verify found. */
    public record Outcome(List<String> differences, List<String> checked) {
        public boolean ok() {
            return differences.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final BankFileWriter bankFiles;
    private final CertificateIssue certificates;
    private final IngestReports ingestReports;
    private final ClaimReports claimReports;
    private final Reconciliation reconciliation;
    private final NightNotices notices;
    private final CertificateReports certificateReports;
    /** Today's originator: only for nights that recorded no settings. */
    private final OriginatorSettings originator;

    /**
     * The originator a night's bank file header is checked against (none: not compared), and where
     * it came from; and every setting the night recorded (empty for a night that recorded none),
     * which the derivations of verify use instead of today's (issue 37).
     */
    private record HeaderSettings(Optional<OriginatorSettings> originator, String note, Map<String, String> recorded) {
    }

    NightVerification(JdbcTemplate jdbc, BankFileWriter bankFiles, CertificateIssue certificates,
                      IngestReports ingestReports, ClaimReports claimReports, Reconciliation reconciliation,
                      OriginatorSettings originator, NightNotices notices, CertificateReports certificateReports) {
        this.originator = originator;
        this.notices = notices;
        this.certificateReports = certificateReports;
        this.jdbc = jdbc;
        this.bankFiles = bankFiles;
        this.certificates = certificates;
        this.ingestReports = ingestReports;
        this.claimReports = claimReports;
        this.reconciliation = reconciliation;
    }

    public Outcome verify(LocalDate runDate, Path outputRoot) {
        Path folder = outputRoot.resolve(runDate.toString());
        List<String> diffs = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            diffs.add(folder + ": no such folder");
            return new Outcome(diffs, checked);
        }
        Integer completed = jdbc.queryForObject("SELECT COUNT(*) FROM night WHERE run_date = ?", Integer.class, runDate);
        if (completed == null || completed == 0) {
            diffs.add(runDate + ": the database has no completed night of this date");
        }
        manifest(folder, diffs, checked);
        HeaderSettings originator = settings(folder, diffs, checked);
        bankFile(runDate, folder, originator, diffs, checked);
        certificates(runDate, folder, diffs, checked);
        reconciliation(runDate, folder, diffs, checked);
        regenerated(runDate, folder, diffs, checked);
        notices(runDate, folder, originator.recorded(), diffs, checked);
        return new Outcome(diffs, checked);
    }

    /**
     * The settings the night recorded ({@code reports/night-settings.csv}): well-formed, sorted,
     * no secret, and {@code refund.originator.*} as a valid originator, which the bank file's
     * header is checked against. A night written before settings were recorded (its manifest does
     * not list the file) is checked against today's originator; empty when the recorded settings
     * cannot be used, and then the header is not compared.
     */
    private HeaderSettings settings(Path folder, List<String> diffs, List<String> checked) {
        Path file = folder.resolve(NightSettings.FILE);
        if (!Files.exists(file)) {
            if (listedInManifest(folder, NightSettings.FILE)) {
                // the manifest check names the missing file
                return new HeaderSettings(Optional.empty(), " (header not checked: the night's settings are missing)",
                        Map.of());
            }
            return new HeaderSettings(Optional.of(originator),
                    " (the night recorded no settings: header against today's refund.originator.*)", Map.of());
        }
        int before = diffs.size();
        Map<String, String> recorded = new java.util.LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(String.join(",", NightSettings.HEADER))) {
                diffs.add(NightSettings.FILE + ": the header is not 'property,value'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String previous = "";
        for (String[] row : NightFiles.csvRows(file)) {
            if (row.length != 2) {
                diffs.add(NightSettings.FILE + ": a line of " + row.length + " field(s)");
                continue;
            }
            if (row[0].compareTo(previous) <= 0) {
                diffs.add(NightSettings.FILE + ": " + row[0] + " is out of order or repeated");
            }
            if (!NightSettings.recordable(row[0])) {
                diffs.add(NightSettings.FILE + ": " + row[0] + " is not a setting to record (a secret or not the night's)");
            }
            previous = row[0];
            recorded.put(row[0], row[1]);
        }
        Optional<OriginatorSettings> nights;
        try {
            nights = new Binder(new MapConfigurationPropertySource(recorded))
                    .bind("refund.originator", OriginatorSettings.class).map(Optional::of).orElse(Optional.empty());
            if (nights.isEmpty()) {
                diffs.add(NightSettings.FILE + ": no refund.originator.* settings");
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            diffs.add(NightSettings.FILE + ": refund.originator.* is not a valid originator (" + cause.getMessage() + ")");
            nights = Optional.empty();
        }
        if (diffs.size() == before) {
            checked.add("night settings: " + recorded.size() + " setting(s) recorded; the bank file is checked"
                    + " against the night's refund.originator.*");
        }
        return new HeaderSettings(nights, nights.isPresent() ? ""
                : " (header not checked: the night's settings are not usable)", recorded);
    }

    private static boolean listedInManifest(Path folder, String file) {
        Path manifest = folder.resolve(NightOutputFolder.MANIFEST);
        try {
            return Files.exists(manifest) && Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> line.endsWith("  " + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void manifest(Path folder, List<String> diffs, List<String> checked) {
        int before = diffs.size();
        Path manifest = folder.resolve(NightOutputFolder.MANIFEST);
        if (!Files.exists(manifest)) {
            diffs.add(NightOutputFolder.MANIFEST + ": missing");
            return;
        }
        Map<String, String> listed = new HashMap<>();
        try {
            int line = 0;
            for (String entry : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                line++;
                if (!entry.matches("[0-9a-f]{64}  .+")) {
                    diffs.add(NightOutputFolder.MANIFEST + " line " + line + ": not '<sha256>  <file>'");
                    continue;
                }
                listed.put(entry.substring(66), entry.substring(0, 64));
            }
            Set<String> present = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).map(p -> NightFiles.relative(folder, p))
                        .filter(p -> !p.equals(NightOutputFolder.MANIFEST)).forEach(present::add);
            }
            for (String file : new TreeSet<>(listed.keySet())) {
                Path path = folder.resolve(file);
                if (!Files.exists(path)) {
                    diffs.add(file + ": listed in the manifest but missing");
                } else if (!NightOutputFolder.sha256(path).equals(listed.get(file))) {
                    diffs.add(file + ": SHA-256 differs from the manifest (the file was changed)");
                }
            }
            for (String file : present) {
                if (!listed.containsKey(file)) {
                    diffs.add(file + ": not in the manifest (the file was added)");
                }
            }
            if (diffs.size() == before) {
                checked.add("manifest: " + listed.size() + " file(s), every one as listed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bankFile(LocalDate runDate, Path folder, HeaderSettings settings, List<String> diffs,
                          List<String> checked) {
        // the records from the database, the header from the night's settings (today's only when it recorded none)
        Optional<OriginatorSettings> originator = settings.originator();
        Optional<BankFileWriter.NightBankFile> expected;
        try {
            expected = bankFiles.file(runDate, originator.orElse(this.originator));
        } catch (IllegalStateException e) { // e.g. the recorded originator's branch is not in today's bank master
            diffs.add("bank: the night's bank file cannot be made again from the database: " + e.getMessage());
            return;
        }
        List<Path> files = list(folder.resolve("bank"), ".txt");
        if (expected.isEmpty() && files.isEmpty()) {
            checked.add("bank file: none, and the database has no transfer of this night");
            return;
        }
        if (expected.isPresent() && files.stream().noneMatch(f -> f.getFileName().toString()
                .equals(expected.get().fileName()))) {
            diffs.add("bank/" + expected.get().fileName() + ": missing; the database has "
                    + expected.get().file().trailer().count() + " transfer(s) of this night");
        }
        for (Path file : files) {
            String name = "bank/" + file.getFileName();
            int before = diffs.size();
            ZenginFile actual;
            try {
                actual = ZenginFile.parse(Files.readAllBytes(file));
            } catch (ZenginFormatException e) {
                diffs.add(name + ": " + e.getMessage());
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (expected.isEmpty() || !expected.get().fileName().equals(file.getFileName().toString())) {
                diffs.add(name + ": the database has no transfers for this file");
                continue;
            }
            ZenginFile db = expected.get().file();
            if (originator.isPresent() && !db.header().equals(actual.header())) {
                diffs.add(name + ": header differs from the night's settings (" + NightSettings.FILE + ")"
                        + " and value date");
            }
            int n = Math.max(db.transfers().size(), actual.transfers().size());
            for (int i = 0; i < n; i++) {
                var a = i < actual.transfers().size() ? actual.transfers().get(i) : null;
                var d = i < db.transfers().size() ? db.transfers().get(i) : null;
                if (a == null || d == null) {
                    diffs.add(name + " data record " + (i + 1) + ": file has "
                            + (a == null ? "nothing" : "claim " + a.customerCode1() + " " + a.amountYen() + " yen")
                            + ", database has "
                            + (d == null ? "nothing" : "claim " + d.customerCode1() + " " + d.amountYen() + " yen"));
                } else if (!a.equals(d)) {
                    diffs.add(name + " data record " + (i + 1) + " (record " + (i + 2) + " of the file): file vs database: "
                            + String.join("; ", a.differences(d)));
                }
            }
            if (diffs.size() == before) {
                checked.add(name + ": " + actual.trailer().count() + " transfer(s), " + actual.trailer().totalYen()
                        + " yen, trailer and database agree" + settings.note());
            }
        }
    }

    private void certificates(LocalDate runDate, Path folder, List<String> diffs, List<String> checked) {
        int before = diffs.size();
        List<PayoutCertificate> expected = certificates.certificates(runDate);
        Path list = folder.resolve("certificates/mailing-list.csv");
        List<Path> pdfs = list(folder.resolve("certificates"), ".pdf");
        if (expected.isEmpty() && pdfs.isEmpty() && !Files.exists(list)) {
            checked.add("certificates: none, and the database has none of this night");
            return;
        }
        if (!Files.exists(list)) {
            diffs.add("certificates/mailing-list.csv: missing");
            return;
        }
        Map<String, String[]> rows = new HashMap<>();
        for (String[] row : NightFiles.csvRows(list)) {
            rows.put(row[0], row);
        }
        Map<String, PayoutCertificate> db = new HashMap<>();
        expected.forEach(c -> db.put(c.certificateNo(), c));
        for (String no : new TreeSet<>(db.keySet())) {
            PayoutCertificate c = db.get(no);
            String[] row = rows.get(no);
            if (row == null) {
                diffs.add("certificates/mailing-list.csv: certificate " + no + " of the database is not listed");
            } else if (!List.of(row).equals(List.of(c.certificateNo(), c.claimNo(), c.postalCodeWithHyphen(),
                    c.address(), c.recipientName(), String.valueOf(c.amountYen()), c.issueDate().toString(),
                    c.validUntil().toString()))) {
                diffs.add("certificates/mailing-list.csv: certificate " + no + " differs from the database");
            }
        }
        for (String no : new TreeSet<>(rows.keySet())) {
            if (!db.containsKey(no)) {
                diffs.add("certificates/mailing-list.csv: certificate " + no + " is not in the database");
            }
        }
        Set<String> pdfNumbers = new TreeSet<>();
        for (Path pdf : pdfs) {
            String no = pdf.getFileName().toString().replace(".pdf", "");
            pdfNumbers.add(no);
            String[] row = rows.get(no);
            if (row == null) {
                diffs.add("certificates/" + pdf.getFileName() + ": not on the mailing list");
                continue;
            }
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                long yen = Long.parseLong(row[5]);
                String amount = java.text.NumberFormat.getIntegerInstance(java.util.Locale.JAPAN).format(yen);
                // ※金8,000円也※ since certificates protect the amount; 金 8,000 円 on those printed before
                boolean showsAmount = text.contains(CertificateRenderer.amountAsPrinted(yen))
                        || text.contains("金 " + amount + " 円");
                if (!text.contains(no) || !showsAmount) {
                    diffs.add("certificates/" + pdf.getFileName() + ": does not show its number and amount "
                            + amount + " yen");
                }
            } catch (IOException e) {
                diffs.add("certificates/" + pdf.getFileName() + ": not a readable PDF (" + e.getMessage() + ")");
            }
        }
        for (String no : new TreeSet<>(rows.keySet())) {
            if (!pdfNumbers.contains(no)) {
                diffs.add("certificates/" + no + ".pdf: on the mailing list but missing");
            }
        }
        if (diffs.size() == before) {
            checked.add("certificates: " + pdfs.size() + " PDF(s) against " + rows.size() + " mailing-list row(s) and "
                    + db.size() + " in the database");
        }
    }

    private void reconciliation(LocalDate runDate, Path folder, List<String> diffs, List<String> checked) {
        int before = diffs.size();
        Path file = folder.resolve("reports/reconciliation.csv");
        if (!Files.exists(file)) {
            diffs.add("reports/reconciliation.csv: missing");
            return;
        }
        Map<String, long[]> lines = new HashMap<>();
        for (String[] row : NightFiles.csvRows(file)) {
            lines.put(row[0], new long[]{Long.parseLong(row[1]), Long.parseLong(row[2])});
        }
        List<String> buckets = List.of("CLOSING_TOTAL", "DISPUTED", "EMITTED_BANK", "ISSUED_CERTIFICATE",
                "APPROVED_UNSCHEDULED", "PENDING_REVIEW", "UNCLAIMED", "DIFFERENCE");
        for (String bucket : buckets) {
            if (!lines.containsKey(bucket)) {
                diffs.add("reports/reconciliation.csv: no " + bucket + " line");
                return;
            }
        }
        // every line between DISPUTED and DIFFERENCE is a bucket: a night written before a bucket
        // existed (REDEEMED_CERTIFICATE, EXPIRED_CERTIFICATE of SPEC section 10) still adds up
        long held = 0;
        for (Map.Entry<String, long[]> line : lines.entrySet()) {
            if (!List.of("CLOSING_TOTAL", "DISPUTED", "DIFFERENCE").contains(line.getKey())) {
                held += line.getValue()[1];
            }
        }
        long difference = lines.get("CLOSING_TOTAL")[1] - lines.get("DISPUTED")[1] - held;
        if (difference != 0 || lines.get("DIFFERENCE")[0] != 0 || lines.get("DIFFERENCE")[1] != 0) {
            diffs.add("reports/reconciliation.csv: does not balance (closing - disputed - buckets = " + difference
                    + " yen, DIFFERENCE line " + lines.get("DIFFERENCE")[0] + "," + lines.get("DIFFERENCE")[1] + ")");
        }
        for (ReconciliationLine line : reconciliation.recorded(runDate)) {
            long[] reported = lines.get(line.bucket());
            if (reported == null || reported[0] != line.wallets() || reported[1] != line.amountYen()) {
                diffs.add("reports/reconciliation.csv: " + line.bucket() + " is not what the night's balance check"
                        + " recorded (" + line.wallets() + " wallet(s), " + line.amountYen() + " yen)");
            }
        }
        if (diffs.size() == before) {
            checked.add("reconciliation: " + lines.get("CLOSING_TOTAL")[1] + " yen closing = disputed + buckets,"
                    + " as the night's balance check recorded");
        }
    }

    /** The night's facts that never change (events, ingest summary, rejects) written again from the database. */
    private void regenerated(LocalDate runDate, Path folder, List<String> diffs, List<String> checked) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("verify-" + runDate);
            int before = diffs.size();
            try {
                ingestReports.write(runDate, scratch);
                claimReports.writeEvents(runDate, scratch);
                certificateReports.write(runDate, scratch);
                int compared = 0;
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path fresh : walk.filter(Files::isRegularFile).toList()) {
                        String name = NightFiles.relative(scratch, fresh);
                        Path actual = folder.resolve(name);
                        if (!Files.exists(actual)) {
                            diffs.add(name + ": missing; the database has it");
                        } else if (!NightOutputFolder.sha256(actual).equals(NightOutputFolder.sha256(fresh))) {
                            diffs.add(name + ": differs from the database");
                        }
                        compared++;
                    }
                }
                for (Path rejects : list(folder.resolve("rejects"), ".csv")) {
                    if (!Files.exists(scratch.resolve("rejects").resolve(rejects.getFileName()))) {
                        diffs.add("rejects/" + rejects.getFileName() + ": the database has no rejects of this feed");
                    }
                }
                for (String name : List.of("certificates/void-list.csv", "reports/redemption-alerts.csv")) {
                    if (Files.exists(folder.resolve(name)) && !Files.exists(scratch.resolve(name))) {
                        diffs.add(name + ": the database has none of this night");
                    }
                }
                if (diffs.size() == before) {
                    checked.add("events, ingest summary, rejects, void list and redemption alerts: " + compared
                            + " file(s) equal to the database");
                }
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The night's notices (SPEC section 9): derived again from the night's facts, with the settings
     * the night recorded (its reminder days, not today's), and compared
     * with those the night stored, and {@code notices/notices.csv} and {@code letters.csv}
     * written again from them and compared byte for byte (a night without notices has neither).
     */
    private void notices(LocalDate runDate, Path folder, Map<String, String> recorded, List<String> diffs,
                         List<String> checked) {
        int before = diffs.size();
        diffs.addAll(notices.differencesFromFacts(runDate, recorded));
        try {
            Path scratch = Files.createTempDirectory("verify-notices-" + runDate);
            try {
                long count = notices.write(runDate, scratch);
                for (String name : List.of(NightNotices.NOTICES_FILE, NightNotices.LETTERS_FILE)) {
                    Path fresh = scratch.resolve(name);
                    Path actual = folder.resolve(name);
                    if (Files.exists(fresh) != Files.exists(actual)) {
                        diffs.add(name + (Files.exists(fresh) ? ": missing; the database has its notices"
                                : ": the database has no notices for it"));
                    } else if (Files.exists(fresh) && !NightOutputFolder.sha256(actual)
                            .equals(NightOutputFolder.sha256(fresh))) {
                        diffs.add(name + ": differs from the database");
                    }
                }
                if (diffs.size() == before) {
                    checked.add("notices: " + count + " notice(s), as the night's facts give them, files equal to"
                            + " the database");
                }
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
