package jp.refund.kana;

/**
 * Small kana made large (ァ→ア, ッ→ツ, ャ→ヤ, ヶ→ケ ...). ICU has no transform for this, and
 * bank names are written without small kana, so comparisons and Zengin names use it.
 * Works on katakana (full width); convert hiragana and half-width first.
 */
final class SmallKana {

    private static final String SMALL = "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";
    private static final String LARGE = "アイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ";

    private SmallKana() {
    }

    static String toLarge(String katakana) {
        StringBuilder out = null;
        for (int i = 0; i < katakana.length(); i++) {
            int k = SMALL.indexOf(katakana.charAt(i));
            if (k >= 0) {
                if (out == null) {
                    out = new StringBuilder(katakana);
                }
                out.setCharAt(i, LARGE.charAt(k));
            }
        }
        return out == null ? katakana : out.toString();
    }
}
