package jp.refund.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file ({@code compact}). With {@code WRITE_DELAY=0} (every commit
 * written when it is made: see {@link ConnectionSettings}) H2 never starts its background writer,
 * which is also what compacts the file: every commit appends the pages it changed, and the file
 * grew to 23 GB after a 1.5 M first night. {@code SHUTDOWN COMPACT} rewrites the live pages into
 * a new file; only while no other process holds the book.
 *
 * <p>Compacting between a night's steps was tried and withdrawn (docs/benchmarks,
 * 2026-12-07): {@code MVStore.compactFile} online tripped an H2 assertion that closed the
 * database, and with {@code MVStore.compact} plus {@code RETENTION_TIME=0} a partitioned night's
 * commit failed in two of the three full test runs that had them.
 */
@Component
public class EmbeddedFileCompaction {


    private final DataSource dataSource;

    public EmbeddedFileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * {@code SHUTDOWN COMPACT}: every live page rewritten into a new file, the database closed.
     * Only on an H2 file this process holds alone; returns the sizes before and after, or empty
     * on another database.
     *
     * @throws IllegalStateException when the book is another process's (reached through its
     *                               AUTO_SERVER): compacting would close it under that process
     */
    public Optional<long[]> shutdownCompact() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                return Optional.empty();
            }
            MVStore store = localStore(connection);
            if (store == null) {
                throw new IllegalStateException("the database is open in another process (a night or serve):"
                        + " stop it, then compact");
            }
            if (store.getFileStore() == null) {
                return Optional.empty();
            }
            Path file = Path.of(store.getFileStore().getFileName());
            long before = Files.size(file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return Optional.of(new long[]{before, Files.size(file)});
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("could not compact the database file: " + e.getMessage(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** After SHUTDOWN the pool's connection cannot be handed back cleanly: the database is closed under it. */
    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException closedWithTheDatabase) {
                // nothing to hand back
            }
        }
    }

    /** The H2 file this process holds, or empty on another database. */
    public Optional<Path> file() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = localStore(connection);
            return store == null || store.getFileStore() == null ? Optional.empty()
                    : Optional.of(Path.of(store.getFileStore().getFileName()));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not read the database file's name", e);
        }
    }

    private static MVStore localStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return null;
        }
        return local.getDatabase().getStore().getMvStore();
    }
}
