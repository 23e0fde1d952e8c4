package jp.refund.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Migrates the book so that a kill or a full disk in the middle leaves a way back (issue 38).
 * H2 commits each DDL statement on its own, so a migration stopped half-way would leave the
 * book half-migrated for good ("Detected failed migration", "Duplicate column"). Before it
 * migrates an H2 file with pending migrations, the database is closed and its file copied to
 * {@code <file>.mv.db.before-migration} (written under a temporary name, then renamed); the copy
 * is removed once every migration succeeded. A migration that fails puts the copy back at once;
 * one that was killed leaves the copy, and the next command (any command) puts it back before
 * it migrates again. PostgreSQL needs none of this: Flyway runs each migration in a transaction
 * there, DDL included, so a failed or killed migration leaves nothing behind.
 */
@Component
class BookMigration implements FlywayMigrationStrategy {

    static final String COPY_SUFFIX = ".before-migration";

    private static final Logger log = LoggerFactory.getLogger(BookMigration.class);

    private final Environment environment;

    BookMigration(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        Path file = h2File(environment.getProperty("spring.datasource.url", ""));
        if (file == null) {
            run(flyway, null);
            return;
        }
        Path copy = file.resolveSibling(file.getFileName() + COPY_SUFFIX);
        if (Files.exists(copy)) {
            close(dataSource);
            move(copy, file);
            log.warn("restored the book {} from {}: a migration did not finish (the process was killed or the disk"
                    + " was full); migrating again", file, copy);
        }
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            run(flyway, null);
            return;
        }
        close(dataSource);
        copy(file, copy);
        try {
            run(flyway, copy);
        } catch (BookMigrationException e) {
            close(dataSource);
            move(copy, file);
            throw e;
        }
        try {
            Files.delete(copy);
        } catch (IOException e) {
            throw new BookMigrationException("migrated the book, but cannot remove " + copy + " (" + e.getMessage()
                    + "): remove it by hand before the next command", e);
        }
    }

    private static void run(Flyway flyway, Path copy) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String why = firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            throw new BookMigrationException("the database migration" + failedVersion(flyway) + " failed: " + why
                    + (copy == null ? "" : "; the book is back as before (from its copy): fix the cause, then run"
                    + " the same command again"), e);
        }
    }

    /** " to version N" of the first migration that did not succeed, or nothing when that cannot be read. */
    private static String failedVersion(Flyway flyway) {
        try {
            for (MigrationInfo info : flyway.info().all()) {
                if (info.getVersion() != null && info.getState() != null && !info.getState().isApplied()
                        || info.getState() != null && info.getState().isFailed()) {
                    return " to version " + info.getVersion();
                }
            }
        } catch (RuntimeException unreadable) {
            // the message names the cause all the same
        }
        return "";
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /** The H2 file of a {@code jdbc:h2:file:} URL ({@code <path>.mv.db}), or null for any other database. */
    static Path h2File(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".mv.db").toAbsolutePath().normalize();
    }

    /**
     * Closes the database this process holds, so that its file is whole on disk (to copy) or can
     * be replaced; the pool then opens it afresh. Refused when another process holds it (reached
     * through AUTO_SERVER): its file can be neither copied nor replaced under it.
     */
    private static void close(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal)) {
                throw new BookMigrationException("the database must be migrated, and it is open in another process"
                        + " (a night or serve): stop it, then run the same command again", null);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        } catch (SQLException closedWithTheDatabase) {
            // handing the connection back after SHUTDOWN: the database is closed under it
        }
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The whole file under a temporary name, then renamed: a kill while copying leaves no copy to trust. */
    private static void copy(Path file, Path copy) {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below names the cause
            }
            throw new BookMigrationException("cannot copy the database before migrating it (" + e.getMessage()
                    + "): nothing was changed; the copy needs " + size(file) + " bytes free next to it", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void move(Path copy, Path file) {
        try {
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BookMigrationException("cannot put back the database from " + copy + " (" + e.getMessage()
                    + "): move it over " + file + " by hand, then run the same command again", e);
        }
    }
}
