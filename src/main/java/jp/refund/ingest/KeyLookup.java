package jp.refund.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of a table looked up by a set of text keys, one index probe per key ({@link KeySet}). */
record KeyLookup(JdbcTemplate jdbc) {

    /** The {@code valueColumn} of every row of {@code table} whose {@code keyColumn} is among the keys. */
    Map<String, String> find(String table, String keyColumn, String valueColumn, Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT t." + keyColumn + ", t." + valueColumn + " FROM " + KeySet.TEXT_KEYS + " JOIN " + table
                + " t ON t." + keyColumn + " = k.id", KeySet.text(keys).asFirstParameter(), rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                });
        return found;
    }
}
