package jp.refund.kana;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "ヤマダ タロウ, ﾔﾏﾀﾞ ﾀﾛｳ",
            "ヤマダ タロウ, やまだ　たろう",
            "イトウ ショウ, ｲﾄｳ ｼﾖｳ",
            "キャシー, キヤシー",
            "ヶ, ケ",
            "サトウ ユーコ, ｻﾄｳ ﾕｰｺ",
            "サトウ ユーコ, サトウ ユ－コ",
            "サトウ ユーコ, サトウ ユ-コ",
            "サトウ ユーコ, サトウ ユ―コ",
            "東京都千代田区千代田1-1, 東京都千代田区千代田１－１",
            "東京都千代田区千代田1-1, 東京都 千代田区 千代田1ー1",
    })
    void theseAreTheSame(String a, String b) {
        assertThat(NameComparison.same(a, b)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
            "ハシモト ナナミ, ハシモト ナナコ",
            "ヤマダ タロウ, ヤマダ ダロウ",
            "サトウ ハナコ, サトウ ハナ",
            "東京都千代田区千代田1-1, 東京都千代田区千代田1-2",
    })
    void theseAreNot(String a, String b) {
        assertThat(NameComparison.same(a, b)).isFalse();
    }

    @Test
    void familyThenGivenName() {
        assertThat(NameComparison.fullName("ヤマダ", "タロウ")).isEqualTo(NameComparison.form("ﾔﾏﾀﾞ ﾀﾛｳ"));
        assertThat(NameComparison.fullName("タロウ", "ヤマダ")).isNotEqualTo(NameComparison.form("ヤマダ タロウ"));
    }

    @Test
    void aFormIsTheSameWhetherComputedOrRememberedAndTheMemoryEmptiesWhenFull() {
        assertThat(NameComparison.form("ぎょうざ　ｰ")).isEqualTo("ギヨウザー");
        assertThat(NameComparison.form("ぎょうざ　ｰ")).isEqualTo("ギヨウザー");
        for (int i = 0; i < 100_001; i++) { // more distinct texts than it keeps
            assertThat(NameComparison.form("ﾔﾏﾀﾞ" + i)).isEqualTo("ヤマダ" + i);
        }
        assertThat(NameComparison.form("ぎょうざ　ｰ")).isEqualTo("ギヨウザー");
    }
}
