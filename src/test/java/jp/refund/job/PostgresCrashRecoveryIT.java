package jp.refund.job;

import java.nio.file.Path;
import java.util.List;
import jp.refund.ChildNightly;
import jp.refund.PostgresServer;

/**
 * {@link CrashRecoveryIT} on PostgreSQL: killed in an ingest chunk (COPY), in a decision chunk
 * and after publishing, the night resumes to what one uninterrupted PostgreSQL night gives.
 * Fewer kill points than on H2: the others exercise files, not the database.
 */
class PostgresCrashRecoveryIT extends CrashRecoveryIT {

    @Override
    ChildNightly night(Path root) {
        return new ChildNightly(root, PostgresServer.require().createDatabase("crash"));
    }

    @Override
    List<String> crashPoints() {
        return List.of("ingest-chunk:4", "decision-chunk:2", "publish:2");
    }
}
