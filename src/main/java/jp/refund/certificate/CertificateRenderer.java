package jp.refund.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one A4 payout certificate (払出証書) with Apache PDFBox: title, certificate
 * number, payee, mailing address, amount (※金8,000円也※: nothing can be written in),
 * issue and valid-until dates, instructions, issuer, a QR code of the certificate number,
 * and boxes for the payee's signature or seal and the counter's date stamp. The font is
 * embedded as a subset; the document is PDF/A-2b ({@link PdfA2b}).
 *
 * <p>Same certificate, same bytes: the document id and dates come from the certificate,
 * never from the clock. Long names and addresses are set smaller and wrapped to stay in
 * their boxes; what does not fit even so stops the night rather than being cut.
 */
public class CertificateRenderer {

    private static final Logger log = LoggerFactory.getLogger(CertificateRenderer.class);

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 48;
    /** Printed where the font has no glyph for a character (〓, the printer's mark for it). */
    static final String MISSING_GLYPH = "〓";
    /**
     * Letter spacing of the title, in points at 30 pt. The title used to be spread with
     * ideographic spaces (払　出　証　書), which a text search or a screen reader sees as four
     * words; a small character spacing keeps it one word, 払出証書, when text is extracted.
     */
    static final float TITLE_SPACING = 2;
    /** Width of each receipt box (signature or seal; date stamp): room for a 30 mm round stamp. */
    static final float RECEIPT_BOX_WIDTH = 112;

    /** How a document gets its font: the parsed font of the thread, or (for comparison) the file every time. */
    interface FontLoading {
        PDType0Font load(PDDocument doc, CertificateFont fonts) throws IOException;

        FontLoading PARSED_ONCE_PER_THREAD = (doc, fonts) -> PDType0Font.load(doc, fonts.font(), true);
        FontLoading FILE_PER_DOCUMENT = (doc, fonts) -> PDType0Font.load(doc, CertificateFont.stream(), true);
    }

    /**
     * Deflate level of the PDF streams (PDFBox's own setting, a system property it reads for every
     * stream). Level 1 instead of zlib's default 6: deflate was a large share of a certificate's
     * time, and level 1 renders more certificates per second for slightly larger files (figures:
     * docs/benchmarks/2026-12-07-figures-from-code-comments.md).
     * An operator's {@code -Dorg.apache.pdfbox.filter.deflatelevel=N} is left as given.
     */
    static final String DEFLATE_LEVEL = "1";

    static {
        if (System.getProperty(Filter.SYSPROP_DEFLATELEVEL) == null) {
            System.setProperty(Filter.SYSPROP_DEFLATELEVEL, DEFLATE_LEVEL);
        }
    }

    private final CertificateFont fonts;
    private final CertificateIssuer issuer;
    private final FontLoading fontLoading;

    public CertificateRenderer(CertificateIssuer issuer) {
        this(issuer, FontLoading.PARSED_ONCE_PER_THREAD);
    }

    CertificateRenderer(CertificateIssuer issuer, FontLoading fontLoading) {
        this.fonts = new CertificateFont();
        this.issuer = issuer;
        this.fontLoading = fontLoading;
    }

