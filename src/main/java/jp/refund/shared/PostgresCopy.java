package jp.refund.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
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
     * Copies the CSV lines {@code rows} writes ({@link #appendText} for text) with {@code copySql};
     * false, nothing done and {@code rows} not called, when the book is not on PostgreSQL. Fails
     * when the server took another count.
     */
    public static boolean into(JdbcTemplate jdbc, String copySql, Consumer<StringBuilder> rows, long rowCount) {
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            StringBuilder csv = new StringBuilder();
            rows.accept(csv); // only now: on any other database the rows are never written out as text
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copySql, new StringReader(csv.toString()));
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
     * One CSV row of {@code values}, in the column order of the {@code COPY}: text and enum
     * names quoted ({@link #appendText}), numbers, booleans, dates and timestamps as the
     * ISO-8601 text PostgreSQL reads, null as nothing (NULL).
     */
    public static StringBuilder appendRow(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendValue(out, values[i]);
        }
        return out.append('\n');
    }

    /** One value of a CSV row, as {@link #appendRow} writes it. */
    public static StringBuilder appendValue(StringBuilder out, Object value) {
        if (value instanceof String text) {
            return appendText(out, text);
        }
        if (value instanceof Enum<?> e) {
            return appendText(out, e.name());
        }
        return value == null ? out : out.append(value);
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
