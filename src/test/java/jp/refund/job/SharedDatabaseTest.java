package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.Test;

/** Remote partitioning refuses a database that only its own JVM sees. */
class SharedDatabaseTest {

    @Test
    void aWorkerRefusesH2WithTheReasonAndWhatToUse() {
        assertThatThrownBy(() -> SharedDatabase.require(MigratedDatabase.create().getDataSource(), "a worker"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a worker needs the book on a database server that the manager and every worker share")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("not H2 (jdbc:h2:mem:migrated-");
    }
}
