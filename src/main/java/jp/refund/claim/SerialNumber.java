package jp.refund.claim;

import jp.refund.shared.LuhnCheckDigit;

/**
 * Numbers a person reads out on the phone: a prefix, a 9-digit serial from 100000001 and a
 * Luhn check digit, so a mistyped number is caught before it is looked up. Claim numbers
 * have no prefix ({@code 1000000016}); certificate numbers start with {@code P}
 * ({@code P1000000016}), which keeps the two apart.
 */
public enum SerialNumber {
    CLAIM_NUMBER("claim", ""),
    CERTIFICATE_NUMBER("certificate", "P");

    public static final long FIRST_SERIAL = 100_000_001L;
    private static final long LAST_SERIAL = 999_999_999L;

    private final String kind;
    private final String prefix;

    SerialNumber(String kind, String prefix) {
        this.kind = kind;
        this.prefix = prefix;
    }

    public String of(long serial) {
        if (serial < FIRST_SERIAL || serial > LAST_SERIAL) {
            throw new IllegalArgumentException(kind + " serial out of range: " + serial);
        }
        String digits = Long.toString(serial);
        return prefix + digits + LuhnCheckDigit.of(digits);
    }

    public long serialOf(String number) {
        return Long.parseLong(number.substring(prefix.length(), prefix.length() + 9));
    }

    public boolean isValid(String number) {
        return number != null && number.length() == prefix.length() + 10 && number.startsWith(prefix)
                && number.substring(prefix.length()).matches("[1-9][0-9]{9}")
                && LuhnCheckDigit.isValid(number.substring(prefix.length()));
    }
}
