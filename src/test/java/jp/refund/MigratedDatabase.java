package jp.refund;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty book in memory, on the real schema (every Flyway migration), for tests of one
 * class or query: milliseconds, where a night takes seconds.
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** A new database of its own; one connection throughout (H2 evaluates a check in the session that made it). */
    public static JdbcTemplate create() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:migrated-" + System.nanoTime(), "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
