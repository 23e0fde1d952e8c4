package jp.refund.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connection settings a PostgreSQL book always wants, whatever URL the operator gave:
 * {@code reWriteBatchedInserts} turns a JDBC batch (claims, claim events, rejects) into
 * multi-row INSERTs, a few round trips per chunk instead of one per row. Set before the pool
 * opens its first connection; an H2 URL is left alone (H2 refuses unknown settings).
 */
@Component
class ServerConnections implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
