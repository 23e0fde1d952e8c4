package jp.refund.kana;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Optional;

/**
 * A name in Zengin characters, as the bank file carries it: half-width katakana
 * ｱ-ﾝ and ｦ, ﾞ ﾟ, upper-case A-Z, 0-9, space and {@code ( ) . - / \ ,}; small kana made
 * large, long-vowel marks as {@code -}. A name with anything else cannot be written.
 */
public final class ZenginName {

    public static final int BANK_FILE_LENGTH = 30;

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Transliterator HIRAGANA_TO_KATAKANA = Transliterator.getInstance("Hiragana-Katakana");
    private static final Transliterator TO_HALF_WIDTH = Transliterator.getInstance("Fullwidth-Halfwidth");
    private static final String DASHES = "ーｰ－‐‑‒–—―−﹣";
    private static final String SYMBOLS = " ().-/\\,";

    private ZenginName() {
    }

    /** Remembered conversions; "" stands for a name that cannot be written (never the form of a non-blank name). */
    private static final RememberedForms FORMS = new RememberedForms(NameComparison.REMEMBERED, ZenginName::convert);

    /** The name in Zengin characters (not cut), or empty when it cannot be written so. */
    public static Optional<String> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String form = FORMS.of(name);
        return form.isEmpty() ? Optional.empty() : Optional.of(form);
    }

    private static String convert(String name) {
        String s = NFKC.normalize(name.strip());                  // half-width kana -> full, ｶﾞ -> ガ
        s = HIRAGANA_TO_KATAKANA.transliterate(s);
        s = SmallKana.toLarge(s);
        StringBuilder unified = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (DASHES.indexOf(c) >= 0) {
                unified.append('-');
            } else if (c == '・') {
                unified.append('.');                             // ジョン・スミス -> ｼﾞﾖﾝ.ｽﾐｽ
            } else if (c >= 'a' && c <= 'z') {
                unified.append((char) (c - 'a' + 'A'));
            } else {
                unified.append(c);
            }
        }
        String half = TO_HALF_WIDTH.transliterate(unified.toString()); // ガ -> ｶﾞ
        for (int i = 0; i < half.length(); i++) {
            if (!isZenginCharacter(half.charAt(i))) {
                return "";
            }
        }
        return half;
    }

    public static boolean isZenginCharacter(char c) {
        return (c >= 'ｱ' && c <= 'ﾝ') || c == 'ｦ' || c == 'ﾞ' || c == 'ﾟ'
                || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0;
    }

    /** Cut to the bank file's 30 characters for a recipient name. */
    public static String forBankFile(String zenginName) {
        return fit(zenginName, BANK_FILE_LENGTH);
    }

    /**
     * Cut a Zengin name to a field of {@code length} characters. A voiced mark (ﾞ ﾟ) is a
     * character of its own in half-width kana; when the cut would fall between a kana
     * and its mark, the kana is left out too, so the name never ends in a different
     * sound (ｶﾞ cut to ｶ).
     */
    public static String fit(String zenginName, int length) {
        if (zenginName.length() <= length) {
            return zenginName;
        }
        char next = zenginName.charAt(length);
        int cut = (next == 'ﾞ' || next == 'ﾟ') ? length - 1 : length;
        return zenginName.substring(0, cut);
    }
}
