package jp.refund;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A PostgreSQL test without a server fails and says what to install; it is not skipped (issue 34). */
class PostgresServerTest {

    @Test
    void noServerConfiguredFailsSayingWhatToInstall() {
        assertThatThrownBy(() -> PostgresServer.require(Map.of()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("TEST_PG_URL is not set")
                .hasMessageContaining("apt-get install postgresql")
                .hasMessageContaining("scripts/test.sh");
    }

    @Test
    void aServerThatDoesNotAnswerFailsSayingWhatToInstall() {
        // port 1 on loopback: nothing listens there
        Map<String, String> env = Map.of(PostgresServer.URL_ENV, "jdbc:postgresql://127.0.0.1:1/postgres",
                PostgresServer.USER_ENV, "nobody", PostgresServer.PASSWORD_ENV, "none");

        assertThatThrownBy(() -> PostgresServer.require(env))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("does not answer")
                .hasMessageContaining("apt-get install postgresql");
    }
}
