package jp.refund.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a certificate a PDF/A-2b document (ISO 19005-2, level B), which a post-office
 * counter and an archive accept: XMP metadata that names the conformance, and an sRGB output
 * intent, so that every colour on the page (gray, DeviceGray) has a defined meaning. Fonts
 * are embedded by the renderer; nothing on the page is transparent.
 *
 * <p>Deterministic: the metadata holds only what the certificate says (title, number, issue
 * date); the ICC profile is a file of the jar.
 */
final class PdfA2b {

    /** sRGB, v2 display profile from Debian's icc-profiles-free (zlib licence, see {@code icc/}). */
    static final String ICC_PROFILE = "/icc/sRGB.icc";
    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";

    private static final byte[] SRGB = load();
    /** The profile deflated once (it is the same in every certificate), at zlib's best level. */
    private static final byte[] SRGB_DEFLATED = deflate(SRGB);

    private PdfA2b() {
    }

    /** Adds the XMP metadata and the output intent to the document's catalogue. */
    static void declare(PDDocument doc, String title, String description, String producer, LocalDate created)
            throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(title, description, producer, created).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(outputIntent(doc));
        intent.setInfo(OUTPUT_CONDITION);
        intent.setOutputCondition(OUTPUT_CONDITION);
        intent.setOutputConditionIdentifier(OUTPUT_CONDITION);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /**
     * The output intent with the profile's bytes as shipped. PDFBox's own constructor reads the
     * profile through {@code java.awt.color.ICC_Profile} and embeds what that writes back, which
     * differs from the file (and could differ between JDKs): not what a deterministic document wants.
     */
    private static COSDictionary outputIntent(PDDocument doc) throws IOException {
        COSStream profile = doc.getDocument().createCOSStream();
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_DEFLATED);
        }
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        profile.setInt(COSName.N, 3);
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        intent.setItem(COSName.S, COSName.GTS_PDFA1);
        intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        return intent;
    }

    /**
     * The XMP packet, written out rather than built: a fixed text with the certificate's values,
     * the same bytes every time. The dates are the issue date at midnight JST, as in the
     * document information dictionary.
     */
    static String xmp(String title, String description, String producer, LocalDate created) {
        String date = created + "T00:00:00+09:00";
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(description)
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <pdf:Producer>" + escape(producer) + "</pdf:Producer>\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"r\"?>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] load() {
        try (InputStream in = PdfA2b.class.getResourceAsStream(ICC_PROFILE)) {
            if (in == null) {
                throw new IllegalStateException("ICC profile " + ICC_PROFILE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
