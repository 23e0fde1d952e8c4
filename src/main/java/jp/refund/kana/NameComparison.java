package jp.refund.kana;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * The comparison form of a name or an address (SPEC section 4): Unicode NFKC,
 * hiragana to katakana, small kana made large, every long-vowel mark and dash made one,
 * all spaces removed. Two values are "the same" when their comparison forms are equal.
 */
public final class NameComparison {

    /** Long-vowel marks and the dashes people type for them; all become {@code ー}. */
    private static final String DASHES = "ーｰ-－‐‑‒–—―−﹣";
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Transliterator HIRAGANA_TO_KATAKANA = Transliterator.getInstance("Hiragana-Katakana");

    private NameComparison() {
    }

    /** Remembered forms (names repeat; see {@link RememberedForms}). */
    static final int REMEMBERED = 100_000;
    private static final RememberedForms FORMS = new RememberedForms(REMEMBERED, NameComparison::compute);

    public static String form(String text) {
        return text == null ? "" : FORMS.of(text);
    }

    private static String compute(String text) {
        String s = NFKC.normalize(text);
        s = HIRAGANA_TO_KATAKANA.transliterate(s);
        s = SmallKana.toLarge(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            out.appendCodePoint(DASHES.indexOf(c) >= 0 ? 'ー' : c);
        }
        return out.toString();
    }

    /** Family name then given name, each in comparison form. */
    public static String fullName(String family, String given) {
        return form(family) + form(given);
    }

    public static boolean same(String a, String b) {
        return form(a).equals(form(b));
    }
}
