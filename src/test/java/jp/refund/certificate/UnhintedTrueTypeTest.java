package jp.refund.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class UnhintedTrueTypeTest {

    private static byte[] shipped() throws IOException {
        try (InputStream in = UnhintedTrueTypeTest.class.getResourceAsStream(CertificateFont.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyGlyphKeepsItsOutlineAndWidthAndLosesItsInstructions() throws IOException {
        byte[] original = shipped();
        byte[] stripped = UnhintedTrueType.strip(original);
        try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
             TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(stripped))) {
            assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
            for (int gid = 0; gid < before.getNumberOfGlyphs(); gid++) {
                GlyphData was = before.getGlyph().getGlyph(gid);
                GlyphData is = after.getGlyph().getGlyph(gid);
                if (was == null) {
                    assertThat(is).as("glyph %d", gid).isNull();
                    continue;
                }
                Rectangle2D wasBounds = was.getPath().getBounds2D();
                assertThat(is.getPath().getBounds2D()).as("outline of glyph %d", gid).isEqualTo(wasBounds);
                assertThat(is.getDescription().getPointCount()).isEqualTo(was.getDescription().getPointCount());
                assertThat(after.getAdvanceWidth(gid)).isEqualTo(before.getAdvanceWidth(gid));
            }
            assertThat(instructionBytes(before)).isGreaterThan(1_000_000);
            assertThat(instructionBytes(after)).isZero();
            int 山 = before.getUnicodeCmapLookup().getGlyphId('山');
            assertThat(after.getUnicodeCmapLookup().getGlyphId('山')).isEqualTo(山).isPositive();
        }
        assertThat(stripped.length).isLessThan(original.length);
    }

    /** Instruction bytes of the simple glyphs, read from the glyf table itself. */
    private static long instructionBytes(TrueTypeFont font) throws IOException {
        java.nio.ByteBuffer glyf = java.nio.ByteBuffer.wrap(font.getTableBytes(font.getGlyph()));
        long[] offsets = font.getIndexToLocation().getOffsets();
        long bytes = 0;
        for (int gid = 0; gid + 1 < offsets.length; gid++) {
            if (offsets[gid + 1] > offsets[gid]) {
                int contours = glyf.getShort((int) offsets[gid]);
                if (contours >= 0) { // a simple glyph: the instruction length follows the contour end points
                    bytes += Short.toUnsignedInt(glyf.getShort((int) offsets[gid] + 10 + 2 * contours));
                }
            }
        }
        return bytes;
    }
}
