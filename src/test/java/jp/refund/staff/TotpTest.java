package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 key "12345678901234567890": the last six of the eight digits. */
    @Test
    void theRfc6238TestVectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(secret, Totp.step(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        String secret = Totp.newSecret();
        long now = 1_700_000_000L;
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndTheUriIsWhatAuthenticatorAppsRead() {
        byte[] bytes = {1, 2, 3, 4, 5, (byte) 250, 0, 77, 9, 10};
        assertThat(Totp.unbase32(Totp.base32(bytes))).isEqualTo(bytes);
        assertThat(Totp.otpauthUri("refund-batch", "support", "ABC")).isEqualTo(
                "otpauth://totp/refund-batch%3Asupport?secret=ABC&issuer=refund-batch&algorithm=SHA1&digits=6&period=30");
    }
}
