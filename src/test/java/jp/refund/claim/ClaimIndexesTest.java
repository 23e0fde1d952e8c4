package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The claim tables' secondary indexes: the ones the migrations make, dropped for a large load and built again. */
class ClaimIndexesTest {

    @Test
    void everySecondaryIndexTheMigrationsMakeIsDeclaredWithItsQuery() {
        JdbcTemplate jdbc = MigratedDatabase.create();
        // H2's own names for the indexes behind primary keys and unique constraints end in _INDEX_n
        List<String> secondary = jdbc.queryForList("SELECT LOWER(INDEX_NAME) FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_NAME IN ('CLAIM', 'CLAIM_EVENT') AND INDEX_TYPE_NAME = 'INDEX'"
                + " AND INDEX_NAME NOT IN (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS)"
                + " AND INDEX_NAME NOT LIKE '%\\_INDEX\\_%' ESCAPE '\\'", String.class);

        assertThat(secondary).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ClaimIndexes.values()).map(ClaimIndexes::indexName).toList());
        assertThat(ClaimIndexes.missing(jdbc)).isEmpty();
    }

    @Test
    void droppedForALoadAndBuiltAgainTheSame() {
        JdbcTemplate jdbc = MigratedDatabase.create();
        String before = definitions(jdbc);

        ClaimIndexes.dropAll(jdbc);
        assertThat(ClaimIndexes.missing(jdbc)).containsExactlyInAnyOrder(ClaimIndexes.values());
        ClaimIndexes.dropAll(jdbc); // a restarted load drops what is left: nothing, and no error

        Set<ClaimIndexes> built = ClaimIndexes.createMissing(jdbc);
        assertThat(built).containsExactlyInAnyOrder(ClaimIndexes.values());
        assertThat(ClaimIndexes.missing(jdbc)).isEmpty();
        assertThat(definitions(jdbc)).isEqualTo(before);
        assertThat(ClaimIndexes.createMissing(jdbc)).as("nothing to build the second time").isEmpty();
    }

    @Test
    void aLoadIsWorthRebuildingFromATenthOfTheClaims() {
        assertThat(ClaimIndexes.worthRebuilding(100, 0)).as("a first night").isTrue();
        assertThat(ClaimIndexes.worthRebuilding(100, 1_000)).isTrue();
        assertThat(ClaimIndexes.worthRebuilding(99, 1_000)).isFalse();
        assertThat(ClaimIndexes.worthRebuilding(0, 0)).as("nothing to load").isFalse();
    }

    /** Each index's columns in order, by name. */
    private static String definitions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT LOWER(i.INDEX_NAME) || ':' || LOWER(c.TABLE_NAME) || '.' || LOWER(c.COLUMN_NAME)"
                        + " || '#' || c.ORDINAL_POSITION FROM INFORMATION_SCHEMA.INDEX_COLUMNS c"
                        + " JOIN INFORMATION_SCHEMA.INDEXES i ON i.INDEX_NAME = c.INDEX_NAME AND i.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_NAME IN ('CLAIM', 'CLAIM_EVENT') ORDER BY 1", String.class)
                .stream().collect(Collectors.joining("\n"));
    }
}
