package jp.refund.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many characters each feed table's text columns hold, read from the database's own
 * catalogue: the row checks refuse what the table could not store, so a 201-character
 * family name is a rejected row naming its field, never a failed chunk naming nothing.
 */
@Component
class ColumnLimits {

    private final JdbcTemplate jdbc;
    private volatile Map<String, Integer> limits;

    ColumnLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The most characters {@code table.column} holds; {@link Integer#MAX_VALUE} when it has no limit. */
    int of(String table, String column) {
        Integer limit = limits().get(key(table, column));
        return limit == null ? Integer.MAX_VALUE : limit;
    }

    private Map<String, Integer> limits() {
        Map<String, Integer> read = limits;
        if (read == null) {
            Map<String, Integer> found = new HashMap<>();
            jdbc.query("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND CHARACTER_MAXIMUM_LENGTH IS NOT NULL", rs -> {
                        long max = rs.getLong(3);
                        found.put(key(rs.getString(1), rs.getString(2)), (int) Math.min(max, Integer.MAX_VALUE));
                    });
            limits = read = Map.copyOf(found);
        }
        return read;
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
