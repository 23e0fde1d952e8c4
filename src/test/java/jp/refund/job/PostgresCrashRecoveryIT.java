package jp.refund.job;

import java.nio.file.Path;
import java.util.List;
import jp.refund.ChildNightly;
import jp.refund.PostgresServer;

/**
 * {@link CrashRecoveryIT} on PostgreSQL: halted in an ingest chunk (its COPY not committed) and
 * between publishing and recording it, and SIGKILLed during the decisions, the night resumes to
 * what one uninterrupted PostgreSQL night gives. Fewer kill points than on H2 (the CI time budget):
 * the others exercise the output files, not the database.
 */
class PostgresCrashRecoveryIT extends CrashRecoveryIT {

    @Override
    ChildNightly night(Path root) {
        return new ChildNightly(root, PostgresServer.require().createDatabase("crash"));
    }

    /** The decisions too: a restarted step reads the book it holds in memory again, from what was committed. */
    @Override
    List<String> crashPoints() {
        return List.of("ingest-chunk:4", "decision-chunk:2", "publish:2");
    }
}
