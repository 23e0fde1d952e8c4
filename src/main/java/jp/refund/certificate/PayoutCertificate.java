package jp.refund.certificate;

import java.time.LocalDate;

/** What a payout certificate (払出証書) says: to whom, where it is mailed, how much, from when and until when. */
public record PayoutCertificate(String certificateNo, String claimNo, String recipientName, String postalCode,
                                String address, long amountYen, LocalDate issueDate, LocalDate validUntil) {

    /** Postal code as printed: {@code 123-4567}. */
    public String postalCodeWithHyphen() {
        String digits = postalCode.replace("-", "");
        return digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : postalCode;
    }
}
