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
    void fullWidthEraDatesAccountsAndAddressesAreMaskedWhereverTheyStand() {
        assertThat(Masking.query("０９０１１１１０００１")).isEqualTo("*******0001");
        assertThat(Masking.query("ｔａｒｏ＠example.jp")).isEqualTo("t***@example.jp");
        assertThat(Masking.query("昭和55年4月1日")).isEqualTo("****-**-**");
        // the date, then 生 ("born") as any Japanese text
        assertThat(Masking.query("昭和５５年４月１日生")).isEqualTo("****-**-**" + "***");
        assertThat(Masking.query("S55.4.1")).isEqualTo("****-**-**");
        assertThat(Masking.query("01/04/1980")).isEqualTo("****-**-**");
        assertThat(Masking.query("平成元年1月8日")).isEqualTo("****-**-**");
        assertThat(Masking.query("1234567")).isEqualTo("****567");
        assertThat(Masking.query("口座 001-1234567")).isEqualTo("*** ****567");
        assertThat(Masking.query("山田 090-1111-0001 taro@example.jp")).isEqualTo("*** *******0001 t***@example.jp");
        // a name typed into a look-up, in kanji, kana or half-width kana, alone or beside an id
        assertThat(Masking.query("山田太郎")).isEqualTo("***");
        assertThat(Masking.query("ヤマダ　タロウ")).isEqualTo("***");
        assertThat(Masking.query("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("***");
        assertThat(Masking.query("M0024 さとう")).isEqualTo("M0024 ***");
        assertThat(Masking.query("〒150-0001 東京都渋谷区神宮前1-2-3")).isEqualTo("〒***-**** 東京都***");
        assertThat(Masking.query("大阪府大阪市北区")).isEqualTo("大阪府***");
    }

    @Test
    void idsAndClaimNumbersAreKeptCutShortAndWithoutControlCharacters() {
        assertThat(Masking.query("1000000024")).isEqualTo("1000000024");
        assertThat(Masking.query("M0024")).isEqualTo("M0024");
        assertThat(Masking.query("x".repeat(300))).hasSize(Masking.LOGGED_LENGTH);
        assertThat(Masking.query("A1\nFORGED")).isEqualTo("A1?FORGED");
    }
}
