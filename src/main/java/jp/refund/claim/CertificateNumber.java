package jp.refund.claim;

/** Payout certificate numbers: {@code P}, a 9-digit serial from 100000001 and a Luhn check digit. */
public final class CertificateNumber {

    public static final long FIRST_SERIAL = LuhnSerialNumber.FIRST_SERIAL;

    private CertificateNumber() {
    }

    public static String of(long serial) {
        return LuhnSerialNumber.CERTIFICATE.of(serial);
    }

    public static long serialOf(String certificateNo) {
        return LuhnSerialNumber.CERTIFICATE.serialOf(certificateNo);
    }

    public static boolean isValid(String certificateNo) {
        return LuhnSerialNumber.CERTIFICATE.isValid(certificateNo);
    }
}
