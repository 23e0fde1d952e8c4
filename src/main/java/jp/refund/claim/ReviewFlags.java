package jp.refund.claim;

import java.util.ArrayList;
import java.util.List;
import jp.refund.identity.ReviewFlag;
import jp.refund.shared.Window;
import jp.refund.kana.NameComparison;

/**
 * The review flags of SPEC section 4 for an application that passed every rule. Any
 * flag holds the claim for an identity check; the flags come in the order listed there.
 */
final class ReviewFlags {

    private ReviewFlags() {
    }

    static List<ReviewFlag> of(Application application, Member member, Wallet wallet, Window incidentWindow,
                               boolean accountSharedWithAnotherMember) {
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
        if (bank && accountSharedWithAnotherMember) {
            flags.add(ReviewFlag.SHARED_BANK_ACCOUNT);
        }
        return flags;
    }

    /** Postal codes compare as their 7 digits. */
    static String postalDigits(String postalCode) {
        return postalCode == null ? "" : postalCode.replace("-", "");
    }
}
