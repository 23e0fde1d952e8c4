package jp.refund.status;

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

    /**
     * What the lookup log keeps of a query: anything shaped like an e-mail address, a phone
     * number or a date is masked (a phone typed as a member id too); the rest is kept, cut
     * to {@value #LOGGED_LENGTH} characters, without control characters.
     */
    static String query(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replaceAll("\\p{Cntrl}", "?");
        if (looksLikeEmail(v)) {
            return cut(email(v));
        }
        if (looksLikePhone(v)) {
            return phone(v);
        }
        if (looksLikeDate(v)) {
            return "****-**-**";
        }
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
