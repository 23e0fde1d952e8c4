package jp.refund.certificate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TrueType font without its glyphs' hinting instructions.
 *
 * <p>Why: hinting programs only snap outlines to a screen's pixel grid at small sizes; a
 * certificate is printed. In IPAex Gothic they were a large share of the glyph bytes embedded
 * in every certificate (figures: docs/benchmarks/2026-12-07-figures-from-code-comments.md), and the outlines themselves are not touched here,
 * so text draws, extracts and prints the same.
 *
 * <p>Every glyph's instructions are dropped (simple glyphs: the length set to 0; composite
 * glyphs: the WE_HAVE_INSTRUCTIONS flag cleared), {@code glyf} and {@code loca} are
 * rebuilt (long offsets), and every other table is copied as it is.
 */
final class UnhintedTrueType {

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;

    private UnhintedTrueType() {
    }

    /** The font file with every glyph's instructions removed. */
    static byte[] strip(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int sfntVersion = in.getInt(0);
        int tableCount = Short.toUnsignedInt(in.getShort(4));
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (int i = 0; i < tableCount; i++) {
            int entry = 12 + 16 * i;
            byte[] tag = new byte[4];
            in.get(entry, tag);
            int offset = in.getInt(entry + 8);
            int length = in.getInt(entry + 4 + 8);
            byte[] table = new byte[length];
            in.get(offset, table);
            tables.put(new String(tag, java.nio.charset.StandardCharsets.US_ASCII), table);
        }
        byte[] head = tables.get("head").clone();
        ByteBuffer headBuffer = ByteBuffer.wrap(head);
        boolean longOffsets = headBuffer.getShort(50) == 1;
        int glyphCount = Short.toUnsignedInt(ByteBuffer.wrap(tables.get("maxp")).getShort(4));
        ByteBuffer loca = ByteBuffer.wrap(tables.get("loca"));
        byte[] glyf = tables.get("glyf");

        ByteArrayOutputStream newGlyf = new ByteArrayOutputStream(glyf.length);
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (glyphCount + 1));
        for (int g = 0; g < glyphCount; g++) {
            int start = longOffsets ? loca.getInt(4 * g) : 2 * Short.toUnsignedInt(loca.getShort(2 * g));
            int end = longOffsets ? loca.getInt(4 * (g + 1)) : 2 * Short.toUnsignedInt(loca.getShort(2 * (g + 1)));
            newLoca.putInt(newGlyf.size());
            if (end > start) {
                byte[] glyph = withoutInstructions(ByteBuffer.wrap(glyf, start, end - start).slice());
                newGlyf.writeBytes(glyph);
                while (newGlyf.size() % 4 != 0) {
                    newGlyf.write(0);
                }
            }
        }
        newLoca.putInt(newGlyf.size());
        headBuffer.putShort(50, (short) 1);
        headBuffer.putInt(8, 0); // checkSumAdjustment: recomputed below
        tables.put("head", head);
        tables.put("glyf", newGlyf.toByteArray());
        tables.put("loca", newLoca.array());
        return write(sfntVersion, tables);
    }

    private static byte[] withoutInstructions(ByteBuffer glyph) {
        short contours = glyph.getShort(0);
        if (contours >= 0) {
            int lengthAt = 10 + 2 * contours;
            int instructions = Short.toUnsignedInt(glyph.getShort(lengthAt));
            byte[] out = new byte[glyph.limit() - instructions];
            glyph.get(0, out, 0, lengthAt);
            // instruction length 0, then flags and coordinates as they were
            glyph.get(lengthAt + 2 + instructions, out, lengthAt + 2, glyph.limit() - lengthAt - 2 - instructions);
            return out;
        }
        int at = 10;
        int flags;
        int lastFlagsAt;
        do {
            lastFlagsAt = at;
            flags = Short.toUnsignedInt(glyph.getShort(at));
            at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                at += 2;
            } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                at += 4;
            } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                at += 8;
            }
        } while ((flags & MORE_COMPONENTS) != 0);
        byte[] out = new byte[at];
        glyph.get(0, out);
        ByteBuffer.wrap(out).putShort(lastFlagsAt, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
        return out;
    }

    /** An sfnt file: table directory sorted by tag, each table 4-byte aligned, checksums and head adjustment set. */
    private static byte[] write(int sfntVersion, Map<String, byte[]> tables) {
        String[] tags = tables.keySet().stream().sorted().toArray(String[]::new);
        int count = tags.length;
        int power = Integer.highestOneBit(count);
        int size = 12 + 16 * count;
        for (String tag : tags) {
            size += (tables.get(tag).length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(sfntVersion);
        out.putShort((short) count);
        out.putShort((short) (power * 16));
        out.putShort((short) (31 - Integer.numberOfLeadingZeros(power)));
        out.putShort((short) (count * 16 - power * 16));
        int offset = 12 + 16 * count;
        int headOffset = 0;
        for (int i = 0; i < count; i++) {
            byte[] table = tables.get(tags[i]);
            out.position(12 + 16 * i);
            out.put(tags[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.putInt(checksum(table));
            out.putInt(offset);
            out.putInt(table.length);
            out.put(offset, table);
            if (tags[i].equals("head")) {
                headOffset = offset;
            }
            offset += (table.length + 3) & ~3;
        }
        byte[] bytes = out.array();
        ByteBuffer.wrap(bytes).putInt(headOffset + 8, (int) (0xB1B0AFBAL - Integer.toUnsignedLong(checksum(bytes))));
        return bytes;
    }

    private static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return (int) sum;
    }
}
