package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class NightFailedExceptionTest {

    @Test
    void theLogShowsWhyABatchRowFailedNotOnlyThatTheBatchDid() {
        BatchUpdateException batch = new BatchUpdateException("Check constraint invalid: \"CLAIM_STATUS: \"", new int[0]);
        SQLException row = new SQLException("Check constraint invalid", "23514",
                new IllegalStateException("Timeout trying to lock table"));
        batch.setNextException(row);
        RuntimeException chunk = new RuntimeException("Unable to process chunk", new RuntimeException("insert", batch));

        NightFailedException failed = new NightFailedException("night 2019-11-14 failed", chunk);

        StringWriter log = new StringWriter();
        failed.printStackTrace(new PrintWriter(log));
        assertThat(failed.getSuppressed()).containsExactly(row);
        assertThat(log.toString()).contains("Unable to process chunk").contains("Suppressed:")
                .contains("Timeout trying to lock table");
    }
}
