package jp.refund.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Rows into a table by PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} (PgJDBC's copy
 * API): one round trip for a whole batch instead of a statement per row. It runs on the
 * caller's connection and transaction (a killed night loses the batch exactly as with batched
 * inserts), and does nothing on any other database, where the caller inserts as before.
 */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    /**
     * Copies {@code rows} (CSV lines, {@link #appendText} for text) with {@code copySql}; false,
     * nothing done, when the book is not on PostgreSQL. Fails when the server took another count.
     */
    public static boolean into(JdbcTemplate jdbc, String copySql, CharSequence rows, long rowCount) {
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copySql, new java.io.StringReader(rows.toString()));
            if (copied != rowCount) {
                throw new IllegalStateException(copySql + " took " + copied + " of " + rowCount + " rows");
            }
            return true;
        } catch (SQLException e) {
            DataAccessException translated = new SQLExceptionSubclassTranslator().translate(copySql, copySql, e);
            throw translated != null ? translated : new UncategorizedSQLException(copySql, copySql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * One text value of a CSV row: always quoted, so an empty text stays empty and only an
     * unquoted empty field (null: nothing appended) is NULL.
     */
    public static StringBuilder appendText(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
