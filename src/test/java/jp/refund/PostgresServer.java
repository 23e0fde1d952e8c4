package jp.refund;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the PostgreSQL tests run on: a throw-away cluster named by
 * {@code TEST_PG_URL} (any database of it, e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres}),
 * {@code TEST_PG_USER} and {@code TEST_PG_PASSWORD}, a role that may create databases
 * and roles. {@code scripts/test.sh} (the README's test command) starts one in {@code pg_virtualenv}.
 * Without it the tests fail and say what to install: skipped, a newcomer would never test the
 * production database. (Not {@code REFUND_...}: Spring would read such a variable as a
 * {@code refund.} setting, and every night would record it in night-settings.csv.)
 */
public final class PostgresServer {

    public static final String URL_ENV = "TEST_PG_URL";
    public static final String USER_ENV = "TEST_PG_USER";
    public static final String PASSWORD_ENV = "TEST_PG_PASSWORD";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** One database of the server, and who connects to it. */
    public record Database(String name, String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        public Database as(String otherUser, String otherPassword) {
            return new Database(name, url, otherUser, otherPassword);
        }

        /** The libpq connection of {@code psql} for this database (host and port from the JDBC URL). */
        String host() {
            return url.replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
        }

        String port() {
            Matcher m = Pattern.compile("jdbc:postgresql://[^:/]+:(\\d+)/.*").matcher(url);
            return m.matches() ? m.group(1) : "5432";
        }
    }

    private final Database admin;

    private PostgresServer(Database admin) {
        this.admin = admin;
    }

    /** What a contributor does when the tests find no server. */
    static final String HOW_TO_GET_ONE = "run the tests with scripts/test.sh, which starts a throw-away cluster"
            + " (it needs Debian's postgresql package: apt-get install postgresql, for pg_virtualenv),"
            + " or set " + URL_ENV + ", " + USER_ENV + " and " + PASSWORD_ENV
            + " to a cluster whose role may create databases and roles";

    /** The server; fails the calling test, saying what to install, when none is configured or it does not answer. */
    public static PostgresServer require() {
        return require(System.getenv());
    }

    static PostgresServer require(Map<String, String> env) {
        String url = env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            fail("no PostgreSQL server for the PostgreSQL tests: " + URL_ENV + " is not set; " + HOW_TO_GET_ONE);
        }
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            fail(URL_ENV + " is not a jdbc:postgresql://host:port/database URL");
        }
        Database admin = new Database(m.group(2), url, env.get(USER_ENV), env.get(PASSWORD_ENV));
        try (Connection c = admin.connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("the PostgreSQL server of " + URL_ENV + " does not answer (" + e.getMessage() + "); " + HOW_TO_GET_ONE);
        }
        return new PostgresServer(admin);
    }

    public Database admin() {
        return admin;
    }

    /** A new empty database as the book needs it (UTF-8, C collation), owned by the admin role. */
    public Database createDatabase(String purpose) {
        String name = "refund_it_" + purpose + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        return in(name);
    }

    /** The admin's connection to another database of the server. */
    public Database in(String name) {
        Matcher m = URL.matcher(admin.url());
        m.matches();
        return new Database(name, m.group(1) + name + m.group(3), admin.user(), admin.password());
    }

    public void execute(String sql) {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a shipped SQL script with {@code psql} as an operator would (variables with {@code -v});
     * returns its output, failing on a non-zero exit, and when psql is missing.
     */
    public static String psql(Database db, Path script, Map<String, String> variables) {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-h", db.host(), "-p", db.port(), "-U", db.user(),
                "-d", db.name(), "-f", script.toAbsolutePath().toString()));
        variables.forEach((k, v) -> cmd.addAll(List.of("-v", k + "=" + v)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password() == null ? "" : db.password());
        try {
            Process p;
            try {
                p = pb.start();
            } catch (IOException noPsql) {
                return fail("psql (PostgreSQL's client) not found: " + noPsql.getMessage()
                        + "; install Debian's postgresql-client (scripts/test.sh installs postgresql)");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("psql -f " + script + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
