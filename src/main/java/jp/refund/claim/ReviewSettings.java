package jp.refund.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stricter review flags of SPEC section 11, each off by default: {@code refund.review.*}.
 * A flag holds a claim for an identity check like those of section 4; none rejects.
 *
 * @param largeRefundYen       {@code LARGE_REFUND} when the refundable amount is at least this (0 = off)
 * @param contactNotRegistered {@code CONTACT_NOT_REGISTERED}: an APP application whose e-mail and phone
 *                             both differ from the member's registered ones
 * @param sharedContact        {@code SHARED_CONTACT}: an e-mail or phone also on the application behind
 *                             another member's live claim
 */
@ConfigurationProperties("refund.review")
public record ReviewSettings(long largeRefundYen, boolean contactNotRegistered, boolean sharedContact) {

    /** Every flag off: the defaults. */
    public static final ReviewSettings OFF = new ReviewSettings(0, false, false);

    public ReviewSettings {
        if (largeRefundYen < 0) {
            throw new IllegalArgumentException("refund.review.large-refund-yen must be 0 (off) or a positive amount, not "
                    + largeRefundYen);
        }
    }

    /** Whether an amount is held by {@code LARGE_REFUND}. */
    boolean large(long refundableYen) {
        return largeRefundYen > 0 && refundableYen >= largeRefundYen;
    }
}
