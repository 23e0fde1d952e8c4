package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import jp.refund.NightlyHarness;
import jp.refund.PostgresServer;
import jp.refund.cli.RefundBatchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege on PostgreSQL, with the shipped scripts run by psql as docs/postgresql.md says: the
 * owner role runs the nights; the serve role reads the book, writes its own tables and is
 * refused any change to a claim.
 */
class PostgresRolesIT {

    private static final Path ROLES = Path.of("scripts/postgresql-roles.sql");
    private static final Path GRANTS = Path.of("scripts/postgresql-grants.sql");

    @Test
    void theServeRoleReadsTheBookWritesItsOwnTablesAndCannotUpdateAClaim(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.require();
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        String db = "refund_it_roles_" + suffix;
        String owner = "refund_it_owner_" + suffix;
        String serve = "refund_it_serve_" + suffix;
        String ownerPassword = "owner-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String servePassword = "serve-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        PostgresServer.psql(server.admin(), ROLES, Map.of("db", db, "owner", owner, "serve", serve,
                "owner_password", ownerPassword, "serve_password", servePassword));
        PostgresServer.Database asOwner = server.in(db).as(owner, ownerPassword);
        PostgresServer.Database asServe = server.in(db).as(serve, servePassword);

        // the first night as the owner: Flyway makes every table, the night completes
        NightlyHarness nights = new NightlyHarness(root).on(asOwner);
        nights.night("2019-10-01", Path.of("input/2019-10-01"));
        NightlyHarness.Result first = nights.run("nightly");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        PostgresServer.psql(asOwner, GRANTS, Map.of("serve", serve));

        try (Connection c = asServe.connect(); Statement s = c.createStatement()) {
            long claims = count(s, "SELECT COUNT(*) FROM claim");
            assertThat(claims).isPositive();
            assertThat(count(s, "SELECT COUNT(*) FROM claim_event")).isPositive();

            assertThatThrownBy(() -> s.executeUpdate("UPDATE claim SET status = 'APPROVED'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501")); // insufficient_privilege
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM claim_event"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM night"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.executeUpdate("CREATE TABLE intruder (x INT)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));

            // its own tables: a look-up logged (identity column included)
            assertThat(s.executeUpdate("INSERT INTO lookup_log (looked_at, username, query_kind, results, outcome)"
                    + " VALUES (CURRENT_TIMESTAMP, 'it', 'CLAIM_NUMBER', 0, 'FOUND')")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM claim")).isEqualTo(claims);
            // passkeys (issue 36): registered, counted on each use and revoked through serve
            assertThat(s.executeUpdate("INSERT INTO user_entities (id, name) VALUES ('it-user', 'it')")).isEqualTo(1);
            assertThat(s.executeUpdate("INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key,"
                    + " backup_eligible, backup_state, label) VALUES ('it-key', 'it-user', decode('a501', 'hex'), FALSE,"
                    + " FALSE, 'it')")).isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE user_credentials SET signature_count = 1")).isEqualTo(1);
            assertThat(s.executeUpdate("DELETE FROM user_credentials")).isEqualTo(1);
            assertThat(s.executeUpdate("DELETE FROM user_entities")).isEqualTo(1);
            // the logs are append-only for it: no rewriting, no removing (issue 36)
            for (String sql : new String[] {"UPDATE lookup_log SET query_value = 'x'", "DELETE FROM lookup_log",
                    "UPDATE security_event SET detail = 'x'", "DELETE FROM security_event", "TRUNCATE security_event"}) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }

        // the `user` command as the serve role: starts (Flyway has nothing to do), writes staff and security events
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a-long-Support-passphrase-17\n".getBytes(StandardCharsets.UTF_8)));
            int user = RefundBatchCommand.execute("user", "--role=SUPPORT", "desk.one",
                    "--spring.datasource.url=" + asServe.url(), "--spring.datasource.username=" + serve,
                    "--spring.datasource.password=" + servePassword);
            assertThat(user).isZero();
        } finally {
            System.setIn(stdin);
        }
        try (Connection c = asOwner.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM staff_user WHERE username = 'desk.one'")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM security_event WHERE username = 'desk.one'")).isPositive();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
