package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** serve on an address other hosts reach, without TLS: refused unless the operator says they understand. */
class PlainHttpGuardTest {

    @Test
    void aNonLoopbackBindWithoutTlsIsRefusedUnlessUnderstood() {
        assertThatThrownBy(() -> PlainHttpGuard.check(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--i-understand-plain-http");
        assertThatCode(() -> PlainHttpGuard.check(new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("refund.staff.plain-http", "true"))).doesNotThrowAnyException();
        assertThatCode(() -> PlainHttpGuard.check(new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("server.ssl.bundle", "web"))).doesNotThrowAnyException();
        assertThatCode(() -> PlainHttpGuard.check(new MockEnvironment().withProperty("server.address", "127.0.0.1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlainHttpGuard.check(new MockEnvironment().withProperty("server.address", "::1")))
                .doesNotThrowAnyException();
    }
}
