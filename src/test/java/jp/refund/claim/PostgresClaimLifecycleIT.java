package jp.refund.claim;

import jp.refund.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@link ClaimLifecycleTest} on PostgreSQL: every transition from every status, where the
 * scheduler moves the night's transfers with one statement for them all.
 */
class PostgresClaimLifecycleIT extends ClaimLifecycleTest {

    @BeforeAll
    static void schema() {
        PostgresServer.Database db = PostgresServer.require().createDatabase("lifecycle");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        use(new JdbcTemplate(dataSource));
    }
}
