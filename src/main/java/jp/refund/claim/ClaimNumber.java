package jp.refund.claim;

/** Claim numbers: 10 digits, a 9-digit serial from 100000001 and a Luhn check digit. */
public final class ClaimNumber {

    public static final long FIRST_SERIAL = LuhnSerialNumber.FIRST_SERIAL;

    private ClaimNumber() {
    }

    public static String of(long serial) {
        return LuhnSerialNumber.CLAIM.of(serial);
    }

    public static long serialOf(String claimNo) {
        return LuhnSerialNumber.CLAIM.serialOf(claimNo);
    }

    public static boolean isValid(String claimNo) {
        return LuhnSerialNumber.CLAIM.isValid(claimNo);
    }
}
