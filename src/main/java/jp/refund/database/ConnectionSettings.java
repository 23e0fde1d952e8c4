package jp.refund.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connection settings a book always wants, whatever URL the operator gave. Set before the pool
 * opens its first connection.
 * <ul>
 *   <li>PostgreSQL: {@code reWriteBatchedInserts} turns a JDBC batch (claims, claim events,
 *       rejects) into multi-row INSERTs, a few round trips per chunk instead of one per row.</li>
 *   <li>H2: {@code WRITE_DELAY=0}, every commit written when it is made, as the embedded default
 *       URL has it. With H2's half-second default a killed night loses its last commits, and H2
 *       2.4.240 then sometimes reopened the file with indexes pointing at the lost rows, a night
 *       that could never resume (docs/operations.md, "After a crash"). A URL that names its own
 *       {@code WRITE_DELAY} keeps it. The cost: H2 starts its background writer, which also
 *       compacts the file, only for a delay above 0, so the file grows several times larger
 *       (docs/benchmarks/2026-12-02-h2-write-delay.md).</li>
 * </ul>
 */
@Component
class ConnectionSettings implements BeanPostProcessor {

    static final String EVERY_COMMIT_WRITTEN = ";WRITE_DELAY=0";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            String url = hikari.getJdbcUrl();
            if (url.startsWith("jdbc:postgresql:")) {
                hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            } else if (url.startsWith("jdbc:h2:")) {
                hikari.setJdbcUrl(everyCommitWritten(url));
            }
        }
        return bean;
    }

    /** An H2 URL with {@code WRITE_DELAY=0} added, unless it names a write delay already. */
    static String everyCommitWritten(String h2Url) {
        return h2Url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? h2Url : h2Url + EVERY_COMMIT_WRITTEN;
    }
}
