package jp.refund.kana;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZenginNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ヤマダ タロウ|ﾔﾏﾀﾞ ﾀﾛｳ",
            "やまだ　たろう|ﾔﾏﾀﾞ ﾀﾛｳ",
            "ｲﾄｳ ｼｮｳ|ｲﾄｳ ｼﾖｳ",
            "キャシー・ジョーンズ|ｷﾔｼ-.ｼﾞﾖ-ﾝｽﾞ",
            "パーク ヴァン|ﾊﾟ-ｸ ｳﾞｱﾝ",
            "ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ|ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ",
            "Smith John|SMITH JOHN",
            "ＡＢＣ１２３|ABC123",
    })
    void writesNamesInZenginCharacters(String name, String zengin) {
        assertThat(ZenginName.of(name)).contains(zengin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"吉田 拓也", "ヤマダ☆タロウ", "ヰセキ", "  ", "ヤマダ@タロウ"})
    void refusesWhatCannotBeWritten(String name) {
        assertThat(ZenginName.of(name)).isEmpty();
    }

    @Test
    void aRememberedConversionIsTheSameConversion() {
        for (int i = 0; i < 2; i++) {
            assertThat(ZenginName.of("じょん・すみす")).contains("ｼﾞﾖﾝ.ｽﾐｽ");
            assertThat(ZenginName.of("山田 太郎")).isEmpty(); // kanji cannot be written in a bank file
        }
    }
}
