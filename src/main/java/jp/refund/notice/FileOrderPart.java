package jp.refund.notice;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import jp.refund.claim.SerialNumber;
import jp.refund.shared.CsvOutput;

/**
 * One claim range's rows of {@code notices.csv} and {@code letters.csv}, in file order (claim
 * number, kind, n), from notices given in the order they are caused (event order, which is not
 * claim order: a claim's decision and its payout are far apart in a first night's events).
 *
 * <p>Each row is encoded as it comes and appended to a scratch file, its sort key and place kept
 * (24 bytes a row); {@link #finish} copies the rows out in key order. Reading the stored notices
 * back in file order did the same sort in the database and was slower on a full first night
 * (docs/benchmarks/2026-12-07-figures-from-code-comments.md). The rows a range is given
 * arrive mostly in claim order, so the sort is mostly merging.
 */
final class FileOrderPart implements AutoCloseable {

    /** The rows and how many, of both files. */
    record Written(Path noticesFile, Path lettersFile, long notices, long letters) {
    }

    private static final int KIND_BITS = 4;
    private static final int N_BITS = 24;

    private final long segment; // how much of the scratch file one mapping holds
    private final Path noticesFile;
    private final Path lettersFile;
    private final Path scratch;
    private final OutputStream rows;
    private final CsvOutput.RowEncoder encoder = new CsvOutput.RowEncoder();
    private long[] keys = new long[1 << 14];
    private long[] offsets = new long[1 << 14];
    private int[] lengths = new int[1 << 14];
    private final BitSet letters = new BitSet();
    private int count;
    private long written;

    FileOrderPart(Path folder, int index) {
        this(folder, index, MappedRows.SEGMENT);
    }

    /** With mappings of {@code segment} bytes, to see rows that run past one without a gigabyte of them. */
    FileOrderPart(Path folder, int index, long segment) {
        this.segment = segment;
        this.noticesFile = folder.resolve(index + "-notices.csv");
        this.lettersFile = folder.resolve(index + "-letters.csv");
        this.scratch = folder.resolve(index + "-caused.csv");
        try {
            this.rows = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scratch + ": " + e.getMessage(), e);
        }
    }

    /** Takes a notice of this range, in any order. */
    void add(Notice notice) {
        byte[] row = encoder.encode(notice.csvRow());
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        keys[count] = keyOf(notice);
        offsets[count] = written;
        lengths[count] = row.length;
        if (notice.delivery() == Delivery.LETTER) {
            letters.set(count);
        }
        count++;
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scratch + ": " + e.getMessage(), e);
        }
        written += row.length;
    }

    /** The file order as one number: claim serial, then kind (its rank), then n. */
    static long keyOf(Notice notice) {
        int n = notice.n();
        if (n < 1 || n >= 1 << N_BITS) {
            throw new IllegalArgumentException("notice " + notice.noticeId() + ": n out of range");
        }
        return SerialNumber.CLAIM_NUMBER.serialOf(notice.claimNo()) << (KIND_BITS + N_BITS)
                | (long) notice.kind().ordinal() << N_BITS | n;
    }

    /** Writes both files' rows of the range in file order; the scratch file is gone after. */
    Written finish() {
        try {
            rows.close();
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> keys[i])); // runs already in order merge
            long letterCount = 0;
            try (FileChannel source = FileChannel.open(scratch, StandardOpenOption.READ);
                 OutputStream all = new BufferedOutputStream(Files.newOutputStream(noticesFile), 1 << 16);
                 OutputStream toPrint = new BufferedOutputStream(Files.newOutputStream(lettersFile), 1 << 16)) {
                MappedRows in = new MappedRows(source, segment);
                for (int k = 0; k < count; k++) {
                    int i = order[k];
                    if (k > 0 && keys[i] == keys[order[k - 1]]) {
                        throw new IllegalStateException("two notices of one id in a range: " + keys[i]);
                    }
                    in.copy(offsets[i], lengths[i], all);
                    if (letters.get(i)) {
                        in.copy(offsets[i], lengths[i], toPrint);
                        letterCount++;
                    }
                }
            }
            return new Written(noticesFile, lettersFile, count, letterCount);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the notices of " + noticesFile + ": " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + scratch + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scratch file mapped into memory (the disk cache, not the heap), a gigabyte at a time: rows
     * are read in whatever order the sort gives without a read of their own. (A window read ahead
     * was refilled twice for each claim with a payout: its PAYOUT row lies far after its BALANCE.)
     * A row that runs past its gigabyte's mapping is read on its own.
     */
    private static final class MappedRows {
        static final long SEGMENT = 1L << 30;
        private final FileChannel source;
        private final long segment;
        private final MappedByteBuffer[] segments;

        MappedRows(FileChannel source, long segment) throws IOException {
            this.source = source;
            this.segment = segment;
            long size = source.size();
            long overlap = segment >> 10; // a row that starts near a mapping's end mostly still fits
            segments = new MappedByteBuffer[(int) ((size + segment - 1) / segment)];
            for (int k = 0; k < segments.length; k++) {
                long start = k * segment;
                segments[k] = source.map(FileChannel.MapMode.READ_ONLY, start, Math.min(size - start, segment + overlap));
            }
        }

        /** Copies the row at {@code offset} to {@code out}. */
        void copy(long offset, int length, OutputStream out) throws IOException {
            int k = (int) (offset / segment);
            int at = (int) (offset - k * segment);
            byte[] row = new byte[length];
            if (at + (long) length <= segments[k].capacity()) {
                segments[k].get(at, row);
            } else {
                ByteBuffer read = ByteBuffer.wrap(row);
                while (read.hasRemaining()) {
                    if (source.read(read, offset + read.position()) < 0) {
                        throw new IOException("the scratch file ended before its row at " + offset);
                    }
                }
            }
            out.write(row);
        }
    }
}
