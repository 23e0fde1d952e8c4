package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway reads {@code db/migration/common} and the database's own folder only
 * ({@code spring.flyway.locations}): a migration anywhere else would silently never run, and a
 * version spelled for one database only would leave the other without it.
 */
class MigrationFoldersTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void everyMigrationIsInCommonOrHasATwinForEachDatabase() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> MIGRATIONS.relativize(f.getParent()).toString()))
                    .as("folders holding migrations").containsOnly("common", "h2", "postgresql");
        }
        Set<String> common = versions("common");
        Set<String> h2 = versions("h2");
        Set<String> postgresql = versions("postgresql");
        assertThat(h2).as("H2's own versions, each with a PostgreSQL twin").isEqualTo(postgresql);
        assertThat(common).as("versions in common and in a database's folder").doesNotContainAnyElementsOf(h2);
        assertThat(h2).as("the vendor twins of the first release").contains("1", "2", "5", "9", "12");
    }

    private static Set<String> versions(String folder) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
