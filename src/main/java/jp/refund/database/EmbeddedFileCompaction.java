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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of what it holds. With {@code WRITE_DELAY=0}
 * (every commit written when it is made: see {@link ConnectionSettings}) H2 never starts its
 * background writer, which is also what compacts the file: every commit appends the pages it
 * changed, the pages they replace stay in partly used chunks, and the file grew to 23 GB after
 * a 1.5 M first night. So the night compacts it itself between steps (no transaction of the
 * night is open then): the chunks that are mostly dead are rewritten and the file's free space
 * used again, the same work as {@code SHUTDOWN COMPACT} without closing the book.
 *
 * <p>Only an H2 database this process opened itself; on PostgreSQL, or through another
 * process's H2 server ({@code AUTO_SERVER}), it does nothing.
 */
@Component
public class EmbeddedFileCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedFileCompaction.class);

    /** Chunks less full than this are rewritten (H2's own default for its background compaction). */
    private static final int TARGET_FILL_RATE = 90;
    /** Compaction stops once this share of the file is live. */
    private static final int STOP_FILL_RATE = 80;
    private static final int REWRITE_BYTES = 64 << 20;

    private final DataSource dataSource;

    public EmbeddedFileCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Compacts for at most {@code maxMillis}; returns the file's size in bytes after, or -1 when
     * the book is not an H2 file of this process.
     */
    public long compact(int maxMillis) {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = localStore(connection);
            if (store == null || store.getFileStore() == null) {
                return -1;
            }
            if (anotherSessionIsWorking(connection)) {
                log.info("database file not compacted now: another session is writing or running a statement");
                return store.getFileStore().size();
            }
            long before = store.getFileStore().size();
            long start = System.nanoTime();
            long stopAt = start + maxMillis * 1_000_000L;
            // H2's own background writer's work: rewrite the live pages of mostly dead chunks, a
            // bounded amount at a time, under the store's lock. (MVStore.compactFile also moves
            // chunks; online, it tripped an assertion of H2 2.4.240 and closed the database.)
            int fillRate = store.getFillRate();
            boolean rewrote = false;
            // until the file is mostly live, or a round gains nothing: near the target, rewriting makes
            // about as much garbage as it frees (a 1.5 M night spent its whole budget so after every step)
            int last = -1;
            while (System.nanoTime() < stopAt && store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                store.commit();
                rewrote = true;
                int now = store.getFillRate();
                if (now >= STOP_FILL_RATE || now <= last) {
                    break;
                }
                last = now;
            }
            long after = store.getFileStore().size();
            if (rewrote) {
                log.info("database file compacted: {} MB, {} % live -> {} MB, {} % live, in {} s", before >> 20,
                        fillRate, after >> 20, store.getFillRate(),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
            return after;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not compact the database file", e);
        }
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

    /**
     * Whether another session (a partition's thread, or a process reaching the book through
     * AUTO_SERVER, such as serve) holds uncommitted changes or runs a statement: compaction then
     * waits for the next step. A partitioned night's commit failed once while a partition's end
     * compacted beside the others.
     */
    private static boolean anotherSessionIsWorking(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE SESSION_ID <> SESSION_ID() AND (CONTAINS_UNCOMMITTED"
                     + " OR EXECUTING_STATEMENT IS NOT NULL)")) {
            return rs.next() && rs.getLong(1) > 0;
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
