package jp.refund.job;

import java.nio.file.Path;
import jp.refund.ChildNightly;
import jp.refund.PostgresServer;

/** {@link ConcurrentReadIT} on PostgreSQL: another process reads the book on the server while a night runs. */
class PostgresConcurrentReadIT extends ConcurrentReadIT {

    @Override
    ChildNightly night(Path root) {
        return new ChildNightly(root, PostgresServer.require().createDatabase("concurrent"));
    }
}
