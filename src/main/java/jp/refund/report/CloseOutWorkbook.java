package jp.refund.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.refund.shared.OutputFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The close-out's workbook (SPEC section 10): one sheet per table of the statement, printed
 * and protected like the audit workbook (A4 landscape, header rows repeated, text cells never
 * formulas), dated by the close-out date, the same bytes for the same book.
 */
public final class CloseOutWorkbook {

    static {
        PoiScratch.ownFolder();
    }

    /** One sheet: its columns and rows; a column is figures (yen with separators) when {@code yen}. */
    public record Sheet(String name, List<String> columns, List<Boolean> yen, List<List<Object>> rows) {
    }

    private CloseOutWorkbook() {
    }

    public static void write(Path target, LocalDate date, String title, List<Sheet> sheets) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Date created = Date.from(date.atStartOfDay(ZoneOffset.ofHours(9)).toInstant());
            var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setCreated(Optional.of(created));
            core.setModified(Optional.of(created));
            core.setCreator("refund-batch");
            core.setTitle(title);
            WorkbookSheet.Styles styles = new WorkbookSheet.Styles(workbook);
            for (Sheet s : sheets) {
                List<WorkbookSheet.Column> columns = new ArrayList<>();
                for (int i = 0; i < s.columns().size(); i++) {
                    boolean figures = s.rows().stream().anyMatch(r -> r.get(columns.size()) instanceof Number);
                    WorkbookSheet.Kind kind = !figures ? WorkbookSheet.Kind.TEXT
                            : s.yen().get(i) ? WorkbookSheet.Kind.YEN : WorkbookSheet.Kind.NUMBER;
                    columns.add(new WorkbookSheet.Column(s.columns().get(i), kind, figures ? 16 : 34));
                }
                WorkbookSheet sheet = new WorkbookSheet(workbook, styles, s.name(), columns);
                s.rows().forEach(r -> sheet.row(r.toArray()));
            }
            Path raw = Files.createTempFile(Files.createDirectories(target.getParent()), ".closeout", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(raw)) {
                    workbook.write(out);
                }
                OutputFile.write(target, out -> AuditWorkbook.normalizeZip(raw, out, created.getTime()));
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            workbook.dispose();
        }
    }
}
