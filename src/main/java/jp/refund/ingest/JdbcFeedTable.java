package jp.refund.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;

/** The JDBC side shared by every feed table: key look-up, batch insert, night clean-up. */
abstract class JdbcFeedTable<R extends FeedRow> implements FeedTable<R> {

    protected final JdbcTemplate jdbc;
    private final String table;
    private final String keyColumn;

    JdbcFeedTable(JdbcTemplate jdbc, String table, String keyColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumn = keyColumn;
    }

    @Override
    public Map<String, String> contentHashes(Collection<String> keys) {
        Map<String, String> hashes = new HashMap<>();
        if (keys.isEmpty()) {
            return hashes;
        }
        jdbc.query("SELECT t." + keyColumn + ", t.content_hash FROM " + KeySet.TEXT_KEYS + " JOIN " + table
                + " t ON t." + keyColumn + " = k.id", KeySet.text(keys).asFirstParameter(), rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    /** The INSERT statement; its last three parameters are content_hash, ingested_on, source_line. */
    protected abstract String insertSql();

    /** Binds the row's own columns starting at parameter 1; returns the next free index. */
    protected abstract int bind(PreparedStatement ps, R row) throws SQLException;

    @Override
    public void insert(List<ParsedRow<R>> rows, LocalDate runDate) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(insertSql(), rows, rows.size(), (ps, parsed) -> {
            int next = bind(ps, parsed.row());
            ps.setString(next, parsed.contentHash());
            ps.setObject(next + 1, runDate);
            ps.setInt(next + 2, parsed.source().lineNumber());
        });
    }

    @Override
    public int deleteIngestedOn(LocalDate runDate) {
        return jdbc.update("DELETE FROM " + table + " WHERE ingested_on = ?", runDate);
    }
}
