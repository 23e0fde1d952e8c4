package jp.refund.database;

import java.sql.Connection;
import java.sql.SQLException;
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

    private final DataSource dataSource;

    EmbeddedFileCompaction(DataSource dataSource) {
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
            long before = store.getFileStore().size();
            long start = System.nanoTime();
            store.compactFile(maxMillis);
            long after = store.getFileStore().size();
            if (before - after < 1 << 20) {
                return after;
            }
            log.info("database file compacted: {} MB -> {} MB in {} s", before >> 20, after >> 20,
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return after;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not compact the database file", e);
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
