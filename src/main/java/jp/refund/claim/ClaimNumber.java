package jp.refund.claim;

import jp.refund.shared.LuhnCheckDigit;

/**
 * Claim numbers: 10 digits, a 9-digit serial from 100000001 followed by a Luhn check
 * digit, so a number mistyped on the phone is caught before it is looked up.
 */
public final class ClaimNumber {

    public static final long FIRST_SERIAL = 100_000_001L;

    private ClaimNumber() {
    }

    public static String of(long serial) {
        if (serial < FIRST_SERIAL || serial > 999_999_999L) {
            throw new IllegalArgumentException("claim serial out of range: " + serial);
        }
        String digits = Long.toString(serial);
        return digits + LuhnCheckDigit.of(digits);
    }

    public static long serialOf(String claimNo) {
        return Long.parseLong(claimNo.substring(0, 9));
    }

    public static boolean isValid(String claimNo) {
        return claimNo != null && claimNo.matches("[1-9][0-9]{9}") && LuhnCheckDigit.isValid(claimNo);
    }

}
