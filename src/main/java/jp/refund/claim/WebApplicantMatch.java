package jp.refund.claim;

import java.util.List;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.kana.NameComparison;

/**
 * Who a web applicant is. Nothing on the web form is proven, so a member is found only
 * when three things agree: the birth date, the e-mail or the phone, and the kana name.
 * More than one such member is ambiguous, and no payout may follow from a guess.
 */
final class WebApplicantMatch {

    private WebApplicantMatch() {
    }

    /** The members (of those born on the applicant's birth date) that match the form. */
    static List<Member> candidates(Application application, List<Member> bornOnSameDay) {
        String kana = NameComparison.fullName(application.familyNameKana(), application.givenNameKana());
        String email = WebIdentityMatch.email(application.email());
        String phone = WebIdentityMatch.phone(application.phone());
        return bornOnSameDay.stream()
                .filter(m -> m.birthDate().equals(application.birthDate()))
                .filter(m -> WebIdentityMatch.email(m.email()).equals(email)
                        || WebIdentityMatch.phone(m.phone()).equals(phone))
                .filter(m -> NameComparison.fullName(m.familyNameKana(), m.givenNameKana()).equals(kana))
                .toList();
    }
}
