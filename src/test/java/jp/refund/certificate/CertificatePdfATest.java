package jp.refund.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.Test;

/** Certificates as PDF/A-2b, checked by veraPDF: what a post-office counter and an archive accept. */
class CertificatePdfATest {

    private static final CertificateRenderer RENDERER = new CertificateRenderer(
            new CertificateIssuer("ウォレット残高払戻事務局", "お問い合わせ 0120-000-000（平日 9:00〜18:00）"));

    @Test
    void everyCertificateOfASampleIsPdfA2b() {
        // the benchmark's names and addresses (kanji of both forms, long addresses) and the two test payees
        for (int i = 0; i < 12; i++) {
            int serial = 100_000_001 + i;
            PayoutCertificate c = new PayoutCertificate(jp.refund.claim.SerialNumber.CERTIFICATE_NUMBER.of(serial),
                    jp.refund.claim.SerialNumber.CLAIM_NUMBER.of(serial),
                    CertificateBenchmark.SAMPLE_NAMES[i % CertificateBenchmark.SAMPLE_NAMES.length], "1000001",
                    CertificateBenchmark.SAMPLE_ADDRESSES[i % CertificateBenchmark.SAMPLE_ADDRESSES.length],
                    1000 + 997L * i, LocalDate.of(2019, 11, 15), LocalDate.of(2020, 5, 15));
            assertThat(VeraPdf.pdfA2bFailures(RENDERER.render(c))).as(c.certificateNo()).isEmpty();
        }
        assertThat(VeraPdf.pdfA2bFailures(RENDERER.render(CertificateRendererTest.SUZUKI))).isEmpty();
        assertThat(VeraPdf.pdfA2bFailures(RENDERER.render(CertificateRendererTest.RARE))).isEmpty();
    }

    @Test
    void theValidatorRejectsAPlainPdfBoxDocument() throws Exception {
        // what PDFBox writes by default, even with the font embedded: no XMP metadata, no output intent
        byte[] plain;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, CertificateFont.stream(), true);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 20);
                content.newLineAtOffset(72, 700);
                content.showText("払出証書");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            plain = out.toByteArray();
        }
        assertThat(VeraPdf.pdfA2bFailures(plain)).anyMatch(f -> f.startsWith("6.6.2.1-1:"))
                .anyMatch(f -> f.startsWith("6.2.4.3-4:"));
    }

    @Test
    void theMetadataDeclaresPdfA2bWithTheTitleAndAnSrgbOutputIntent() throws Exception {
        try (PDDocument doc = Loader.loadPDF(RENDERER.render(CertificateRendererTest.SUZUKI))) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<rdf:li xml:lang=\"x-default\">払出証書</rdf:li>",
                    "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<xmp:CreateDate>2019-11-15T00:00:00+09:00</xmp:CreateDate>", "P1000000016");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("払出証書");
            PDOutputIntent intent = doc.getDocumentCatalog().getOutputIntents().get(0);
            assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
            try (var icc = intent.getDestOutputIntent().createInputStream()) {
                assertThat(icc.readAllBytes()).hasSize(6922);
            }
        }
    }
}
