package jp.refund.schedule;

import jp.refund.shared.LuhnCheckDigit;

/**
 * Payout certificate numbers: {@code P} and 10 digits, a 9-digit serial from 100000001
 * followed by a Luhn check digit ({@code P1000000016}). The letter keeps them apart from
 * claim numbers when a customer reads one out on the phone.
 */
public final class CertificateNumber {

    public static final long FIRST_SERIAL = 100_000_001L;

    private CertificateNumber() {
    }

    public static String of(long serial) {
        if (serial < FIRST_SERIAL || serial > 999_999_999L) {
            throw new IllegalArgumentException("certificate serial out of range: " + serial);
        }
        String digits = Long.toString(serial);
        return "P" + digits + LuhnCheckDigit.of(digits);
    }

    public static long serialOf(String certificateNo) {
        return Long.parseLong(certificateNo.substring(1, 10));
    }

    public static boolean isValid(String certificateNo) {
        return certificateNo != null && certificateNo.matches("P[1-9][0-9]{9}")
                && LuhnCheckDigit.isValid(certificateNo.substring(1));
    }
}
