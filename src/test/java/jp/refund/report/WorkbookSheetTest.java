package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookSheetTest {

    @Test
    void aTextLongerThanACellCanHoldIsCutAndSaysSoAndAShortOneIsLeftAlone() {
        String line = "M1," + "あ".repeat(40_000);
        String cell = WorkbookSheet.cellText(line);
        assertThat(cell).hasSize(WorkbookSheet.MAX_CELL_TEXT).startsWith("M1,あああ")
                .endsWith(" … [cut: 40003 characters; whole in the CSV file]");
        assertThat(WorkbookSheet.cellText("M1,山田")).isEqualTo("M1,山田");
        String exactly = "x".repeat(WorkbookSheet.MAX_CELL_TEXT);
        assertThat(WorkbookSheet.cellText(exactly)).isSameAs(exactly);
        // a character outside the BMP is two chars: never cut in half
        String emoji = "x".repeat(WorkbookSheet.MAX_CELL_TEXT - 49) + "😀".repeat(100);
        String cut = WorkbookSheet.cellText(emoji);
        assertThat(cut.length()).isLessThanOrEqualTo(WorkbookSheet.MAX_CELL_TEXT);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf(" … [cut:") - 1))).isFalse();
    }

    @Test
    void aTableLongerThanASheetContinuesOnTheNextWithItsHeader() throws Exception {
        assertThat(WorkbookSheet.MAX_ROWS).isEqualTo(1_048_576);
        SXSSFWorkbook workbook = new SXSSFWorkbook(10);
        WorkbookSheet sheet = new WorkbookSheet(workbook, new WorkbookSheet.Styles(workbook), "Events",
                List.of(new WorkbookSheet.Column("n", WorkbookSheet.Kind.NUMBER, 8)), 4);
        for (int i = 1; i <= 7; i++) {
            sheet.row(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.dispose();

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(3);
            assertThat(read.getSheetAt(1).getSheetName()).isEqualTo("Events (2)");
            assertThat(read.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("n");
            assertThat(read.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            assertThat(read.getSheetAt(1).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(read.getSheetAt(2).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(7);
        }
    }

    @Test
    void everySheetPrintsLandscapeToOnePageWidthWithItsHeaderOnEveryPage() throws Exception {
        SXSSFWorkbook workbook = new SXSSFWorkbook(10);
        WorkbookSheet.Styles styles = new WorkbookSheet.Styles(workbook);
        WorkbookSheet summary = new WorkbookSheet(workbook, styles, "Summary", List.of(
                new WorkbookSheet.Column("item", WorkbookSheet.Kind.TEXT, 20),
                new WorkbookSheet.Column("value", WorkbookSheet.Kind.TEXT, 20)));
        summary.row("night", LocalDate.of(2019, 11, 13));
        WorkbookSheet queue = new WorkbookSheet(workbook, styles, "Review queue", List.of(
                new WorkbookSheet.Column("pending_since", WorkbookSheet.Kind.DATE, 12),
                new WorkbookSheet.Column("submitted_at", WorkbookSheet.Kind.TIMESTAMP, 26)));
        queue.row(LocalDate.of(2019, 10, 2), OffsetDateTime.parse("2019-10-01T09:15:00+09:00"));
        queue.row(LocalDate.of(2019, 10, 2), OffsetDateTime.parse("2019-10-01T00:15:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.dispose();

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (int i = 0; i < read.getNumberOfSheets(); i++) {
                XSSFSheet sheet = read.getSheetAt(i);
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getRepeatingRows()).hasToString(
                        new org.apache.poi.ss.util.CellRangeAddress(0, 0, -1, -1).toString());
            }
            // the Summary's night is a date cell though its column holds text
            var night = read.getSheet("Summary").getRow(1).getCell(1);
            assertThat(night.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(night)).isTrue();
            assertThat(night.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 11, 13));
            // a timestamp keeps the offset it was delivered with
            var queue1 = read.getSheet("Review queue");
            assertThat(DateUtil.isCellDateFormatted(queue1.getRow(1).getCell(0))).isTrue();
            assertThat(queue1.getRow(1).getCell(1).getStringCellValue()).isEqualTo("2019-10-01T09:15:00+09:00");
            assertThat(queue1.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2019-10-01T00:15:00Z");
        }
    }
}
