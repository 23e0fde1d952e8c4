package jp.refund.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One table of the audit workbook, streamed row by row: a bold frozen header with an
 * auto-filter, printed landscape to one page width with the header repeated on every page,
 * fixed column widths, numbers as numbers, dates as date cells, timestamps as ISO-8601 text
 * with their offset (a spreadsheet date cannot hold one), and text from
 * the input as quote-prefixed text cells so that {@code =HYPERLINK(...)} or {@code @SUM(...)}
 * can never become a formula, not even when a person edits the cell. A table longer than
 * Excel's 1,048,576 rows continues on a sheet named "… (2)".
 */
final class WorkbookSheet {

    /** Kinds of column, each with its cell type and format. */
    enum Kind { TEXT, NUMBER, YEN, DATE, TIMESTAMP }

    record Column(String title, Kind kind, int width) {
    }

    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Timestamps as the feeds give them: {@code 2019-10-01T09:15:00+09:00} (seconds always, {@code Z} for UTC). */
    static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final SXSSFWorkbook workbook;
    private final String name;
    private final List<Column> columns;
    private final Styles styles;
    private final int maxRows;
    private SXSSFSheet sheet;
    private int part;
    private int nextRow;

    /** The cell styles of a workbook, made once. */
    static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle yen;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0"));
            yen = workbook.createCellStyle();
            yen.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }

    WorkbookSheet(SXSSFWorkbook workbook, Styles styles, String name, List<Column> columns) {
        this(workbook, styles, name, columns, MAX_ROWS);
    }

    /** With a lower row limit than Excel's, to see the split without writing a million rows. */
    WorkbookSheet(SXSSFWorkbook workbook, Styles styles, String name, List<Column> columns, int maxRows) {
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = columns;
        this.maxRows = maxRows;
        startSheet();
    }

    private void startSheet() {
        part++;
        sheet = workbook.createSheet(part == 1 ? name : name + " (" + part + ")");
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).title());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        printSetup();
        nextRow = 1;
    }

    /**
     * Printed sensibly: A4 landscape, every column on one page width (as many pages down as the
     * rows need), the header row repeated on every page, grid lines and a page number.
     */
    private void printSetup() {
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setPrintGridlines(true);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.getFooter().setCenter(sheet.getSheetName() + " — &P / &N");
    }

    /**
     * Adds a row; values follow the columns' kinds (String, Number, LocalDate, OffsetDateTime); null is
     * empty. A {@link LocalDate} is a date cell in any column (the Summary's night, under a text heading).
     */
    /** Excel's limit for one cell; POI refuses a longer text (and the night could not publish). */
    static final int MAX_CELL_TEXT = 32_767;

    /**
     * Text as a cell can hold it: a longer one (a rejected 40,000-character line, say) is cut
     * and says so; the CSV files keep it whole.
     */
    static String cellText(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        String note = " … [cut: " + text.length() + " characters; whole in the CSV file]";
        int keep = MAX_CELL_TEXT - note.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never half a character
        }
        return text.substring(0, keep) + note;
    }

    void row(Object... values) {
        if (nextRow >= maxRows) {
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
                continue;
            }
            switch (columns.get(i).kind()) {
                case TEXT -> {
                    cell.setCellValue(cellText(v.toString()));
                    cell.setCellStyle(styles.text);
                }
                case NUMBER -> {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(styles.number);
                }
                case YEN -> {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(styles.yen);
                }
                case DATE -> {
                    cell.setCellValue((LocalDate) v);
                    cell.setCellStyle(styles.date);
                }
                case TIMESTAMP -> {
                    // a spreadsheet date has no offset: ISO-8601 text with the offset as delivered
                    cell.setCellValue(TIMESTAMP_TEXT.format((OffsetDateTime) v));
                    cell.setCellStyle(styles.text);
                }
            }
        }
    }

    /** An empty row, to separate tables on one sheet. */
    void gap() {
        nextRow++;
    }

    /** A bold line inside the sheet, as the title of the next table. */
    void title(String... titles) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header);
        }
    }
}
