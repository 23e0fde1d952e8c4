package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookSheetTest {

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
}
