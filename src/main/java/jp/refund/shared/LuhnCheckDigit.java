package jp.refund.shared;

/** The Luhn (mod 10) check digit: catches any single mistyped digit and most swapped neighbours. */
public final class LuhnCheckDigit {

    private LuhnCheckDigit() {
    }

    /** The digit to append to {@code digits}. */
    public static int of(String digits) {
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

    /** Whether the last digit of {@code number} is the check digit of the rest. */
    public static boolean isValid(String number) {
        return number.length() >= 2 && number.chars().allMatch(c -> c >= '0' && c <= '9')
                && of(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }
}
