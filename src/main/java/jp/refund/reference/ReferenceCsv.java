package jp.refund.reference;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;

/** Reads a reference CSV (UTF-8, header row) and insists on its exact header. */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    static List<String[]> read(Resource resource, String... header) {
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            // readAll gives a LinkedList: copy it, or get(i) below walks the list (seconds for the bank master)
            List<String[]> rows = new java.util.ArrayList<>(csv.readAll());
            if (rows.isEmpty() || !Arrays.equals(rows.get(0), header)) {
                throw new IllegalStateException(resource.getDescription() + ": expected header "
                        + String.join(",", header));
            }
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).length != header.length) {
                    throw new IllegalStateException(resource.getDescription() + " line " + (i + 1) + ": expected "
                            + header.length + " fields");
                }
            }
            return rows.subList(1, rows.size());
        } catch (IOException | CsvException e) {
            throw new IllegalStateException("cannot read reference data " + resource.getDescription() + ": "
                    + e.getMessage(), e);
        }
    }
}
