package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import jp.refund.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Flyway on PostgreSQL, with the locations the application uses: an empty database, and a
 * database at the previous release's schema (V12, before PostgreSQL support) holding a night.
 */
class PostgresMigrationIT {

    /** The last version of the previous release. */
    private static final String PREVIOUS_RELEASE = "12";

    @Test
    void anEmptyDatabaseMigratesAndItsSearchKeysAreTheJavaForms() throws SQLException {
        PostgresServer.Database db = PostgresServer.require().createDatabase("empty");
        MigrateResult result = flyway(db, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(12);

        try (Connection c = db.connect()) {
            String email = "\u3000 Taro.Yamada@Example.JP\t\u2003";
            insertMember(c, "M1", email, "090-1234-5678");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT email_key, phone_key FROM member WHERE member_id = 'M1'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(email.strip().toLowerCase(Locale.ROOT));
                assertThat(rs.getString(2)).isEqualTo("09012345678");
            }
        }
    }

    @Test
    void aDatabaseAtThePreviousReleaseMigratesKeepingItsRows() throws SQLException {
        PostgresServer.Database db = PostgresServer.require().createDatabase("previous");
        flyway(db, PREVIOUS_RELEASE).migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            insertMember(c, "M2", "hanako@example.jp", "03-0000-0000");
            s.executeUpdate("INSERT INTO night (run_date, completed_at) VALUES (DATE '2019-10-01', CURRENT_TIMESTAMP)");
        }

        MigrateResult result = flyway(db, null).migrate();

        assertThat(result.success).isTrue();
        assertThat(flyway(db, null).info().pending()).isEmpty();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM member), (SELECT COUNT(*) FROM night)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
    }

    private static Flyway flyway(PostgresServer.Database db, String target) {
        var config = Flyway.configure()
                .dataSource(new DriverManagerDataSource(db.url(), db.user(), db.password()))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void insertMember(Connection c, String id, String email, String phone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_id, family_name, given_name,"
                + " family_name_kana, given_name_kana, birth_date, email, phone, postal_code, address, content_hash,"
                + " ingested_on, source_line) VALUES (?, '山田', '太郎', 'ヤマダ', 'タロウ', DATE '1980-01-01', ?, ?,"
                + " '1000001', '東京都', ?, DATE '2019-10-01', 2)")) {
            ps.setString(1, id);
            ps.setString(2, email);
            ps.setString(3, phone);
            ps.setString(4, "0".repeat(64));
            ps.executeUpdate();
        }
    }
}
