package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.refund.NightlyHarness;
import jp.refund.notice.NoticeKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** The auditors' outputs of the sample nights: the workbook, the manifest, and verify. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditOutputsIT {

    private NightlyHarness h;

    @BeforeAll
    void runSample(@TempDir Path root) {
        h = new NightlyHarness(root);
        assertThat(h.run("nightly", "--input=" + Path.of("input").toAbsolutePath()).exitCode()).isZero();
    }

    /** Read-only: a workbook opened from its file (read-write) is written back on close, changing the night's bytes. */
    private static XSSFWorkbook workbook(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theWorkbookHasEverySheetWithTypedCellsThatMatchTheBook() throws Exception {
        Path night = h.output().resolve("2019-11-13");
        try (XSSFWorkbook wb = workbook(night.resolve("reports/audit-2019-11-13.xlsx"))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Summary", "Files", "Events", "Review queue", "Shared bank accounts",
                    "Rejected rows", "Notices", "Notice letters");

            for (Sheet sheet : wb) {
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
            }
            Cell nightDate = wb.getSheet("Summary").getRow(1).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(nightDate)).isTrue();
            assertThat(nightDate.getLocalDateTimeCellValue().toLocalDate()).hasToString("2019-11-13");
            Sheet queue = wb.getSheet("Review queue");
            if (queue.getLastRowNum() > 0) {
                assertThat(queue.getRow(1).getCell(8).getStringCellValue()).matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
            }

            Sheet events = wb.getSheet("Events");
            assertThat(events.getLastRowNum()).isEqualTo(h.count(
                    "SELECT COUNT(*) FROM claim_event WHERE run_date = DATE '2019-11-13'"));
            Row first = events.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).hasToString("2019-11-13");
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            long eventYen = 0;
            for (int r = 1; r <= events.getLastRowNum(); r++) {
                eventYen += (long) events.getRow(r).getCell(7).getNumericCellValue();
            }
            assertThat(eventYen).isEqualTo(h.count(
                    "SELECT SUM(amount_yen) FROM claim_event WHERE run_date = DATE '2019-11-13'"));
            assertThat(events.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) events).getCTWorksheet().isSetAutoFilter()).isTrue();

            Map<String, Long> reconciliation = new HashMap<>();
            Sheet summary = wb.getSheet("Summary");
            for (Row row : summary) {
                Cell amount = row.getCell(3);
                if (row.getCell(0) != null && amount != null && amount.getCellType() == CellType.NUMERIC) {
                    reconciliation.put(row.getCell(0).getStringCellValue(), (long) amount.getNumericCellValue());
                }
            }
            Map<String, Long> heldByFlag = new HashMap<>();
            for (Row row : summary) {
                Cell flag = row.getCell(1);
                if (flag != null && flag.getCellType() == CellType.STRING && java.util.Arrays.stream(
                        jp.refund.identity.ReviewFlag.values()).anyMatch(f -> f.name().equals(flag.getStringCellValue()))) {
                    heldByFlag.put(flag.getStringCellValue(), (long) row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(heldByFlag).as("every review flag counted, the section 11 ones off (0)")
                    .hasSize(jp.refund.identity.ReviewFlag.values().length)
                    .containsEntry("LARGE_REFUND", 0L).containsEntry("SHARED_CONTACT", 0L)
                    .containsEntry("WEB_APPLICATION", (long) h.count("SELECT COUNT(*) FROM claim_event WHERE run_date ="
                            + " DATE '2019-11-13' AND status = 'PENDING_REVIEW' AND reasons LIKE '%WEB_APPLICATION%'"));
            for (String line : Files.readAllLines(night.resolve("reports/reconciliation.csv")).subList(1, 9)) {
                String[] f = line.split(",");
                assertThat(reconciliation).containsEntry(f[0], Long.parseLong(f[2]));
            }

            Sheet files = wb.getSheet("Files");
            Map<String, String> hashes = new HashMap<>();
            for (int r = 1; r <= files.getLastRowNum(); r++) {
                hashes.put(files.getRow(r).getCell(0).getStringCellValue(),
                        files.getRow(r).getCell(4).getStringCellValue());
            }
            for (String line : Files.readAllLines(night.resolve(NightOutputFolder.MANIFEST))) {
                String path = line.substring(66);
                if (!path.endsWith(".xlsx")) {
                    assertThat(hashes).containsEntry(path, line.substring(0, 64));
                }
            }
            Row bank = files.getRow(1);
            assertThat(bank.getCell(0).getStringCellValue()).isEqualTo("bank/SOGOFURI-20191115.txt");
            assertThat(bank.getCell(2).getNumericCellValue()).isEqualTo(10);
            assertThat(bank.getCell(3).getNumericCellValue()).isEqualTo(100121);

            Sheet shared = wb.getSheet("Shared bank accounts");
            assertThat(shared.getRow(1).getCell(3).getStringCellValue()).isEqualTo("****555");
            assertThat(List.of(shared.getRow(1).getCell(5).getStringCellValue(),
                    shared.getRow(2).getCell(5).getStringCellValue())).containsExactly("1000000156", "1000000164");
        }
    }

    /**
     * Every night of the sample: the Notices sheet's counts are those of notices.csv by kind and
     * delivery (every pair listed, in kind order), its total and file rows agree, and the Notice
     * letters sheet is letters.csv row for row.
     */
    @Test
    void theNoticesSheetCountsTheNoticesFileAndTheLettersSheetIsTheLettersFile() throws Exception {
        int nightsWithLetters = 0;
        List<Path> nights;
        try (Stream<Path> folders = Files.list(h.output())) {
            nights = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(nights).hasSizeGreaterThan(5);
        for (Path night : nights) {
            String date = night.getFileName().toString();
            List<String[]> notices = csvRows(night.resolve("notices/notices.csv"));
            List<String[]> letters = csvRows(night.resolve("notices/letters.csv"));
            try (XSSFWorkbook wb = workbook(night.resolve("reports/audit-" + date + ".xlsx"))) {
                Sheet sheet = wb.getSheet("Notices");
                List<String> expected = new ArrayList<>();
                for (NoticeKind kind : NoticeKind.values()) {
                    for (String delivery : List.of("EMAIL", "LETTER")) {
                        long n = notices.stream().filter(r -> r[1].equals(kind.name()) && r[5].equals(delivery)).count();
                        expected.add(kind.name() + " " + delivery + " " + n);
                    }
                }
                List<String> shown = new ArrayList<>();
                for (int r = 1; r <= expected.size(); r++) {
                    Row row = sheet.getRow(r);
                    shown.add(row.getCell(0).getStringCellValue() + " " + row.getCell(1).getStringCellValue() + " "
                            + (long) row.getCell(2).getNumericCellValue());
                }
                assertThat(shown).as(date).containsExactlyElementsOf(expected);
                Row total = sheet.getRow(expected.size() + 1);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("all kinds");
                assertThat((long) total.getCell(2).getNumericCellValue()).as(date).isEqualTo(notices.size());
                Map<String, Long> fileRows = new HashMap<>();
                for (int r = expected.size() + 4; r <= sheet.getLastRowNum(); r++) {
                    fileRows.put(sheet.getRow(r).getCell(0).getStringCellValue(),
                            (long) sheet.getRow(r).getCell(2).getNumericCellValue());
                }
                assertThat(fileRows).as(date).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "notices/notices.csv", (long) notices.size(), "notices/letters.csv", (long) letters.size()));

                Sheet letterSheet = wb.getSheet("Notice letters");
                assertThat(letterSheet.getLastRowNum()).as(date).isEqualTo(letters.size());
                for (int r = 1; r <= letters.size(); r++) {
                    String[] expectedRow = letters.get(r - 1);
                    for (int c = 0; c < expectedRow.length; c++) {
                        Cell cell = letterSheet.getRow(r).getCell(c);
                        assertThat(cell == null ? "" : cell.getStringCellValue()).as(date + " letter " + r)
                                .isEqualTo(expectedRow[c]);
                    }
                }
                if (!letters.isEmpty()) {
                    nightsWithLetters++;
                }
            }
        }
        assertThat(nightsWithLetters).as("sample nights with letters").isPositive();
    }

    /** A night's CSV file's data rows, none when the night has no such file. */
    private static List<String[]> csvRows(Path csv) {
        return Files.exists(csv) ? NightFiles.csvRows(csv) : List.of();
    }

    @Test
    void aFormulaLookingNameStaysAStringInTheWorkbook(@TempDir Path root) throws Exception {
        NightlyHarness small = new NightlyHarness(root).with("--refund.ingest.min-rows-for-ratio=1000");
        small.write("2019-10-01", "members.csv", "member_id,family_name,given_name,family_name_kana,given_name_kana,"
                + "birth_date,email,phone,postal_code,address,contact_changed_at\n"
                + "M1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",@SUM(A1:A9),ヤマダ,タロウ,1980-02-30,"
                + "t@example.jp,090-1111-0001,100-0001,+cmd|' /C calc'!A0,\n");
        assertThat(small.run("nightly").exitCode()).isZero();

        try (XSSFWorkbook wb = workbook(small.output().resolve("2019-10-01/reports/audit-2019-10-01.xlsx"))) {
            Cell raw = wb.getSheet("Rejected rows").getRow(1).getCell(5);
            assertThat(raw.getCellType()).isEqualTo(CellType.STRING);
            assertThat(raw.getStringCellValue()).startsWith("M1,\"=HYPERLINK(").contains("@SUM(A1:A9)", "+cmd|");
            assertThat(raw.getCellStyle().getQuotePrefixed()).isTrue();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
        // the CSV keeps the data exactly as delivered: programs read it
        assertThat(small.read("2019-10-01/rejects/members.csv")).contains("=HYPERLINK(");
    }

    @Test
    void sha256sumAcceptsEveryManifest() throws Exception {
        try (Stream<Path> nights = Files.list(h.output())) {
            for (Path night : nights.filter(Files::isDirectory).toList()) {
                Process p = new ProcessBuilder("sha256sum", "-c", "--strict", NightOutputFolder.MANIFEST)
                        .directory(night.toFile()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor()).as(night + ": " + out).isZero();
                assertThat(out).doesNotContain("FAILED");
            }
        }
    }

    /** A copy of the sample's output to tamper with; verify reads the same database. */
    private Path copyOfOutput(Path root) throws Exception {
        Path copy = root.resolve("output");
        FileSystemUtils.copyRecursively(h.output(), copy);
        return copy;
    }

    private NightlyHarness.Result verify(Path output, String date) {
        return h.run("verify", "--date=" + date, "--output=" + output);
    }

    @Test
    void verifyPassesOnEveryCleanNight() throws Exception {
        try (Stream<Path> nights = Files.list(h.output())) {
            for (Path night : nights.filter(Files::isDirectory).toList()) {
                NightlyHarness.Result result = verify(h.output(), night.getFileName().toString());
                assertThat(result.exitCode()).as(result.stdout()).isZero();
                assertThat(result.stdout()).contains("verified " + night.getFileName() + ": no difference");
            }
        }
    }

    @Test
    void verifyNamesAChangedByteOfABankFile(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path bank = out.resolve("2019-11-13/bank/SOGOFURI-20191115.txt");
        byte[] bytes = Files.readAllBytes(bank);
        bytes[122 + 85] = '9'; // first transfer's amount: 12500 -> 92500
        Files.write(bank, bytes);

        NightlyHarness.Result result = verify(out, "2019-11-13");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains(
                "DIFF bank/SOGOFURI-20191115.txt: SHA-256 differs from the manifest",
                "DIFF bank/SOGOFURI-20191115.txt: trailer record field 合計金額 (byte 8): says 100121 yen,"
                        + " the transfers add up to 180121");
        assertThat(result.stdout()).doesNotContain("ok   manifest").doesNotContain("ok   bank/");
    }

    @Test
    void verifyNamesAnAmountChangedWithItsTrailerAndPrintsNoOkForThoseChecks(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path bank = out.resolve("2019-11-13/bank/SOGOFURI-20191115.txt");
        byte[] bytes = Files.readAllBytes(bank);
        bytes[122 + 85] = '9'; // first transfer's amount: 12500 -> 92500 ...
        int trailer = bytes.length - 2 * 122;
        byte[] total = String.format("%012d", 100121 + 80000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(total, 0, bytes, trailer + 7, 12); // ... and the trailer's 合計金額 to match: the file is consistent
        Files.write(bank, bytes);

        NightlyHarness.Result result = verify(out, "2019-11-13");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains(
                "DIFF bank/SOGOFURI-20191115.txt: SHA-256 differs from the manifest",
                "DIFF bank/SOGOFURI-20191115.txt data record 1 (record 2 of the file): file vs database: 振込金額 '92500' vs '12500'");
        assertThat(result.stdout()).doesNotContain("ok   manifest").doesNotContain("ok   bank/")
                .doesNotContain("trailer and database agree");
        assertThat(result.stdout()).contains("ok   certificates", "ok   reconciliation", "ok   night settings");
    }

    @Test
    void verifyChecksANightAgainstTheSettingsItRecordedNotTodays() throws Exception {
        String night = "2019-11-13";
        assertThat(h.read(night + "/" + NightSettings.FILE)).startsWith("property,value\n")
                .contains("\nrefund.originator.code,1234567890\n", "\nrefund.originator.bank-code,0001\n")
                .doesNotContain("chunk-size").doesNotContain("password");
        assertThat(h.read(night + "/" + NightOutputFolder.MANIFEST)).contains("  " + NightSettings.FILE + "\n");

        // the bank assigned other originator settings after the night: verify still passes
        NightlyHarness.Result result = h.run("verify", "--date=" + night, "--refund.originator.code=9876543210",
                "--refund.originator.name-kana=ｼﾝｲﾗｲﾆﾝ", "--refund.originator.bank-code=0005",
                "--refund.originator.branch-code=001", "--refund.originator.account-number=7654321");

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("ok   night settings", "ok   bank/SOGOFURI-20191115.txt",
                "verified " + night + ": no difference");
    }

    @Test
    void verifyNamesAlteredSettingsAndTheHeaderTheyNoLongerMatch(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path settings = out.resolve("2019-11-13/" + NightSettings.FILE);
        Files.writeString(settings, Files.readString(settings).replace("refund.originator.code,1234567890",
                "refund.originator.code,1111111111"));

        NightlyHarness.Result result = verify(out, "2019-11-13");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("DIFF reports/night-settings.csv: SHA-256 differs from the manifest",
                "DIFF bank/SOGOFURI-20191115.txt: header differs from the night's settings");
        assertThat(result.stdout()).doesNotContain("ok   manifest").doesNotContain("ok   bank/");
    }

    @Test
    void verifyNamesRecordedSettingsItCannotDeriveTheNoticesWith(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path settings = out.resolve("2019-11-13/" + NightSettings.FILE);
        assertThat(Files.readString(settings)).contains("\nrefund.certificate.reminder-days,30\n");
        Files.writeString(settings, Files.readString(settings).replace("refund.certificate.reminder-days,30",
                "refund.certificate.reminder-days,thirty"));

        NightlyHarness.Result result = verify(out, "2019-11-13");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("DIFF notices/notices.csv: not derived again: the night's recorded"
                + " settings do not bind (");
    }

    @Test
    void veraPdfFindsEveryCertificateOfTheSamplePdfA2b() throws Exception {
        List<Path> pdfs;
        try (Stream<Path> walk = Files.walk(h.output())) {
            pdfs = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        for (Path pdf : pdfs) {
            assertThat(jp.refund.certificate.VeraPdf.pdfA2bFailures(Files.readAllBytes(pdf))).as(pdf.toString()).isEmpty();
        }
    }

    @Test
    void verifyNamesAChangedCertificateAndAChangedReport(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path pdf = out.resolve("2019-11-14/certificates/P1000000016.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pdf, bytes);
        Path events = out.resolve("2019-11-14/reports/claim-events.csv");
        Files.writeString(events, Files.readString(events).replace(",8000,", ",80000,"));

        NightlyHarness.Result result = verify(out, "2019-11-14");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains(
                "DIFF certificates/P1000000016.pdf: SHA-256 differs from the manifest",
                "DIFF reports/claim-events.csv: SHA-256 differs from the manifest",
                "DIFF reports/claim-events.csv: differs from the database");
    }

    @Test
    void verifyNamesARemovedAndAnAddedFile(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Files.delete(out.resolve("2019-11-14/certificates/P1000000024.pdf"));
        Files.writeString(out.resolve("2019-11-14/certificates/P9999999999.pdf"), "%PDF-1.4 not really");

        NightlyHarness.Result result = verify(out, "2019-11-14");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains(
                "DIFF certificates/P1000000024.pdf: listed in the manifest but missing",
                "DIFF certificates/P9999999999.pdf: not in the manifest (the file was added)",
                "DIFF certificates/P9999999999.pdf: not on the mailing list",
                "DIFF certificates/P1000000024.pdf: on the mailing list but missing");
    }

    @Test
    void verifyNamesAReconciliationThatStillBalancesButIsNotWhatTheNightChecked(@TempDir Path root) throws Exception {
        Path out = copyOfOutput(root);
        Path report = out.resolve("2019-11-14/reports/reconciliation.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(report));
        for (int i = 1; i < lines.size(); i++) { // 1,000 yen moved from UNCLAIMED to PENDING_REVIEW: the sum holds
            String[] f = lines.get(i).split(",");
            long shift = f[0].equals("UNCLAIMED") ? -1000 : f[0].equals("PENDING_REVIEW") ? 1000 : 0;
            lines.set(i, f[0] + "," + f[1] + "," + (Long.parseLong(f[2]) + shift));
        }
        Files.write(report, lines);

        NightlyHarness.Result result = verify(out, "2019-11-14");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("DIFF reports/reconciliation.csv: SHA-256 differs from the manifest")
                .contains("DIFF reports/reconciliation.csv: PENDING_REVIEW is not what the night's balance check recorded")
                .contains("DIFF reports/reconciliation.csv: UNCLAIMED is not what the night's balance check recorded")
                .doesNotContain("does not balance");
    }

    @Test
    void everyNightKeepsTheReconciliationItCheckedAndReportsExactlyThat() throws Exception {
        try (Stream<Path> nights = Files.list(h.output())) {
            for (Path night : nights.filter(Files::isDirectory).toList()) {
                List<String> report = Files.readAllLines(night.resolve("reports/reconciliation.csv"));
                List<String> kept = h.rows("SELECT bucket, wallets, amount_yen FROM night_reconciliation"
                        + " WHERE run_date = ? ORDER BY line_no", java.time.LocalDate.parse(night.getFileName().toString()))
                        .stream().map(row -> String.join(",", row)).toList();
                assertThat(kept).as(night.toString()).isEqualTo(report.subList(1, report.size()));
            }
        }
    }
}
