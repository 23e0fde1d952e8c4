package jp.refund.claim;

import java.util.ArrayList;
import java.util.List;
import jp.refund.identity.ReviewFlag;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.shared.Window;
import jp.refund.kana.NameComparison;

/**
 * The review flags that read only the registry, for an application that passed every rule:
 * those of SPEC section 4 but {@code SHARED_BANK_ACCOUNT}, then {@code LARGE_REFUND} and
 * {@code CONTACT_NOT_REGISTERED} of section 11 when their settings are on. The flags that
 * cross applications ({@code SHARED_BANK_ACCOUNT}, {@code SHARED_CONTACT}) are
 * {@link ClaimDecider#conclude}'s. Any flag holds the claim for an identity check.
 */
final class ReviewFlags {

    private ReviewFlags() {
    }

    static List<ReviewFlag> of(Application application, Member member, Wallet wallet, Window incidentWindow,
                               ReviewSettings review) {
        List<ReviewFlag> flags = new ArrayList<>();
        if (application.channel() == Channel.WEB) {
            flags.add(ReviewFlag.WEB_APPLICATION);
        }
        if (wallet.compromised()) {
            flags.add(ReviewFlag.COMPROMISED_ACCOUNT);
        }
        if (incidentWindow.contains(member.contactChangedAt())) {
            flags.add(ReviewFlag.CONTACT_CHANGED_DURING_INCIDENT);
        }
        boolean bank = application.payoutMethod() == PayoutMethod.BANK;
        if (bank ? !NameComparison.fullName(member.familyNameKana(), member.givenNameKana())
                .equals(NameComparison.form(application.accountHolderKana()))
                : !NameComparison.fullName(member.familyName(), member.givenName())
                .equals(NameComparison.form(application.recipientName()))) {
            flags.add(ReviewFlag.PAYEE_NAME_MISMATCH);
        }
        if (!bank && (!postalDigits(application.postalCode()).equals(postalDigits(member.postalCode()))
                || !NameComparison.same(application.address(), member.address()))) {
            flags.add(ReviewFlag.MAILING_ADDRESS_CHANGED);
        }
        if (review.large(wallet.refundableYen())) {
            flags.add(ReviewFlag.LARGE_REFUND);
        }
        if (review.contactNotRegistered() && application.channel() == Channel.APP && !registeredContact(application, member)) {
            flags.add(ReviewFlag.CONTACT_NOT_REGISTERED);
        }
        return flags;
    }

    /**
     * Whether the application's e-mail equals the member's registered e-mail, or its phone the
     * registered phone (compared as in section 4; an empty value equals nothing).
     */
    static boolean registeredContact(Application application, Member member) {
        return same(WebIdentityMatch.email(application.email()), WebIdentityMatch.email(member.email()))
                || same(WebIdentityMatch.phone(application.phone()), WebIdentityMatch.phone(member.phone()));
    }

    private static boolean same(String applicationKey, String registeredKey) {
        return !applicationKey.isEmpty() && applicationKey.equals(registeredKey);
    }

    /** Postal codes compare as their 7 digits. */
    static String postalDigits(String postalCode) {
        return postalCode == null ? "" : postalCode.replace("-", "");
    }
}
