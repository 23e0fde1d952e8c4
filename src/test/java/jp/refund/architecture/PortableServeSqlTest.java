package jp.refund.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} and {@code user} run on PostgreSQL in production (docs/postgresql.md) and on H2
 * by default, with one set of statements: the staff and status packages use no SQL only H2
 * reads. PostgresStaffLoginIT runs them on a server; this catches a new H2-only phrase
 * wherever no server is at hand (the PostgreSQL tests skip without one). The attack report
 * ({@code rehearsal}) reads a book on either database too, and is held to the same phrases.
 */
class PortableServeSqlTest {

    /** H2's data-change delta tables, its MERGE ... KEY, and its date and null functions. */
    static final Pattern H2_ONLY = Pattern.compile("\\b((FINAL|NEW|OLD)\\s+TABLE\\s*\\(|MERGE\\s+INTO\\s+\\w+\\s+KEY\\b"
            + "|DATEADD\\s*\\(|DATEDIFF\\s*\\(|TIMESTAMPADD\\s*\\(|FORMATDATETIME\\s*\\(|PARSEDATETIME\\s*\\("
            + "|IFNULL\\s*\\(|NVL2?\\s*\\(|SYSDATE\\b|SYSTIMESTAMP\\b|TOP\\s+\\d)", Pattern.CASE_INSENSITIVE);

    private static final List<Path> SERVE = List.of(Path.of("src/main/java/jp/refund/staff"),
            Path.of("src/main/java/jp/refund/status"), Path.of("src/main/java/jp/refund/rehearsal"));

    @Test
    void theServePackagesUseNoH2OnlySql() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path folder : SERVE) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = H2_ONLY.matcher(Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", ""));
                    while (m.find()) {
                        found.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("H2-only SQL in the serve packages").isEmpty();
    }

    @Test
    void thePatternCatchesH2OnlyPhrasesAndLetsStandardSqlPass() {
        for (String sql : List.of("SELECT n FROM FINAL TABLE (UPDATE t SET n = n + 1)", "select * from new table(insert into t)",
                "MERGE INTO staff_user KEY (username) VALUES (?)", "DATEADD('MINUTE', 5, x)", "IFNULL(a, 0)", "SELECT TOP 5 *")) {
            assertThat(H2_ONLY.matcher(sql).find()).as(sql).isTrue();
        }
        for (String sql : List.of("UPDATE staff_user SET failed_logins = failed_logins + 1 WHERE username = ?",
                "MERGE INTO lookup_refusal r USING (VALUES (?, ?)) AS n (a, b) ON r.a = n.a",
                "SELECT id FROM security_event ORDER BY id DESC FETCH FIRST ? ROWS ONLY", "COALESCE(a, 0)")) {
            assertThat(H2_ONLY.matcher(sql).find()).as(sql).isFalse();
        }
    }
}
