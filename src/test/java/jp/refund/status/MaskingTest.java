package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lookup log masks a query by what it looks like, not by the kind it was sent as. */
class MaskingTest {

    @Test
    void phonesEmailsAndDatesAreMaskedWhateverTheirShape() {
        assertThat(Masking.query("09012345678")).isEqualTo("*******5678");
        assertThat(Masking.query("090-1234-5678")).isEqualTo("*******5678");
        assertThat(Masking.query("+81 90 1234 5678")).isEqualTo("********5678");
        assertThat(Masking.query("taro.yamada@example.jp")).isEqualTo("t***@example.jp");
        assertThat(Masking.query("1989-05-20")).isEqualTo("****-**-**");
        assertThat(Masking.query("1989/5/20")).isEqualTo("****-**-**");
        assertThat(Masking.query("19890520")).isEqualTo("****-**-**");
        assertThat(Masking.query("1989年5月20日")).isEqualTo("****-**-**");
    }

    @Test
    void idsAndClaimNumbersAreKeptCutShortAndWithoutControlCharacters() {
        assertThat(Masking.query("1000000024")).isEqualTo("1000000024");
        assertThat(Masking.query("M0024")).isEqualTo("M0024");
        assertThat(Masking.query("x".repeat(300))).hasSize(Masking.LOGGED_LENGTH);
        assertThat(Masking.query("A1\nFORGED")).isEqualTo("A1?FORGED");
    }
}
