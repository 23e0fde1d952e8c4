package jp.refund;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import jp.refund.bankfile.ZenginDataRecord;

/**
 * The floors a night is compared with, measured on the same files in the same run:
 * parsing the night's CSVs with OpenCSV alone, bulk-loading them into H2 with CSVREAD,
 * and writing Zengin records straight into bytes. Prints {@code key=value} lines for
 * {@code bench/night.sh}. (The certificate floor comes from {@code CertificateBenchmark}.)
 */
public final class NightFloors {

    public static void main(String[] args) throws Exception {
        Path night = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> list = Files.list(night)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        long rows = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
                         .withSkipLines(1).build()) {
                while (csv.readNext() != null) {
                    rows++;
                }
            }
        }
        double parse = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor.csv_rows=%d%nfloor.csv_parse_s=%.2f%n", rows, parse);

        Files.createDirectories(scratch);
        start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + scratch.resolve("floor").toAbsolutePath(), "sa", "");
             var s = c.createStatement()) {
            for (Path file : files) {
                String table = file.getFileName().toString().replace(".csv", "");
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM CSVREAD('" + file.toAbsolutePath()
                        + "', NULL, 'charset=UTF-8')");
            }
        }
        double load = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor.h2_csvread_s=%.2f%n", load);

        ZenginDataRecord record = new ZenginDataRecord("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "1", "7654321",
                "ｻﾄｳ ﾊﾅｺ", 29000, "1000000032");
        ByteArrayOutputStream out = new ByteArrayOutputStream(130 * 1_000_000);
        for (int warm = 0; warm < 200_000; warm++) {
            out.write(record.format());
        }
        out.reset();
        start = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            out.write(record.format());
            out.write('\r');
            out.write('\n');
        }
        double zengin = (System.nanoTime() - start) / 1e9;
        System.out.printf("zengin_records_per_s=%.0f%n", 1_000_000 / zengin);
    }
}
