package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every book's connections get, whatever URL the operator gave. */
class ConnectionSettingsTest {

    @TempDir
    Path folder;

    /** The write delay the open database reports (H2 lists it once per source of settings). */
    private static List<String> writeDelayOf(HikariDataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class);
    }

    private HikariDataSource processed(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        new ConnectionSettings().postProcessBeforeInitialization(dataSource, "dataSource");
        return dataSource;
    }

    @Test
    void anOperatorsH2FileWritesEveryCommitWhenItIsMade() {
        String url = "jdbc:h2:file:" + folder.resolve("own/refunds") + ";AUTO_SERVER=TRUE";
        try (HikariDataSource dataSource = processed(url)) {
            assertThat(dataSource.getJdbcUrl()).isEqualTo(url + ";WRITE_DELAY=0");
            assertThat(writeDelayOf(dataSource)).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void aWriteDelayTheOperatorNamedIsKept() {
        String url = "jdbc:h2:file:" + folder.resolve("own/refunds") + ";write_delay=200";
        try (HikariDataSource dataSource = processed(url)) {
            assertThat(dataSource.getJdbcUrl()).isEqualTo(url);
            assertThat(writeDelayOf(dataSource)).isNotEmpty().containsOnly("200");
        }
        String embeddedDefault = EmbeddedDatabaseCredentials.url(folder.resolve("data/refunds"), null);
        assertThat(ConnectionSettings.everyCommitWritten(embeddedDefault)).isEqualTo(embeddedDefault);
    }

    @Test
    void aPostgreSqlUrlIsLeftAsGivenAndBatchesItsInserts() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/refunds");
        new ConnectionSettings().postProcessBeforeInitialization(dataSource, "dataSource");
        assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/refunds");
        assertThat(dataSource.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
        dataSource.close();
    }
}
