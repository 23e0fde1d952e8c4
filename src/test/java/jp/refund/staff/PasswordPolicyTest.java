package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void whiteSpaceOneCharacterShortAndCommonPasswordsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check(" ".repeat(12)))
                .withMessageContaining("white space");
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("\t \u3000\u00a0".repeat(5)))
                .withMessageContaining("white space");
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("aaaaaaaaaaaaaaaa"))
                .withMessageContaining("one repeated character");
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.check("short-pw"));
        for (String common : new String[] {"123qweasdzxc", "1QAZ2WSX3EDC", "qwerty123456", " 1q2w3e4r5t6y "}) {
            assertThatIllegalArgumentException().as(common).isThrownBy(() -> PasswordPolicy.check(common))
                    .withMessageContaining("common");
        }
    }

    @Test
    void longPassPhrasesAreWelcome() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("a-long-test-password-1"));
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("風が吹けば桶屋が儲かる、と祖母はよく言っていた。".repeat(3)));
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("correct horse battery staple ".repeat(4)));
    }

    @Test
    void theCommonListHasWellOverThreeThousandEntries() {
        assertThat(PasswordPolicy.commonPasswords()).hasSizeGreaterThan(90_000).contains("123456", "password", "qwerty");
    }

    @Test
    void passPhrasesBeyondBcryptsSeventyTwoBytesAreHashedWhole() {
        var encoder = new PasswordHashing().passwordEncoder();
        String phrase = "x".repeat(80) + "-tail-one";
        String hash = encoder.encode(phrase);
        assertThat(hash).startsWith("{" + PasswordHashing.PBKDF2 + "}");
        assertThat(encoder.matches(phrase, hash)).isTrue();
        assertThat(encoder.matches("x".repeat(80) + "-tail-two", hash)).isFalse();
    }
}
