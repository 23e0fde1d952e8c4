package jp.refund.shared;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        OutputFile.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
            csv.writeNext(header, false);
            rows.accept(row -> csv.writeNext(row, false));
            csv.flush();
            writer.flush();
        });
    }
}
