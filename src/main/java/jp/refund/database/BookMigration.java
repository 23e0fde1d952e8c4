package jp.refund.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
 * is removed once every migration succeeded and the migrated book is on disk. A migration that
 * fails puts the copy back at once; one that was killed leaves the copy, and the next command
 * (any command) puts it back before it migrates again. PostgreSQL needs none of this: Flyway
 * runs each migration in a transaction there, DDL included, so a failed or killed migration
 * leaves nothing behind.
 */
@Component
class BookMigration implements FlywayMigrationStrategy {

    static final String COPY_SUFFIX = ".before-migration";
    static final String PARTIAL_SUFFIX = ".partial";
    /**
     * Room a migration needs besides the book's copy and a rewrite of the book: a fresh H2 book grows
     * to 6.3 MB while its 24 migrations run (it is compacted to 0.1 MB when closed).
     */
    static final long MIGRATION_ROOM = 8L << 20;
    private static final String NO_SPACE = "No space left on device";

    private static final Logger log = LoggerFactory.getLogger(BookMigration.class);

    private final Environment environment;
    private final MigrationProgress progress;
    private final MigrationCrashTest crashTest;

    BookMigration(Environment environment, MigrationProgress progress, MigrationCrashTest crashTest) {
        this.environment = environment;
        this.progress = progress;
        this.crashTest = crashTest;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        Path file = h2File(environment.getProperty("spring.datasource.url", ""));
        if (file == null) {
            run(flyway);
            return;
        }
        Path copy = file.resolveSibling(file.getFileName() + COPY_SUFFIX);
        if (Files.exists(copy)) {
            close(dataSource);
            move(copy, file);
            log.warn("restored the book {} from {}: a migration did not finish (the process was killed or the disk"
                    + " was full); migrating again", file, copy);
        }
        if (flyway.info().pending().length == 0) {
            run(flyway);
            return;
        }
        close(dataSource);
        long bookBytes = size(file);
        copy(file, copy, bookBytes);
        try {
            flyway.migrate();
            onDisk(dataSource);
        } catch (RuntimeException e) {
            close(dataSource);
            move(copy, file);
            ownerOnly(file); // H2's trace of the failure was written with the umask: the book never got ready
            throw failed(e, copy, bookBytes);
        }
        try {
            Files.delete(copy);
        } catch (IOException e) {
            throw new BookMigrationException("migrated the book, but cannot remove " + copy + " (" + e.getMessage()
                    + "): remove it by hand before the next command", e);
        }
    }

    /** Without a copy: PostgreSQL (each migration its own transaction), or nothing pending. */
    private void run(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw failed(e, null, 0);
        }
    }

    /**
     * The one line of a migration that failed, once the book is back from its copy (when it has
     * one): a full disk is named with its folder, what is free there now and about what is needed.
     */
    private BookMigrationException failed(RuntimeException e, Path copy, long bookBytes) {
        if (e instanceof BookMigrationException known) {
            return known;
        }
        String version = progress.version() == null ? "" : " to version " + progress.version();
        if (copy != null && noSpace(e)) {
            return new BookMigrationException(NO_SPACE.toLowerCase(Locale.ROOT) + " in " + copy.getParent()
                    + " while migrating" + version + " (" + space(copy.getParent(), bookBytes)
                    + "); the book is back as before: free space, then run the same command again", e);
        }
        return new BookMigrationException("the database migration" + version + " failed: " + why(e)
                + (copy == null ? "" : "; the book is back as before (from its copy): fix the cause, then run"
                + " the same command again"), e);
    }

    /**
     * Every migration written to the file before its copy goes: an operator's URL may keep H2's
     * write delay, and a kill after the copy is removed must find the book migrated.
     */
    private static void onDisk(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static boolean noSpace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the innermost cause's message. */
    private static String why(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /**
     * What is free in the folder and about what migrating needs there: the copy (as large as the
     * book), as much again for migrations that rewrite a table, and {@link #MIGRATION_ROOM}.
     */
    private static String space(Path folder, long bookBytes) {
        String free;
        try {
            free = megabytes(Files.getFileStore(folder).getUsableSpace());
        } catch (IOException e) {
            free = "?";
        }
        return free + " free, about " + megabytes(2 * Math.max(bookBytes, 0) + MIGRATION_ROOM) + " needed";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
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
            // handing the connection back after SHUTDOWN (or a database a full disk closed): it is closed
        }
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /**
     * The whole file under a temporary name, written to disk, then renamed: a kill while copying
     * leaves no copy to trust (the next command writes it again). The copy is the owner's alone
     * from the start, as the book is: it holds the same personal data.
     */
    private void copy(Path file, Path copy, long bookBytes) {
        Path partial = copy.resolveSibling(copy.getFileName() + PARTIAL_SUFFIX);
        try {
            Files.deleteIfExists(partial);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel to = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                long size = from.size();
                for (long done = 0; done < size; ) {
                    done += from.transferTo(done, size - done, to);
                }
                to.force(true);
            }
            crashTest.copyWritten();
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below names the cause
            }
            if (noSpace(e)) {
                throw new BookMigrationException(NO_SPACE.toLowerCase(Locale.ROOT) + " in " + copy.getParent()
                        + " to copy the book before migrating it (" + space(copy.getParent(), bookBytes)
                        + "); nothing was changed: free space, then run the same command again", e);
            }
            throw new BookMigrationException("cannot copy the database before migrating it (" + e.getMessage()
                    + "): nothing was changed; the copy needs " + bookBytes + " bytes free next to it", e);
        }
    }

    private static void ownerOnly(Path file) {
        String name = file.getFileName().toString();
        try {
            DatabaseFiles.ownerOnly(file.resolveSibling(name.substring(0, name.length() - ".mv.db".length())));
        } catch (RuntimeException notNarrowed) {
            // the failure's own line matters more than the modes of its files
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
