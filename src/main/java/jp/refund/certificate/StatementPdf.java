package jp.refund.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A signed statement on one A4 page, as PDF/A-2b with the certificates' embedded Japanese
 * font (the close-out's statement for the finance director and the regulator): a title, a
 * few lines of context, tables with right-aligned figures, notes, and boxes for signatures
 * or seals. The bytes depend on the content and the date given alone.
 */
public final class StatementPdf {

    /** A table: column headings, rows, and which columns are figures (right-aligned). */
    public record Table(String heading, List<String> columns, List<Float> widths, List<Boolean> figures,
                        List<List<String>> rows, int boldLastRows) {
    }

    /** Everything the page shows. */
    public record Statement(String title, String englishTitle, List<String> context, List<Table> tables,
                            List<String> notes, List<String> signatureBoxes, LocalDate dated, long documentId) {
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 48;
    private static final String PRODUCER = "refund-batch";

    private final CertificateFont fonts = new CertificateFont();

    public byte[] render(Statement s) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fonts.font(), true);
            doc.setDocumentId(s.documentId());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(s.title());
            info.setSubject(s.englishTitle());
            info.setProducer(PRODUCER);
            Calendar dated = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.ofHours(9)), Locale.ROOT);
            dated.clear();
            dated.set(s.dated().getYear(), s.dated().getMonthValue() - 1, s.dated().getDayOfMonth());
            info.setCreationDate(dated);
            info.setModificationDate(dated);
            PdfA2b.declare(doc, s.title(), s.englishTitle(), PRODUCER, s.dated());
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                new Page(content, font).draw(s);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(60_000);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render " + s.englishTitle() + ": " + e.getMessage(), e);
        }
    }

    private final class Page {
        private final PDPageContentStream content;
        private final PDType0Font font;
        private final float width = PAGE.getWidth();
        private float y = PAGE.getHeight() - MARGIN;

        Page(PDPageContentStream content, PDType0Font font) {
            this.content = content;
            this.font = font;
        }

        void draw(Statement s) throws IOException {
            content.setLineWidth(1.2f);
            content.addRect(MARGIN - 16, MARGIN - 16, width - 2 * (MARGIN - 16), PAGE.getHeight() - 2 * (MARGIN - 16));
            content.stroke();
            y -= 22;
            centered(s.title(), 18, y);
            y -= 16;
            centered(s.englishTitle(), 9.5f, y);
            y -= 12;
            content.setLineWidth(0.8f);
            line(MARGIN, y, width - MARGIN, y);
            y -= 16;
            for (String line : s.context()) {
                for (String part : wrap(line, 8.5f)) {
                    text(part, 8.5f, MARGIN, y);
                    y -= 12.5f;
                }
            }
            for (Table t : s.tables()) {
                y -= 10;
                table(t);
            }
            y -= 8;
            for (String note : s.notes()) {
                for (String part : wrap(note, 7.5f)) {
                    text(part, 7.5f, MARGIN, y);
                    y -= 11;
                }
            }
            signatures(s.signatureBoxes());
        }

        private void table(Table t) throws IOException {
            text(t.heading(), 10, MARGIN, y);
            y -= 6;
            float rowHeight = 15;
            float tableWidth = t.widths().stream().reduce(0f, Float::sum);
            float x0 = MARGIN;
            content.setLineWidth(0.8f);
            line(x0, y, x0 + tableWidth, y);
            y -= rowHeight;
            row(t, t.columns(), x0, 7.5f);
            content.setLineWidth(0.5f);
            line(x0, y - 4, x0 + tableWidth, y - 4);
            for (int i = 0; i < t.rows().size(); i++) {
                y -= rowHeight;
                boolean bold = i >= t.rows().size() - t.boldLastRows();
                if (bold && i == t.rows().size() - t.boldLastRows()) {
                    content.setLineWidth(0.8f);
                    line(x0, y + rowHeight - 4, x0 + tableWidth, y + rowHeight - 4);
                }
                row(t, t.rows().get(i), x0, bold ? 8.5f : 8);
            }
            content.setLineWidth(0.8f);
            line(x0, y - 5, x0 + tableWidth, y - 5);
            y -= 14;
        }

        private void row(Table t, List<String> cells, float x0, float size) throws IOException {
            float x = x0;
            for (int c = 0; c < cells.size(); c++) {
                float w = t.widths().get(c);
                String cell = cells.get(c) == null ? "" : cells.get(c);
                if (t.figures().get(c)) {
                    text(cell, size, x + w - 4 - fonts.width(cell, size), y);
                } else {
                    text(cell, size, x + 4, y);
                }
                x += w;
            }
        }

        private void signatures(List<String> boxes) throws IOException {
            float gap = 14;
            float boxWidth = (width - 2 * MARGIN - gap * (boxes.size() - 1)) / boxes.size();
            float top = Math.min(y - 6, MARGIN + 120);
            float bottom = MARGIN;
            for (int i = 0; i < boxes.size(); i++) {
                float x = MARGIN + i * (boxWidth + gap);
                content.setLineWidth(0.8f);
                content.addRect(x, bottom, boxWidth, top - bottom);
                content.stroke();
                content.setLineWidth(0.4f);
                line(x, top - 18, x + boxWidth, top - 18);
                text(boxes.get(i), 8, x + 6, top - 13);
                text("氏名 Name", 7, x + 6, bottom + 44);
                line(x + 48, bottom + 42, x + boxWidth - 50, bottom + 42);
                text("日付 Date", 7, x + 6, bottom + 14);
                line(x + 48, bottom + 12, x + boxWidth - 50, bottom + 12);
                content.addRect(x + boxWidth - 44, bottom + 8, 38, 38); // room for the seal (印)
                content.stroke();
                text("印", 7, x + boxWidth - 28, bottom + 24);
            }
        }

        /** Lines that fit between the margins, broken at a space where there is one, else at a character. */
        private List<String> wrap(String text, float size) {
            float max = width - 2 * MARGIN;
            List<String> lines = new java.util.ArrayList<>();
            String rest = text;
            while (fonts.width(rest, size) > max) {
                int cut = rest.length();
                while (cut > 1 && fonts.width(rest.substring(0, cut), size) > max) {
                    cut--;
                }
                int space = rest.lastIndexOf(' ', cut);
                int at = space > cut / 2 ? space : cut;
                lines.add(rest.substring(0, at));
                rest = rest.substring(at).strip();
            }
            lines.add(rest);
            return lines;
        }

        private void text(String s, float size, float x, float y) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(s);
            content.endText();
        }

        private void centered(String s, float size, float y) throws IOException {
            text(s, size, (width - fonts.width(s, size)) / 2, y);
        }

        private void line(float x1, float y1, float x2, float y2) throws IOException {
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        }
    }
}
