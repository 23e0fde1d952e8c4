package jp.refund;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL bulk-load floor of {@code bench/night.sh}: every feed file of a night folder
 * copied by {@code COPY ... FROM STDIN (FORMAT csv, HEADER)} into a table without index or
 * constraint, one text column per header column. Prints {@code floor.pg_copy_s} and the rows.
 * COPY stops at a row with a wrong number of fields, so the generator's malformed rows (about
 * 0.2%) are left out first, untimed: the floor loads the well-formed rest.
 *   PostgresCopyFloor NIGHT_FOLDER JDBC_URL   (user and password from TEST_PG_USER/_PASSWORD)
 */
public final class PostgresCopyFloor {

    private PostgresCopyFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path night = Path.of(args[0]);
        Path wellFormed = Files.createTempDirectory("copy-floor");
        List<Path> feeds;
        try (Stream<Path> files = Files.list(night)) {
            feeds = files.filter(f -> f.toString().endsWith(".csv")).sorted().map(f -> wellFormed(f, wellFormed))
                    .toList();
        }
        try (Connection c = DriverManager.getConnection(args[1], System.getenv(PostgresServer.USER_ENV),
                System.getenv(PostgresServer.PASSWORD_ENV)); Statement s = c.createStatement()) {
            for (Path feed : feeds) {
                String table = "floor_" + feed.getFileName().toString().replace(".csv", "");
                String header;
                try (BufferedReader r = Files.newBufferedReader(feed, StandardCharsets.UTF_8)) {
                    header = r.readLine().replace("\uFEFF", "");
                }
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (" + Stream.of(header.split(","))
                        .map(col -> "\"" + col + "\" TEXT").collect(Collectors.joining(", ")) + ")");
            }
            long rows = 0;
            long start = System.nanoTime();
            for (Path feed : feeds) {
                String table = "floor_" + feed.getFileName().toString().replace(".csv", "");
                try (BufferedReader r = Files.newBufferedReader(feed, StandardCharsets.UTF_8)) {
                    rows += c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", r);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("floor.pg_copy_rows=%d%nfloor.pg_copy_s=%.2f%n", rows, seconds);
            for (Path feed : feeds) {
                s.execute("DROP TABLE floor_" + feed.getFileName().toString().replace(".csv", ""));
                Files.delete(feed);
            }
        }
        Files.delete(wellFormed);
    }

    /** The feed's lines with as many fields as its header (quote-aware, one physical line per row). */
    private static Path wellFormed(Path feed, Path folder) {
        try {
            List<String> lines = Files.readAllLines(feed, StandardCharsets.UTF_8);
            int fields = fields(lines.get(0));
            Path target = folder.resolve(feed.getFileName());
            Files.write(target, lines.stream().filter(l -> fields(l) == fields).toList(), StandardCharsets.UTF_8);
            return target;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int fields(String line) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                count++;
            }
        }
        return quoted ? -1 : count;
    }
}
