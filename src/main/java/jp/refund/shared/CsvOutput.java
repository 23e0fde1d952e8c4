package jp.refund.shared;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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

    private static void writeRows(OutputStream out, String[] header, Consumer<Consumer<String[]>> rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
        if (header != null) {
            csv.writeNext(header, false);
        }
        rows.accept(row -> csv.writeNext(row, false));
        csv.flush();
        writer.flush();
    }
}