    public byte[] render(PayoutCertificate c) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = fontLoading.load(doc, fonts);
            document(doc, c);
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                new Layout(content, font, c).draw();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(40_000);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render certificate " + c.certificateNo() + ": " + e.getMessage(), e);
        }
    }

    /** The title, as printed (letter-spaced) and as the document's metadata: 払出証書. */
    static final String TITLE = "払出証書";

    /**
     * Document information and XMP metadata, both from the certificate alone (no clock): the
     * title, the numbers, the issue date as creation and modification date, and the PDF/A-2b
     * declaration with its sRGB output intent.
     */
    private static void document(PDDocument doc, PayoutCertificate c) throws IOException {
        doc.setDocumentId(Long.parseLong(c.certificateNo().substring(1)));
        String description = "Payout certificate " + c.certificateNo() + " for claim " + c.claimNo();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(TITLE);
        info.setSubject(description);
        info.setProducer(PRODUCER);
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.ofHours(9)), Locale.ROOT);
        issued.clear();
        issued.set(c.issueDate().getYear(), c.issueDate().getMonthValue() - 1, c.issueDate().getDayOfMonth());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        PdfA2b.declare(doc, TITLE, description, PRODUCER, c.issueDate());
    }

    private static final String PRODUCER = "refund-batch";

    /** Replaces characters the font cannot draw, so a certificate never silently shows nothing. */
    String drawable(String text, PayoutCertificate c) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (fonts.canDraw(cp) || Character.isWhitespace(cp)) {
                out.appendCodePoint(cp);
            } else {
                log.warn("certificate {}: the font has no glyph for U+{} in '{}'; printed as {}", c.certificateNo(),
                        Integer.toHexString(cp).toUpperCase(Locale.ROOT), text, MISSING_GLYPH);
                out.append(MISSING_GLYPH);
            }
        });
        return out.toString();
    }

    static String japaneseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    /**
     * The amount as a cheque writes it, so that nothing can be added: ※ before and after,
     * 金 right before the first digit and 円也 right after the last, no space in between
     * ({@code ※金8,000円也※}).
     */
    public static String amountAsPrinted(long amount) {
        return "※金" + yen(amount) + "円也※";
    }

    /** Where everything goes on the page. Coordinates are PDF points from the lower-left corner. */
    private final class Layout {

        private final PDPageContentStream content;
        private final PDType0Font font;
        private final PayoutCertificate c;
        private final float width = PAGE.getWidth();
        private final float height = PAGE.getHeight();

        Layout(PDPageContentStream content, PDType0Font font, PayoutCertificate c) {
            this.content = content;
            this.font = font;
            this.c = c;
        }

        void draw() throws IOException {
            frame();
            title();
            numberAndCode();
            payee();
            amount();
            dates();
            instructions();
            issuerBlock();
        }

        private void frame() throws IOException {
            content.setLineWidth(1.5f);
            content.addRect(MARGIN - 12, MARGIN - 12, width - 2 * (MARGIN - 12), height - 2 * (MARGIN - 12));
            content.stroke();
            content.setLineWidth(0.5f);
            content.addRect(MARGIN - 8, MARGIN - 8, width - 2 * (MARGIN - 8), height - 2 * (MARGIN - 8));
            content.stroke();
        }

        private void title() throws IOException {
            spaced(TITLE, 30, TITLE_SPACING, height - 100);
            centered("PAYOUT CERTIFICATE", 10, height - 118);
        }

        private void numberAndCode() throws IOException {
            float right = width - MARGIN;
            text("証書番号 Certificate No.", 9, MARGIN, height - 160);
            text(c.certificateNo(), 16, MARGIN, height - 180);
            text("請求番号 Claim No. " + c.claimNo(), 9, MARGIN, height - 198);
            QrCode.draw(content, c.certificateNo(), right - 84, height - 206, 84);
            text("証書番号の QR コード", 7, right - 84, height - 216);
        }

        private void payee() throws IOException {
            float left = MARGIN;
            float boxWidth = width - 2 * MARGIN;
            float top = height - 240;
            text("〒" + c.postalCodeWithHyphen(), 12, left, top - 14);
            // address: up to 56 pt of height, wrapped, set smaller before anything is cut
            fit(drawable(c.address(), c), left, top - 22, boxWidth, 56, 12, 7, "address");
            // name: one or two lines, 20 pt down to 9 pt
            fit(drawable(c.recipientName(), c) + " 様", left, top - 84, boxWidth, 48, 20, 9, "payee name");
            content.setLineWidth(0.5f);
            line(left, top - 136, left + boxWidth, top - 136);
        }

        private void amount() throws IOException {
            float top = height - 392;
            content.setLineWidth(1.2f);
            content.addRect(MARGIN, top - 64, width - 2 * MARGIN, 64);
            content.stroke();
            text("お支払金額  Amount", 10, MARGIN + 12, top - 20);
            String amount = amountAsPrinted(c.amountYen());
            float size = 26;
            text(amount, size, width - MARGIN - 16 - width(amount, size), top - 50);
        }

        private void dates() throws IOException {
            float top = height - 478;
            String[][] rows = {
                    {"発行日  Issue date", japaneseDate(c.issueDate()) + "  (" + c.issueDate() + ")"},
                    {"有効期限  Valid until", japaneseDate(c.validUntil()) + "  (" + c.validUntil() + ")"},
            };
            for (int i = 0; i < rows.length; i++) {
                float y = top - 20 - i * 24;
                text(rows[i][0], 11, MARGIN + 12, y);
                text(rows[i][1], 13, MARGIN + 170, y);
                line(MARGIN, y - 8, width - MARGIN, y - 8);
            }
        }

        private void instructions() throws IOException {
            float top = height - 550;
            text("受け取り方法  How to receive your refund", 11, MARGIN, top - 14);
            String jp = "この証書と写真付きの本人確認書類（運転免許証、マイナンバーカード、パスポートなど）を、"
                    + "有効期限までにゆうちょ銀行または郵便局の窓口へお持ちください。記載の金額を現金でお支払いします。"
                    + "名義人ご本人のみ、有効期限内に限り受け取れます。";
            float y = fitAt(jp, MARGIN, top - 22, width - 2 * MARGIN, 48, 10.5f, 8, "instructions");
            String en = "Bring this certificate and a photo ID (driver's license, My Number card, passport) to a "
                    + "Japan Post Bank or post office counter before " + c.validUntil() + " to receive the amount "
                    + "in cash. Only the named payee can receive it; an expired certificate cannot be used.";
            fitAt(en, MARGIN, y - 6, width - 2 * MARGIN, 40, 9, 7, "instructions");
        }

        /** Issuer on the left; on the right the payee's signature or seal and the counter's date stamp. */
        private void issuerBlock() throws IOException {
            float boxTop = MARGIN + 108;
            float boxBottom = MARGIN + 8;
            line(MARGIN, boxTop + 10, width - MARGIN, boxTop + 10);
            float right = width - MARGIN;
            receiptBox(right - RECEIPT_BOX_WIDTH, boxTop, boxBottom, "受取人 署名または押印",
                    "Payee's signature or seal");
            receiptBox(right - 2 * RECEIPT_BOX_WIDTH - 10, boxTop, boxBottom, "受付日付印", "Counter's date stamp");
            float issuerWidth = right - 2 * RECEIPT_BOX_WIDTH - 10 - 16 - MARGIN;
            text("発行者  Issuer", 9, MARGIN, boxTop - 10);
            float y = fitAt(issuer.name(), MARGIN, boxTop - 16, issuerWidth, 36, 13, 8, "issuer name");
            fitAt(issuer.contact(), MARGIN, y - 6, issuerWidth, 36, 9, 6, "issuer contact");
            text(c.certificateNo() + " / " + c.claimNo(), 7, MARGIN, MARGIN - 2);
        }

        private void receiptBox(float x, float top, float bottom, String label, String english) throws IOException {
            content.setLineWidth(0.8f);
            content.addRect(x, bottom, RECEIPT_BOX_WIDTH, top - bottom);
            content.stroke();
            content.setLineWidth(0.5f);
            line(x, top - 24, x + RECEIPT_BOX_WIDTH, top - 24);
            centeredIn(label, 8, x, RECEIPT_BOX_WIDTH, top - 11);
            centeredIn(english, 6.5f, x, RECEIPT_BOX_WIDTH, top - 20);
        }

        // --- drawing helpers -------------------------------------------------------------

        private void text(String s, float size, float x, float y) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(s);
            content.endText();
        }

        /** Centered with extra space between the letters (character spacing, not space characters). */
        private void spaced(String s, float size, float spacing, float y) throws IOException {
            int letters = s.codePointCount(0, s.length());
            float w = width(s, size) + spacing * (letters - 1);
            content.beginText();
            content.setFont(font, size);
            content.setCharacterSpacing(spacing);
            content.newLineAtOffset((width - w) / 2, y);
            content.showText(s);
            content.setCharacterSpacing(0);
            content.endText();
        }

        private void centeredIn(String s, float size, float x, float boxWidth, float y) throws IOException {
            text(s, size, x + (boxWidth - width(s, size)) / 2, y);
        }

        private void centered(String s, float size, float y) throws IOException {
            text(s, size, (width - width(s, size)) / 2, y);
        }

        private void line(float x1, float y1, float x2, float y2) throws IOException {
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        }

        /** Wraps {@code s} into a box whose top is {@code top}, at the largest size that fits. */
        private void fit(String s, float x, float top, float boxWidth, float boxHeight, float maxSize,
                         float minSize, String what) throws IOException {
            fitAt(s, x, top, boxWidth, boxHeight, maxSize, minSize, what);
        }

        /** As {@link #fit}; returns the baseline of the last line drawn. */
        private float fitAt(String s, float x, float top, float boxWidth, float boxHeight, float maxSize,
                            float minSize, String what) throws IOException {
            for (float size = maxSize; size >= minSize; size -= 0.5f) {
                float leading = size * 1.35f;
                List<String> lines = wrap(s, size, boxWidth);
                if (lines.size() * leading <= boxHeight + 0.01f) {
                    float y = top - size;
                    for (String line : lines) {
                        text(line, size, x, y);
                        y -= leading;
                    }
                    return y + leading - size * 0.35f;
                }
            }
            throw new IllegalStateException("certificate " + c.certificateNo() + ": the " + what
                    + " does not fit on the certificate even at " + minSize + " pt: " + s);
        }

        /** Breaks between words where there are spaces, anywhere in Japanese text; a word too long for a line is broken too. */
        private List<String> wrap(String s, float size, float boxWidth) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int i = 0;
            while (i < s.length()) {
                int end = i + Character.charCount(s.codePointAt(i));
                if (s.charAt(i) < 0x2E80 && s.charAt(i) != ' ') { // Latin: take the whole word
                    while (end < s.length() && s.charAt(end) < 0x2E80 && s.charAt(end) != ' ') {
                        end++;
                    }
                }
                String piece = s.substring(i, end);
                float pieceWidth = width(piece, size);
                if (pieceWidth > boxWidth && piece.length() > 1) { // a word longer than a line: one character at a time
                    end = i + Character.charCount(s.codePointAt(i));
                    piece = s.substring(i, end);
                    pieceWidth = width(piece, size);
                }
                if (line.length() > 0 && lineWidth + pieceWidth > boxWidth) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lineWidth = 0;
                    if (piece.equals(" ")) {
                        i = end;
                        continue;
                    }
                }
                line.append(piece);
                lineWidth += pieceWidth;
                i = end;
            }
            if (line.length() > 0) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        private float width(CharSequence s, float size) {
            return fonts.width(s, size);
        }
    }
}
