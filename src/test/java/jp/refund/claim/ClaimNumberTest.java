package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimNumberTest {

    @Test
    void tenDigitsWithALuhnCheckDigit() {
        assertThat(ClaimNumber.of(ClaimNumber.FIRST_SERIAL)).isEqualTo("1000000016");
        assertThat(ClaimNumber.of(100_000_002L)).isEqualTo("1000000024");
        assertThat(ClaimNumber.of(123_456_789L)).isEqualTo("1234567897");
        assertThat(ClaimNumber.serialOf("1234567897")).isEqualTo(123_456_789L);
    }

    @Test
    void aMistypedDigitOrSwappedNeighboursAreCaught() {
        assertThat(ClaimNumber.isValid("1234567897")).isTrue();
        assertThat(ClaimNumber.isValid("1234567887")).isFalse();
        assertThat(ClaimNumber.isValid("1234576897")).isFalse();
        assertThat(ClaimNumber.isValid("123456789")).isFalse();
        assertThat(ClaimNumber.isValid("12345678a7")).isFalse();
    }

    @Test
    void serialsOutsideNineDigitsAreRefused() {
        assertThatThrownBy(() -> ClaimNumber.of(1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }
}
