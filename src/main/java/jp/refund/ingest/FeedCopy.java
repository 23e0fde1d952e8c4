package jp.refund.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

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
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            StringBuilder csv = new StringBuilder(rows.size() * 256);
            for (ParsedRow parsed : rows) {
                layout.appendCopyRow(csv, parsed.row(), parsed.contentHash(), runDate, parsed.source().lineNumber());
            }
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(layout.copySql(), new StringReader(csv.toString()));
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY into " + layout.table() + " took " + copied + " of "
                        + rows.size() + " rows");
            }
            return true;
        } catch (SQLException e) {
            DataAccessException translated = new SQLExceptionSubclassTranslator()
                    .translate("COPY into " + layout.table(), layout.copySql(), e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY into " + layout.table(),
                    layout.copySql(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
