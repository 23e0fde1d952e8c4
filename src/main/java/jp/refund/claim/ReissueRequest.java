package jp.refund.claim;

/**
 * Support asked for a new certificate (an accepted row of certificate_reissues.csv), with
 * the new mailing address when one was given (both null otherwise; postal code as 7 digits).
 */
public record ReissueRequest(String reissueId, String claimNo, ReissueReason reason, String postalCode,
                             String address) {

    public boolean newAddress() {
        return postalCode != null;
    }
}
