package jp.refund.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * IPAex Gothic, shipped in the jar (IPA Font License, see {@code fonts/}). The file is
 * read once; each rendering thread parses its own {@link TrueTypeFont} once and keeps it,
 * because parsing per document is what makes certificate rendering slow, and a
 * TrueTypeFont is not promised to be thread-safe.
 *
 * <p>GSUB (glyph substitution) is switched off: it costs much of the time of a document
 * and changes nothing for horizontal Japanese text (figure: docs/benchmarks/2026-12-07-figures-from-code-comments.md).
 */
final class CertificateFont {

    static final String RESOURCE = "/fonts/ipaexg.ttf";

    private static final byte[] BYTES = load();
    /** What certificates embed: the same outlines without hinting programs (see {@link UnhintedTrueType}). */
    private static final byte[] PRINT_BYTES = UnhintedTrueType.strip(BYTES);

    private final ThreadLocal<Metrics> perThread = ThreadLocal.withInitial(() -> new Metrics(parse()));

    /** A thread's parsed font with its character look-up and advance widths, cached as they are asked for. */
    private static final class Metrics {
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        final float scaling;
        final Map<Integer, Integer> advances = new HashMap<>();

        Metrics(TrueTypeFont ttf) {
            try {
                this.ttf = ttf;
                this.cmap = ttf.getUnicodeCmapLookup();
                this.scaling = 1000f / ttf.getHeader().getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Advance width in 1/1000 em, rounded as PDFBox writes it to the PDF's width array. */
        int advance(int codePoint) {
            return advances.computeIfAbsent(codePoint, cp -> {
                try {
                    return Math.round(ttf.getAdvanceWidth(cmap.getGlyphId(cp)) * scaling);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static byte[] load() {
        try (InputStream in = CertificateFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parse() {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(PRINT_BYTES));
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + RESOURCE, e);
        }
    }

    /** This thread's parsed font. */
    TrueTypeFont font() {
        return perThread.get().ttf;
    }

    /** Width of a text in points at a font size. */
    float width(CharSequence text, float size) {
        Metrics metrics = perThread.get();
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            units += metrics.advance(cp);
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    /** The font file as shipped, for the naive per-document loading the benchmark compares with. */
    static InputStream stream() {
        return new java.io.ByteArrayInputStream(BYTES);
    }

    /** Whether the font can draw this character. */
    boolean canDraw(int codePoint) {
        return perThread.get().cmap.getGlyphId(codePoint) != 0;
    }
}
