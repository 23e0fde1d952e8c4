package jp.refund.status;

/**
 * What staff may see of personal data: e-mail and phone partly, account numbers only by
 * their last 3 digits, birth dates never (they are not even read).
 */
final class Masking {

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

    /** What the lookup log keeps of a query: contact details masked like everywhere else. */
    static String query(String kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case "email" -> email(value);
            case "phone" -> phone(value);
            default -> value.length() > 40 ? value.substring(0, 40) : value;
        };
    }
}
