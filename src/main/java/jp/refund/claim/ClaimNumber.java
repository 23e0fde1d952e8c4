package jp.refund.claim;

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
        return digits + checkDigit(digits);
    }

    public static long serialOf(String claimNo) {
        return Long.parseLong(claimNo.substring(0, 9));
    }

    public static boolean isValid(String claimNo) {
        return claimNo != null && claimNo.matches("[1-9][0-9]{9}")
                && checkDigit(claimNo.substring(0, 9)) == claimNo.charAt(9) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true; // the check digit will sit to the right: double the rightmost payload digit
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
