package jp.refund.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class CertificateRendererTest {

    private static final CertificateRenderer RENDERER = new CertificateRenderer(
            new CertificateIssuer("ウォレット残高払戻事務局", "お問い合わせ 0120-000-000（平日 9:00〜18:00）"));

    static final PayoutCertificate SUZUKI = new PayoutCertificate("P1000000016", "1000000040", "鈴木 一郎", "5300001",
            "大阪府大阪市北区梅田1-1-1", 8000, LocalDate.of(2019, 11, 15), LocalDate.of(2020, 5, 15));

    static final PayoutCertificate RARE = new PayoutCertificate("P1000000024", "1000000123",
            "髙橋 﨑子 ジョナサン・アレクサンダー・ウィリアムズ・ヴァンダービルト", "0600001",
            "北海道札幌市中央区北一条西四丁目一番地二号 札幌グランドセントラルタワーレジデンス南棟三十二階三二〇五号室 気付 "
                    + "株式会社ながいながいなまえのかいしゃ 総務部 御中 （長い住所の折り返し確認用） 𡈽屋 𠮷野方", 1_234_567,
            LocalDate.of(2019, 12, 30), LocalDate.of(2020, 6, 30));

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theCertificateSaysToWhomWhereHowMuchAndUntilWhen() throws IOException {
        String text = text(RENDERER.render(SUZUKI)).replace("\r", "");
        assertThat(text).contains("払出証書", "P1000000016", "1000000040", "鈴木 一郎 様", "〒530-0001",
                "大阪府大阪市北区梅田1-1-1", "※金8,000円也※", "2019年11月15日", "2020年5月15日",
                "ゆうちょ銀行または郵便局の窓口", "写真付きの本人確認書類", "ウォレット残高払戻事務局");
    }

    @Test
    void theAmountLeavesNoGapToWriteIntoAndThePageHasBoxesForTheSealAndTheDateStamp() throws IOException {
        String text = text(RENDERER.render(SUZUKI)).replace("\r", "");
        assertThat(CertificateRenderer.amountAsPrinted(1_234_567)).isEqualTo("※金1,234,567円也※");
        assertThat(text).contains("※金8,000円也※").doesNotContain("金 8").doesNotContain("8,000 円");
        assertThat(text).contains("受取人 署名または押印", "Payee's signature or seal", "受付日付印",
                "Counter's date stamp");
    }

    @Test
    void theQrCodeDecodesToTheCertificateNumber() throws Exception {
        try (PDDocument doc = Loader.loadPDF(RENDERER.render(SUZUKI))) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("P1000000016");
        }
    }

    @Test
    void twoRendersAreByteIdentical() {
        assertThat(RENDERER.render(SUZUKI)).isEqualTo(RENDERER.render(SUZUKI));
        assertThat(new CertificateRenderer(new CertificateIssuer("ウォレット残高払戻事務局",
                "お問い合わせ 0120-000-000（平日 9:00〜18:00）")).render(RARE)).isEqualTo(RENDERER.render(RARE));
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndTheDocumentCarriesNoClockTime() throws IOException {
        byte[] pdf = RENDERER.render(SUZUKI);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant().toString())
                    .isEqualTo("2019-11-14T15:00:00Z");
        }
        assertThat(pdf.length).as("bytes of one certificate").isLessThanOrEqualTo(35_000);
    }

    @Test
    void rareKanjiAndLongNamesAndAddressesStayInsideThePage() throws IOException {
        byte[] pdf = RENDERER.render(RARE);
        String text = text(pdf).replace("\n", "").replace("\r", "");
        assertThat(text).contains("髙橋", "﨑子", "ヴァンダービルト", "三二〇五号室", "（長い住所の折り返し確認用）");
        // 𡈽 is in IPAex Gothic; 𠮷 is not: it is printed as the missing-glyph mark, never as nothing
        assertThat(text).contains("𡈽屋 〓野方");
        List<TextPosition> positions = positions(pdf);
        assertThat(positions).isNotEmpty();
        for (TextPosition p : positions) {
            assertThat(p.getXDirAdj()).as(p.getUnicode()).isGreaterThanOrEqualTo(CertificateRenderer.MARGIN - 12);
            assertThat(p.getXDirAdj() + p.getWidthDirAdj()).as(p.getUnicode())
                    .isLessThanOrEqualTo(CertificateRenderer.PAGE.getWidth() - CertificateRenderer.MARGIN + 1);
            // y from the top of the page: every baseline inside the printed outer frame
            assertThat(p.getYDirAdj() - p.getHeightDir()).as(p.getUnicode())
                    .isGreaterThanOrEqualTo(CertificateRenderer.MARGIN - 12);
            assertThat(p.getYDirAdj()).as(p.getUnicode())
                    .isLessThanOrEqualTo(CertificateRenderer.PAGE.getHeight() - (CertificateRenderer.MARGIN - 12));
        }
    }

    private static List<TextPosition> positions(byte[] pdf) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> textPositions) {
                    all.addAll(textPositions);
                }
            };
            stripper.getText(doc);
        }
        return all;
    }
}
