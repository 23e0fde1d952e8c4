package jp.refund.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the accepted rows of one feed are kept: key look-up, batch insert and the
 * night's clean-up, all from the feed's {@link FeedLayout}; plus the feed's
 * {@link BookRule}.
 */
final class FeedTable {

    private final JdbcTemplate jdbc;
    private final Feed feed;
    private final FeedLayout layout;
    private final BookRule bookRule;
    private final String insertSql;

    FeedTable(JdbcTemplate jdbc, Feed feed, BookRule bookRule) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.layout = feed.layout();
        this.bookRule = bookRule;
        this.insertSql = layout.insertSql();
    }

    Feed feed() {
        return feed;
    }

    BookRule bookRule() {
        return bookRule;
    }

    /** Content hash of every already ingested row among these keys. */
    Map<String, String> contentHashes(Collection<String> keys) {
        Map<String, String> hashes = new HashMap<>();
        if (keys.isEmpty()) {
            return hashes;
        }
        String key = layout.key().sqlColumn();
        jdbc.query("SELECT t." + key + ", t.content_hash FROM " + KeySet.TEXT_KEYS + " JOIN " + layout.table()
                + " t ON t." + key + " = k.id", KeySet.text(keys).asFirstParameter(), rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    void insert(List<ParsedRow> rows, LocalDate runDate) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(insertSql, rows, rows.size(), (ps, parsed) -> layout.bind(ps, parsed.row(),
                parsed.contentHash(), runDate, parsed.source().lineNumber()));
    }

    /** Removes what the given night ingested into this table (a broken night leaves no trace). */
    int deleteIngestedOn(LocalDate runDate) {
        return jdbc.update(layout.deleteSql(), layout.deleteArguments(runDate));
    }
}
