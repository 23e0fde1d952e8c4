package jp.refund.job;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Remote partitioning's precondition: the manager and every worker reach one database server. */
final class SharedDatabase {

    private SharedDatabase() {
    }

    /**
     * Refuses H2 (a file or memory database is this JVM's own: a worker on it would see neither
     * the night's job repository nor its book).
     */
    static void require(DataSource dataSource, String who) {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException(who + " cannot reach its database: " + e.getMessage(), e);
        }
        if ("H2".equalsIgnoreCase(product)) {
            throw new IllegalStateException(who + " needs the book on a database server that the manager and every"
                    + " worker share (PostgreSQL: --spring.datasource.url=jdbc:postgresql://...), not H2 ("
                    + url.replaceAll(";.*", "") + ")");
        }
    }
}
