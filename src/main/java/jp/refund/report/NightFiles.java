package jp.refund.report;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.refund.bankfile.ZenginFile;

/**
 * Lists the files of a night's folder with their record counts, money totals and
 * hashes, by reading the files themselves (not the database): bank files by their
 * records, CSVs by their rows, certificates by the mailing list.
 */
public final class NightFiles {

    private NightFiles() {
    }

    public static List<NightFile> of(Path folder, String... excluded) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> relative(folder, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> certificateAmounts = new HashMap<>();
        Path mailingList = folder.resolve("certificates/mailing-list.csv");
        if (Files.exists(mailingList)) {
            for (String[] row : csvRows(mailingList)) {
                certificateAmounts.put(row[0], Long.parseLong(row[5]));
            }
        }
        List<NightFile> result = new ArrayList<>();
        for (Path file : files) {
            String path = relative(folder, file);
            if (List.of(excluded).contains(path)) {
                continue;
            }
            result.add(describe(file, path, certificateAmounts));
        }
        return result;
    }

    private static NightFile describe(Path file, String path, Map<String, Long> certificateAmounts) {
        try {
            String sha256 = NightOutputFolder.sha256(file);
            if (path.startsWith("bank/")) {
                ZenginFile zengin = ZenginFile.parse(Files.readAllBytes(file));
                return new NightFile(path, "bank file (総合振込)", zengin.trailer().count(), zengin.trailer().totalYen(),
                        sha256);
            }
            if (path.startsWith("certificates/") && path.endsWith(".pdf")) {
                String number = file.getFileName().toString().replace(".pdf", "");
                return new NightFile(path, "payout certificate", 1, certificateAmounts.get(number), sha256);
            }
            if (path.endsWith(".csv")) {
                boolean mailingList = path.equals("certificates/mailing-list.csv");
                long[] rows = {0, 0}; // count, mailing list's yen
                if (mailingList) {
                    forEachCsvRow(file, row -> {
                        rows[0]++;
                        rows[1] += Long.parseLong(row[5]);
                    });
                } else {
                    rows[0] = countCsvRows(file);
                }
                String kind = path.startsWith("rejects/") ? "rejected rows" : path.startsWith("certificates/")
                        ? "mailing list" : "report";
                return new NightFile(path, kind, rows[0], mailingList ? rows[1] : null, sha256);
            }
            return new NightFile(path, path.endsWith(".xlsx") ? "audit workbook" : "file", 1, null, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The data rows of a CSV output (header skipped), one at a time: a full first night's notices
     * and events files have a row for nearly every claim or more, which the workbook's Files sheet
     * only counts; read
     * whole, each was held in the heap at once (not measured).
     */
    static void forEachCsvRow(Path csv, Consumer<String[]> action) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVReader rows = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
                     .withSkipLines(1).build()) {
            for (String[] row = rows.readNext(); row != null; row = rows.readNext()) {
                action.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many data rows a CSV output has (header skipped), as {@link #forEachCsvRow} would give
     * them, counted on the bytes: a row ends at a line feed outside quotes (RFC 4180, as
     * {@code CsvOutput} writes). Parsing each field only to count took seconds for the notices of a
     * full night (docs/benchmarks/2026-12-07-figures-from-code-comments.md); this reads them at the speed of the disk cache.
     */
    static long countCsvRows(Path csv) {
        long lineEnds = 0;
        boolean quoted = false;
        byte last = '\n';
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(csv)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted; // an escaped quote ("") turns it twice
                    } else if (b == '\n' && !quoted) {
                        lineEnds++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        if (quoted) {
            throw new IllegalStateException("cannot read " + csv + ": its last quoted field is not closed");
        }
        long records = lineEnds + (last == '\n' ? 0 : 1); // a last row without its line end is a row
        return Math.max(0, records - 1);
    }

    /** The data rows of a CSV output (header skipped). */
    static List<String[]> csvRows(Path csv) {
        List<String[]> rows = new ArrayList<>();
        forEachCsvRow(csv, rows::add);
        return rows;
    }
}
