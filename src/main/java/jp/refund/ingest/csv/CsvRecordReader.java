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
 */
public final class CsvRecordReader implements AutoCloseable {

    private final PhysicalLineReader lines;
    private final RFC4180Parser parser = new RFC4180ParserBuilder().build();

    public CsvRecordReader(InputStream in, Charset charset) {
        this.lines = new PhysicalLineReader(in, charset);
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
        fields.addAll(Arrays.asList(parser.parseLineMulti(first.text())));
        while (parser.isPending()) {
            PhysicalLineReader.Line more = lines.next();
            if (more == null) {
                return new CsvRecord(first.number(), fields, raw.toString(), validEncoding, true);
            }
            raw.append('\n').append(more.text());
            validEncoding &= more.validEncoding();
            fields.addAll(Arrays.asList(parser.parseLineMulti(more.text())));
        }
        return new CsvRecord(first.number(), fields, raw.toString(), validEncoding, false);
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
