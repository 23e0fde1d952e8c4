package jp.refund.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Reads the RFC 4180 records of a CSV file, the header row being the first record like
 * any other. Fields are split by {@link FieldSplitter}, which notes a stray quote in any
 * field instead of letting it open a field or end the record; lines are decoded strictly
 * by {@link PhysicalLineReader}, so an invalid byte marks its record instead of being
 * replaced. A UTF-8 byte order mark is dropped, CRLF and LF read the same, also inside a
 * quoted field: its line break is LF however the file ended the line.
 *
 * <p>A quoted field may hold a line break, but not run on without limit: a record that
 * spans more than {@code maxRecordLines} lines or {@code maxRecordChars} characters, or whose
 * continuation line reads on its own as a complete record as wide as the header, is a
 * {@link RunawayQuoteException}. The first record (the header) sets that width.
 */
public final class CsvRecordReader implements AutoCloseable {

    private final PhysicalLineReader lines;
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
        FieldSplitter fields = new FieldSplitter();
        StringBuilder raw = new StringBuilder(first.text());
        boolean validEncoding = first.validEncoding();
        int lineCount = 1;
        boolean complete = fields.add(first.text(), first.number());
        while (!complete) {
            PhysicalLineReader.Line more = lines.next();
            if (more == null) {
                return new CsvRecord(first.number(), fields.fields(), raw.toString(), validEncoding, true, lineCount,
                        fields.strayQuote());
            }
            raw.append('\n').append(more.text());
            lineCount++;
            checkRunOn(first.number(), more, lineCount, raw.length());
            validEncoding &= more.validEncoding();
            complete = fields.add(more.text(), more.number());
        }
        if (headerWidth == 0) {
            headerWidth = fields.fields().size();
        }
        return new CsvRecord(first.number(), fields.fields(), raw.toString(), validEncoding, false, lineCount,
                fields.strayQuote());
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
        FieldSplitter alone = new FieldSplitter();
        return alone.add(line, 0) && alone.fields().size() == headerWidth;
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
