package jp.refund.ingest.csv;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the RFC 4180 records of a CSV file, the header row being the first record like
 * any other. Fields are split by OpenCSV's RFC 4180 parser; lines are decoded strictly
 * by {@link PhysicalLineReader}, so an invalid byte marks its record instead of being
 * replaced. A UTF-8 byte order mark is dropped, CRLF and LF read the same.
 *
 * <p>A quoted field may hold a line break, but not run on without limit: a record that
 * spans more than {@code maxRecordLines} lines or {@code maxRecordChars} characters, or whose
 * continuation line reads on its own as a complete record as wide as the header, is a
 * {@link RunawayQuoteException}. The first record (the header) sets that width.
 */
public final class CsvRecordReader implements AutoCloseable {

    private final PhysicalLineReader lines;
    private final RFC4180Parser parser = new RFC4180ParserBuilder().build();
    private final int maxRecordLines;
    private final int maxRecordChars;
    private int headerWidth;

    /** A reader with the limits of a record (lines, and characters of its raw text) given. */
    public CsvRecordReader(InputStream in, Charset charset, int maxRecordLines, int maxRecordChars) {
        this.lines = new PhysicalLineReader(in, charset);
        this.maxRecordLines = maxRecordLines;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at end of file. */
    public CsvRecord next() throws IOException {
        PhysicalLineReader.Line first = lines.next();
        if (first == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder(first.text());
        boolean validEncoding = first.validEncoding();
        int lineCount = 1;
        fields.addAll(Arrays.asList(parser.parseLineMulti(first.text())));
        while (parser.isPending()) {
            PhysicalLineReader.Line more = lines.next();
            if (more == null) {
                return new CsvRecord(first.number(), fields, raw.toString(), validEncoding, true, lineCount);
            }
            raw.append('\n').append(more.text());
            lineCount++;
            checkRunOn(first.number(), more, lineCount, raw.length());
            validEncoding &= more.validEncoding();
            fields.addAll(Arrays.asList(parser.parseLineMulti(more.text())));
        }
        if (headerWidth == 0) {
            headerWidth = fields.size();
        }
        return new CsvRecord(first.number(), fields, raw.toString(), validEncoding, false, lineCount);
    }

    private void checkRunOn(int startLine, PhysicalLineReader.Line more, int lineCount, int length)
            throws RunawayQuoteException {
        String opened = "line " + startLine + ": a quoted field opened on this line";
        if (headerWidth > 1 && readsAsRecord(more.text())) {
            throw new RunawayQuoteException(startLine, opened + " runs on into line " + more.number()
                    + ", which reads as a record of its own (" + headerWidth + " fields): an unterminated or stray"
                    + " quote");
        }
        if (lineCount > maxRecordLines) {
            throw new RunawayQuoteException(startLine, opened + " is still open after " + maxRecordLines
                    + " lines (line " + more.number() + "): an unterminated or stray quote");
        }
        if (length > maxRecordChars) {
            throw new RunawayQuoteException(startLine, opened + " is still open after " + maxRecordChars
                    + " characters (line " + more.number() + "): an unterminated or stray quote");
        }
    }

    /** Whether a line, parsed on its own, is one complete record as wide as the header. */
    private boolean readsAsRecord(String line) {
        RFC4180Parser alone = new RFC4180ParserBuilder().build();
        try {
            return alone.parseLineMulti(line).length == headerWidth && !alone.isPending();
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes read so far, for progress reports. */
    public long bytesConsumed() {
        return lines.bytesConsumed();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
