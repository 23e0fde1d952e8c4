package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Claim and certificate numbers: one serial-plus-Luhn type, two prefixes. */
class SerialNumberTest {

    @Test
    void tenDigitsWithALuhnCheckDigit() {
        assertThat(SerialNumber.CLAIM_NUMBER.of(SerialNumber.FIRST_SERIAL)).isEqualTo("1000000016");
        assertThat(SerialNumber.CLAIM_NUMBER.of(100_000_002L)).isEqualTo("1000000024");
        assertThat(SerialNumber.CLAIM_NUMBER.of(123_456_789L)).isEqualTo("1234567897");
        assertThat(SerialNumber.CLAIM_NUMBER.serialOf("1234567897")).isEqualTo(123_456_789L);
    }

    @Test
    void aMistypedDigitOrSwappedNeighboursAreCaught() {
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("1234567897")).isTrue();
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("1234567887")).isFalse();
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("1234576897")).isFalse();
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("123456789")).isFalse();
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("12345678a7")).isFalse();
    }

    @Test
    void certificateNumbersAreThePrefixAndTheSameLuhnSerial() {
        assertThat(SerialNumber.CERTIFICATE_NUMBER.of(SerialNumber.FIRST_SERIAL)).isEqualTo("P1000000016");
        assertThat(SerialNumber.CERTIFICATE_NUMBER.serialOf("P1234567897")).isEqualTo(123_456_789L);
        assertThat(SerialNumber.CERTIFICATE_NUMBER.isValid("P1234567897")).isTrue();
        assertThat(SerialNumber.CERTIFICATE_NUMBER.isValid("1234567897")).isFalse();
        assertThat(SerialNumber.CERTIFICATE_NUMBER.isValid("P1234567887")).isFalse();
        assertThat(SerialNumber.CLAIM_NUMBER.isValid("P1234567897")).isFalse();
    }

    @Test
    void serialsOutsideNineDigitsAreRefused() {
        assertThatThrownBy(() -> SerialNumber.CLAIM_NUMBER.of(1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }
}
