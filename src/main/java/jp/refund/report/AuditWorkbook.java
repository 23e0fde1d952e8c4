package jp.refund.report;

import static jp.refund.report.WorkbookSheet.Kind.DATE;
import static jp.refund.report.WorkbookSheet.Kind.NUMBER;
import static jp.refund.report.WorkbookSheet.Kind.TEXT;
import static jp.refund.report.WorkbookSheet.Kind.TIMESTAMP;
import static jp.refund.report.WorkbookSheet.Kind.YEN;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import jp.refund.claim.ClaimBook;
import jp.refund.ingest.Feed;
import jp.refund.ingest.FeedCount;
import jp.refund.ingest.FeedReject;
import jp.refund.ingest.IngestLedger;
import jp.refund.notice.NightNotices;
import jp.refund.notice.NoticeCount;
import jp.refund.shared.BankAccount;
import jp.refund.shared.KeySet;
import jp.refund.shared.OutputFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code reports/audit-<D>.xlsx}, the auditors' view of a night: Summary (the night's
 * figures and the reconciliation), Files (every file of the night with records, yen and
 * SHA-256), Events, Review queue, Shared bank accounts, Rejected rows, Notices (the night's notices
 * counted by kind and delivery, SPEC section 9) and Notice letters (every LETTER notice).
 *
 * <p>Streams (SXSSF) so a million rows fit. The bytes depend on the night alone: document
 * dates are the run date and every zip entry carries the same fixed time.
 */
@Component
public class AuditWorkbook {

    static {
        PoiScratch.ownFolder();
    }

    private static final Logger log = LoggerFactory.getLogger(AuditWorkbook.class);

    private final JdbcTemplate jdbc;
    private final IngestLedger ingest;
    private final ClaimBook claims;
    private final Reconciliation reconciliation;
    private final NightNotices notices;

