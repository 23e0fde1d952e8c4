package jp.refund.shared;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CSV outputs: RFC 4180 quoting where a field needs it, UTF-8 without BOM, LF line
 * ends. Values are written exactly as decided (programs read these files); the audit
 * workbook is the place where formula-looking text is made inert.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    public static void write(Path target, String[] header, Consumer<Consumer<String[]>> rows) {
        OutputFile.write(target, out -> writeRows(out, header, rows));
    }

    /**
     * Rows without a header into a scratch file: one part of a file that several threads write,
     * put together by {@link #join} (a row's bytes do not depend on the rows around it).
     */
    public static void writePart(Path part, Consumer<Consumer<String[]>> rows) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
            writeRows(out, null, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    /** The header, then the parts' rows in the order given: the same bytes as one {@link #write}. */
    public static void join(Path target, String[] header, List<Path> parts) {
        OutputFile.write(target, out -> {
            writeRows(out, header, rows -> {
            });
            for (Path part : parts) {
                Files.copy(part, out);
            }
        });
    }

    /**
     * One row's bytes as {@link #write} and {@link #writePart} put it in a file, for a writer that
     * places rows itself (a part written in an order other than the one its rows come in). One
     * encoder per thread.
     */
    public static final class RowEncoder {
        private final StringWriter line = new StringWriter(512);
        private final ICSVWriter csv = csvWriter(line);

        public byte[] encode(String[] row) {
            line.getBuffer().setLength(0);
            csv.writeNext(row, false);
            return line.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static ICSVWriter csvWriter(Writer writer) {
        return new CSVWriterBuilder(writer).withLineEnd("\n").build();
    }

    private static void writeRows(OutputStream out, String[] header, Consumer<Consumer<String[]>> rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ICSVWriter csv = csvWriter(writer);
        if (header != null) {
            csv.writeNext(header, false);
        }
        rows.accept(row -> csv.writeNext(row, false));
        csv.flush();
        writer.flush();
    }
}
