package jp.refund.status;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff may see of personal data: e-mail and phone partly, account numbers only by
 * their last 3 digits, birth dates never (they are not even read). The lookup log masks a
 * query by what it looks like, whatever kind it was sent as.
 */
final class Masking {

    static final int LOGGED_LENGTH = 40;

    private Masking() {
    }

    /** {@code t***@example.jp} */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String e = email.strip();
        int at = e.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.charAt(0) + "***" + e.substring(at);
    }

    /** {@code ***-****-0001}: the last four digits only. */
    static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static final Pattern EMAIL_IN = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern DATE_IN = Pattern.compile(String.join("|",
            "(明治|大正|昭和|平成|令和)\\s*(元|[0-9]{1,2})\\s*年\\s*[0-9]{1,2}\\s*月(\\s*[0-9]{1,2}\\s*日?)?",
            "(?<![A-Za-z0-9])[MTSHRmtshr]\\s?[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])",
            "(?<![0-9])(19|20)[0-9]{2}\\s*[-/.年]\\s*[0-9]{1,2}\\s*[-/.月]\\s*[0-9]{1,2}日?",
            "(?<![0-9])[0-9]{1,2}[-/.][0-9]{1,2}[-/.](19|20)[0-9]{2}(?![0-9])",
            "(?<![0-9])(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])"));
    private static final Pattern PHONE_IN = Pattern.compile("(?<![0-9])\\+?[0-9][0-9() .\\-]{8,}[0-9](?![0-9])");
    /** A bank account number (7 digits), with or without its 3-digit branch in front. */
    private static final Pattern ACCOUNT_IN = Pattern.compile("(?<![0-9])([0-9]{3}[- ])?[0-9]{7}(?![0-9])");
    private static final Pattern POSTAL_IN = Pattern.compile("〒?(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])");
    /**
     * Japanese text (kanji, kana; several words): a name or an address is the only such text a
     * look-up holds (claim numbers, member ids, phones and e-mail are ASCII). A prefecture that
     * {@link #ADDRESS_IN} kept in front of its masked address stays.
     */
    private static final Pattern JAPANESE_IN = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆]++(?:\\s+[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆]++)*+"
                    + "(?!\\*\\*\\*)");
    /** An address: what follows a prefecture's name. */
    private static final Pattern ADDRESS_IN = Pattern.compile("(北海道|東京都|京都府|大阪府|\\p{IsHan}{2,3}県)\\S+");

    /**
     * What the lookup log keeps of a query: first its width is normalised (NFKC: full-width
     * digits, {@code ＠}, full-width letters become ASCII), then anything shaped like an e-mail
     * address, a date (also Japanese-era: 昭和55年4月1日, S55.4.1; and 01/04/1980), a phone
     * number, a bank account number, a postal code, an address after a prefecture or any other
     * Japanese text (a name typed into the look-up) is masked
     * wherever it stands in the query and whatever kind it was sent as; the rest is kept, cut
     * to {@value #LOGGED_LENGTH} characters, without control characters.
     */
    static String query(String value) {
        if (value == null) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\p{Cntrl}", "?");
        if (looksLikeEmail(v) && !v.contains(" ")) {
            return cut(email(v));
        }
        if (looksLikePhone(v)) {
            return phone(v);
        }
        if (looksLikeDate(v)) {
            return "****-**-**";
        }
        v = EMAIL_IN.matcher(v).replaceAll(m -> Matcher.quoteReplacement(email(m.group())));
        v = DATE_IN.matcher(v).replaceAll("****-**-**");
        v = ACCOUNT_IN.matcher(v).replaceAll(m -> "****" + m.group().substring(m.group().length() - 3));
        v = PHONE_IN.matcher(v).replaceAll(m -> looksLikePhone(m.group()) ? phone(m.group())
                : Matcher.quoteReplacement(m.group()));
        v = POSTAL_IN.matcher(v).replaceAll("〒***-****");
        v = ADDRESS_IN.matcher(v).replaceAll("$1***");
        v = JAPANESE_IN.matcher(v).replaceAll("***");
        return cut(v);
    }

    static boolean looksLikeEmail(String v) {
        return v.contains("@");
    }

    /** 10-13 digits with phone punctuation only, starting with a 0 (Japanese numbers) or a + (international). */
    static boolean looksLikePhone(String v) {
        if (!v.matches("[0-9+() .\\-]+")) {
            return false;
        }
        String digits = v.replaceAll("[^0-9]", "");
        return digits.length() >= 10 && digits.length() <= 13 && (digits.startsWith("0") || v.startsWith("+"));
    }

    /** 1989-05-20, 1989/5/20, 1989.05.20, 19890520, 1989年5月20日. */
    static boolean looksLikeDate(String v) {
        return v.matches("(19|20)[0-9]{2}([-/.年])[0-9]{1,2}([-/.月])[0-9]{1,2}日?")
                || v.matches("(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");
    }

    private static String cut(String s) {
        return s.length() > LOGGED_LENGTH ? s.substring(0, LOGGED_LENGTH) : s;
    }

    /** {@code 〒150-**** 東京都渋谷区…}: a letter's postal line, without the street. */
    static String postalLine(String line) {
        if (line == null || line.isBlank()) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^〒([0-9]{3})-?[0-9]{4} (.{0,6})").matcher(line);
        return m.find() ? "〒" + m.group(1) + "-**** " + m.group(2) + "…" : "***";
    }
}
