package jp.refund.job;

import java.nio.file.Path;
import jp.refund.ChildNightly;
import jp.refund.PostgresServer;

/**
 * {@link NightStartsOverIT} on PostgreSQL: the night's partial work is taken back in one
 * transaction there too (claims of earlier nights restored, claim and certificate numbers given
 * back), to the bytes of a clean PostgreSQL night on the fixed input.
 */
class PostgresNightStartsOverIT extends NightStartsOverIT {

    @Override
    ChildNightly night(Path nightRoot) {
        return new ChildNightly(nightRoot, PostgresServer.require().createDatabase("over"));
    }
}
