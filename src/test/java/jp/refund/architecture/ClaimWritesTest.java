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
 * One owner for the claim lifecycle: no SQL outside the {@code claim} package inserts,
 * updates, deletes or merges rows of {@code claim} or {@code claim_event} (Flyway's
 * migrations aside, which shape the tables). Reads are free.
 */
class ClaimWritesTest {

    /** Writing SQL on claim or claim_event, however it is spaced or cased. */
    static final Pattern CLAIM_WRITE = Pattern.compile(
            "\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+\"?claim(_event)?\"?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Path MAIN = Path.of("src/main");
    private static final Path CLAIM_PACKAGE = Path.of("src/main/java/jp/refund/claim");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void onlyTheClaimPackageWritesClaims() throws IOException {
        assertThat(writesOutsideClaim()).as("SQL writing claim or claim_event outside jp.refund.claim").isEmpty();
    }

    @Test
    void theClaimLifecycleDoesWriteThem() throws IOException {
        // the rule above must see the writes that exist, or it could pass by reading nothing
        assertThat(writesIn(CLAIM_PACKAGE.resolve("ClaimLifecycle.java")))
                .anyMatch(w -> w.contains("INSERT INTO claim "))
                .anyMatch(w -> w.contains("INSERT INTO claim_event"))
                .anyMatch(w -> w.contains("UPDATE claim SET"));
    }

    @Test
    void thePatternCatchesTheWaysSqlIsWritten() {
        for (String sql : List.of("INSERT INTO claim (claim_no) VALUES (?)", "insert into claim_event values (1)",
                "UPDATE claim SET status = 'X'", "update\n  claim set x = 1", "DELETE FROM claim_event WHERE 1=1",
                "MERGE INTO claim KEY (claim_no)", "UPDATE \"claim\" SET x = 1")) {
            assertThat(CLAIM_WRITE.matcher(sql).find()).as(sql).isTrue();
        }
        for (String sql : List.of("SELECT * FROM claim", "UPDATE claims_archive SET x = 1",
                "UPDATE identity_check SET effect = ?", "INSERT INTO claimant VALUES (1)")) {
            assertThat(CLAIM_WRITE.matcher(sql).find()).as(sql).isFalse();
        }
    }

    static List<String> writesOutsideClaim() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ClaimWritesTest::isSource).toList()) {
                if (file.startsWith(CLAIM_PACKAGE) || file.startsWith(MIGRATIONS)) {
                    continue;
                }
                writesIn(file).forEach(w -> found.add(file + ": " + w));
            }
        }
        return found;
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sql") || name.endsWith(".properties");
    }

    /** The writing statements of a file, Java string concatenation joined first. */
    static List<String> writesIn(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
        List<String> writes = new ArrayList<>();
        Matcher m = CLAIM_WRITE.matcher(text);
        while (m.find()) {
            writes.add(text.substring(m.start(), Math.min(text.length(), m.end() + 30)).replaceAll("\\s+", " "));
        }
        return writes;
    }
}