    AuditWorkbook(JdbcTemplate jdbc, IngestLedger ingest, ClaimBook claims, Reconciliation reconciliation,
                  NightNotices notices) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.claims = claims;
        this.reconciliation = reconciliation;
        this.notices = notices;
    }

    public static String fileName(LocalDate runDate) {
        return "audit-" + runDate + ".xlsx";
    }

    /** Writes the workbook into the night's folder; the files it lists are those already there. */
    public Path write(LocalDate runDate, Path nightFolder) {
        Path target = nightFolder.resolve("reports").resolve(fileName(runDate));
        long listing = System.nanoTime();
        List<NightFile> files = NightFiles.of(nightFolder, "reports/" + fileName(runDate), NightOutputFolder.MANIFEST);
        double listed = (System.nanoTime() - listing) / 1e9;
        SXSSFWorkbook workbook = new SXSSFWorkbook(200) {
            // The fastest deflate: a full night has a great deal of sheet XML, and level 1 takes much
            // less time than the default 6 for a somewhat larger file (docs/audit.md, the workbook).
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }
        };
        try {
            Date created = Date.from(runDate.atStartOfDay(ZoneOffset.ofHours(9)).toInstant());
            var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setCreated(Optional.of(created));
            core.setModified(Optional.of(created));
            core.setCreator("refund-batch");
            core.setTitle("Refund batch audit workbook " + runDate);
            WorkbookSheet.Styles styles = new WorkbookSheet.Styles(workbook);
            Map<String, Double> seconds = new LinkedHashMap<>(); // what the operator sees of a long step
            seconds.put("files counted and hashed", listed);
            timed(seconds, "Summary", () -> summary(workbook, styles, runDate, files));
            timed(seconds, "Files", () -> files(workbook, styles, files));
            timed(seconds, "Events", () -> events(workbook, styles, runDate));
            timed(seconds, "Review queue", () -> reviewQueue(workbook, styles));
            timed(seconds, "Shared bank accounts", () -> sharedAccounts(workbook, styles));
            timed(seconds, "Rejected rows", () -> rejectedRows(workbook, styles, runDate));
            timed(seconds, "Notices", () -> notices(workbook, styles, runDate, files));
            timed(seconds, "Notice letters", () -> letters(workbook, styles, nightFolder));
            long zipStart = System.nanoTime();
            Path raw = Files.createTempFile(target.getParent() == null ? null : Files.createDirectories(target.getParent()),
                    ".audit", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(raw)) {
                    workbook.write(out);
                }
                long entryTime = created.getTime();
                OutputFile.write(target, out -> normalizeZip(raw, out, entryTime));
            } finally {
                Files.deleteIfExists(raw);
            }
            seconds.put("zip", (System.nanoTime() - zipStart) / 1e9);
            log.info("audit workbook: {}", seconds.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format("%.1f s", e.getValue())).collect(Collectors.joining(", ")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            workbook.dispose();
        }
        return target;
    }

    /**
     * Rewrites the xlsx zip with every entry at the same time, in the same order: no clock in
     * the bytes. Entries are copied as they were compressed (raw), not inflated and deflated
     * again: a full night's workbook holds a great deal of sheet XML.
     */
    static void normalizeZip(Path raw, OutputStream out, long entryTime) throws IOException {
        try (ZipFile source = ZipFile.builder().setFile(raw.toFile()).get();
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(keptOpen(out))) {
            for (ZipArchiveEntry entry : java.util.Collections.list(source.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setMethod(entry.getMethod());
                copy.setCrc(entry.getCrc());
                copy.setSize(entry.getSize());
                copy.setCompressedSize(entry.getCompressedSize());
                copy.setTime(entryTime);
                try (InputStream in = source.getRawInputStream(entry)) {
                    zip.addRawArchiveEntry(copy, in);
                }
            }
            zip.finish();
        }
    }

    /** The stream as the zip may close it: the file's own writer still flushes and syncs it after. */
    private static OutputStream keptOpen(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private void summary(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, LocalDate runDate,
                         List<NightFile> files) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Summary", List.of(
                new WorkbookSheet.Column("item", TEXT, 28), new WorkbookSheet.Column("value", TEXT, 28),
                new WorkbookSheet.Column("count", NUMBER, 12), new WorkbookSheet.Column("amount_yen", YEN, 16),
                new WorkbookSheet.Column("", NUMBER, 12), new WorkbookSheet.Column("", NUMBER, 12)));
        sheet.row("night", runDate);
        sheet.gap();
        sheet.title("ingest: feed", "file", "rows_read", "accepted", "skipped", "rejected");
        for (FeedCount c : ingest.counts(runDate)) {
            sheet.row(c.feed().id(), c.fileName(), c.rowsRead(), c.accepted(), c.skipped(), c.rejected());
        }
        sheet.gap();
        sheet.title("status changes tonight", "status", "claims", "amount_yen");
        claims.eventTotalsByStatus(runDate).forEach((status, sum) -> sheet.row("", status, sum[0], sum[1]));
        sheet.gap();
        // every flag, 0 when it held none or is off (the night's settings say which: night-settings.csv)
        sheet.title("held for review tonight: flag", "flag", "claims", "amount_yen");
        claims.heldTonightByFlag(runDate).forEach((flag, sum) -> sheet.row("", flag.name(), sum[0], sum[1]));
        sheet.gap();
        sheet.title("payout files", "file", "records", "amount_yen");
        for (NightFile f : files) {
            if (f.path().startsWith("bank/") || f.path().equals("certificates/mailing-list.csv")) {
                sheet.row(f.kind(), f.path(), f.records(), f.totalYen());
            }
        }
        sheet.gap();
        sheet.title("reconciliation: bucket", "", "wallets", "amount_yen");
        for (ReconciliationLine l : reconciliation.checked(runDate)) {
            sheet.row(l.bucket(), null, l.wallets(), l.amountYen());
        }
    }

    private static void files(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, List<NightFile> files) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Files", List.of(
                new WorkbookSheet.Column("file", TEXT, 44), new WorkbookSheet.Column("kind", TEXT, 22),
                new WorkbookSheet.Column("records", NUMBER, 10), new WorkbookSheet.Column("amount_yen", YEN, 16),
                new WorkbookSheet.Column("sha256", TEXT, 70)));
        for (NightFile f : files) {
            sheet.row(f.path(), f.kind(), f.records(), f.totalYen(), f.sha256());
        }
    }

    private void events(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, LocalDate runDate) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Events", List.of(
                new WorkbookSheet.Column("run_date", DATE, 12), new WorkbookSheet.Column("claim_no", TEXT, 12),
                new WorkbookSheet.Column("application_id", TEXT, 16), new WorkbookSheet.Column("channel", TEXT, 8),
                new WorkbookSheet.Column("member_id", TEXT, 14), new WorkbookSheet.Column("status", TEXT, 16),
                new WorkbookSheet.Column("reasons", TEXT, 40), new WorkbookSheet.Column("amount_yen", YEN, 12),
                new WorkbookSheet.Column("payout_method", TEXT, 8), new WorkbookSheet.Column("payout_date", DATE, 12),
                new WorkbookSheet.Column("reference", TEXT, 24)));
        claims.forEachEvent(runDate, e -> sheet.row(e.runDate(), e.claimNo(), e.applicationId(), e.channel(),
                e.memberId(), e.status().name(), e.reasons(), e.amountYen(), e.payoutMethod(), e.payoutDate(),
                e.reference()));
    }

    private void reviewQueue(SXSSFWorkbook workbook, WorkbookSheet.Styles styles) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Review queue", List.of(
                new WorkbookSheet.Column("claim_no", TEXT, 12), new WorkbookSheet.Column("application_id", TEXT, 16),
                new WorkbookSheet.Column("channel", TEXT, 8), new WorkbookSheet.Column("member_id", TEXT, 14),
                new WorkbookSheet.Column("amount_yen", YEN, 12), new WorkbookSheet.Column("payout_method", TEXT, 8),
                new WorkbookSheet.Column("flags", TEXT, 48), new WorkbookSheet.Column("pending_since", DATE, 12),
                new WorkbookSheet.Column("submitted_at", TIMESTAMP, 26)));
        for (ClaimBook.PendingClaim p : claims.pendingReview()) {
            sheet.row(p.claimNo(), p.applicationId(), p.channel(), p.memberId(), p.amountYen(), p.payoutMethod(),
                    p.flags(), p.pendingSince(), p.submittedAt());
        }
    }

    /** Every account on claims of more than one member, with those claims; account numbers masked. */
    private void sharedAccounts(SXSSFWorkbook workbook, WorkbookSheet.Styles styles) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Shared bank accounts", List.of(
                new WorkbookSheet.Column("bank_code", TEXT, 10), new WorkbookSheet.Column("branch_code", TEXT, 10),
                new WorkbookSheet.Column("account_type", TEXT, 8), new WorkbookSheet.Column("account_number", TEXT, 12),
                new WorkbookSheet.Column("members", NUMBER, 9), new WorkbookSheet.Column("claim_no", TEXT, 12),
                new WorkbookSheet.Column("member_id", TEXT, 14), new WorkbookSheet.Column("status", TEXT, 16),
                new WorkbookSheet.Column("reasons", TEXT, 40), new WorkbookSheet.Column("amount_yen", YEN, 12)));
        // Two passes, not one join: H2 would run the grouping again for every claim it joins to.
        TreeMap<String, Long> membersByAccount = new TreeMap<>();
        jdbc.query("SELECT bank_code, branch_code, account_type, account_number, COUNT(DISTINCT member_id) FROM claim"
                + " WHERE account_number IS NOT NULL GROUP BY bank_code, branch_code, account_type, account_number"
                + " HAVING COUNT(DISTINCT member_id) > 1", rs -> {
                    membersByAccount.put(accountKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getLong(5));
                });
        if (membersByAccount.isEmpty()) {
            return;
        }
        TreeMap<String, Object[]> rows = new TreeMap<>();
        KeySet numbers = KeySet.text(membersByAccount.keySet().stream().map(k -> k.substring(k.length() - 7)).toList());
        jdbc.query("SELECT c.bank_code, c.branch_code, c.account_type, c.account_number, c.claim_no, c.member_id,"
                + " c.status, c.reasons, c.amount_yen FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.account_number = k.id",
                numbers.asFirstParameter(), rs -> {
                    String key = accountKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    Long members = membersByAccount.get(key);
                    if (members != null) {
                        BankAccount account = new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4));
                        rows.put(key + rs.getString(5), new Object[]{account.bankCode(), account.branchCode(),
                                account.accountType(), account.maskedNumber(), members, rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9)});
                    }
                });
        rows.values().forEach(sheet::row);
    }

    /** Sorts as bank, branch, type, number: every part has a fixed width (4, 3, 1, 7). */
    private static String accountKey(String bank, String branch, String type, String number) {
        return bank + branch + type + number;
    }

    private void rejectedRows(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, LocalDate runDate) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Rejected rows", List.of(
                new WorkbookSheet.Column("feed", TEXT, 18), new WorkbookSheet.Column("line_number", NUMBER, 10),
                new WorkbookSheet.Column("reason", TEXT, 24), new WorkbookSheet.Column("field", TEXT, 20),
                new WorkbookSheet.Column("message", TEXT, 60), new WorkbookSheet.Column("raw", TEXT, 100)));
        for (Feed feed : Feed.values()) {
            for (FeedReject r : ingest.rejects(runDate, feed)) {
                sheet.row(feed.id(), r.lineNumber(), r.reason().name(), r.field(), r.message(), r.raw());
            }
        }
    }

    private static void timed(Map<String, Double> seconds, String sheet, Runnable write) {
        long start = System.nanoTime();
        write.run();
        seconds.put(sheet, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The night's notices counted by kind and delivery, with the rows of the two notice files
     * beside the total. Not every notice: a full first night has more notices than members, and
     * as rows of this sheet they were most of the workbook's sheet XML and a large part of the
     * night's time on notices (docs/benchmarks/notices.md), for a list too long to
     * read in a spreadsheet (two sheets, Excel stops at 1,048,576 rows). Every
     * notice is in {@code notices/notices.csv}, its rows and SHA-256 on the Files sheet, and on
     * the support page of its claim; the letters, where the incident rule acted, are listed whole
     * on the next sheet.
     */
    private void notices(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, LocalDate runDate,
                         List<NightFile> files) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Notices", List.of(
                new WorkbookSheet.Column("kind", TEXT, 30), new WorkbookSheet.Column("delivery", TEXT, 10),
                new WorkbookSheet.Column("notices", NUMBER, 12)));
        long total = 0;
        for (NoticeCount count : notices.countsOfNight(runDate)) {
            sheet.row(count.kind().name(), count.delivery().name(), count.notices());
            total += count.notices();
        }
        sheet.row("all kinds", null, total);
        sheet.gap();
        sheet.title("notice file", "", "rows");
        for (String file : List.of(NightNotices.NOTICES_FILE, NightNotices.LETTERS_FILE)) {
            long rows = files.stream().filter(f -> f.path().equals(file)).mapToLong(NightFile::records).sum();
            sheet.row(file, null, rows);
        }
    }

    /**
     * Every LETTER notice, row for row from {@code notices/letters.csv} (what the print vendor
     * gets): the notices the incident rule turned from an e-mail into a letter to the registered
     * address, for the auditor to check one by one.
     */
    private void letters(SXSSFWorkbook workbook, WorkbookSheet.Styles styles, Path nightFolder) {
        WorkbookSheet sheet = new WorkbookSheet(workbook, styles, "Notice letters", List.of(
                new WorkbookSheet.Column("notice_id", TEXT, 34), new WorkbookSheet.Column("kind", TEXT, 22),
                new WorkbookSheet.Column("claim_no", TEXT, 12), new WorkbookSheet.Column("application_id", TEXT, 16),
                new WorkbookSheet.Column("member_id", TEXT, 14), new WorkbookSheet.Column("delivery", TEXT, 8),
                new WorkbookSheet.Column("recipient", TEXT, 40), new WorkbookSheet.Column("template", TEXT, 24),
                new WorkbookSheet.Column("fields", TEXT, 80)));
        Path file = nightFolder.resolve(NightNotices.LETTERS_FILE);
        if (Files.exists(file)) {
            // an empty field is an empty cell, as a null from the table was
            NightFiles.forEachCsvRow(file, row -> sheet.row(Arrays.stream(row).map(v -> v.isEmpty() ? null : v)
                    .toArray()));
        }
    }
}
