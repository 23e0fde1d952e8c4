package jp.refund.ingest;

import java.time.LocalDate;
import java.util.List;
import jp.refund.shared.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chunk's accepted rows into their table by PostgreSQL's {@code COPY} (PgJDBC's copy API):
 * one round trip per chunk instead of a statement per row. Built from the feed's
 * {@link FeedLayout}, so every feed declared there is copied, new feeds included. It runs on
 * the chunk's own connection and transaction: a killed night loses the chunk's rows exactly
 * as with batched inserts, and the restarted step writes them again.
 */
final class FeedCopy {

    private FeedCopy() {
    }

    /** Copies the rows when the book is on PostgreSQL; false (nothing done) on any other database. */
    static boolean into(JdbcTemplate jdbc, FeedLayout layout, List<ParsedRow> rows, LocalDate runDate) {
        return PostgresCopy.into(jdbc, layout.copySql(), csv -> {
            for (ParsedRow parsed : rows) {
                layout.appendCopyRow(csv, parsed.row(), parsed.contentHash(), runDate, parsed.source().lineNumber());
            }
        }, rows.size());
    }
}
