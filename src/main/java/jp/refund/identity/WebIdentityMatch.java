package jp.refund.identity;

import java.util.List;
import java.util.Locale;
import jp.refund.ingest.ApplicationRow;
import jp.refund.ingest.MemberRow;
import jp.refund.shared.kana.NameComparison;

/**
 * Who a web applicant is. Nothing on the web form is proven, so a member is found only
 * when three things agree: the birth date, the e-mail or the phone, and the kana name.
 * More than one such member is ambiguous, and no payout may follow from a guess.
 */
public final class WebIdentityMatch {

    private WebIdentityMatch() {
    }

    /** The members (of those born on the applicant's birth date) that match the form. */
    public static List<MemberRow> candidates(ApplicationRow application, List<MemberRow> bornOnSameDay) {
        String kana = NameComparison.fullName(application.familyNameKana(), application.givenNameKana());
        String email = email(application.email());
        String phone = phone(application.phone());
        return bornOnSameDay.stream()
                .filter(m -> m.birthDate().equals(application.birthDate()))
                .filter(m -> email(m.email()).equals(email) || phone(m.phone()).equals(phone))
                .filter(m -> NameComparison.fullName(m.familyNameKana(), m.givenNameKana()).equals(kana))
                .toList();
    }

    /** E-mails compare trimmed and case-insensitive. */
    public static String email(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Phones compare as their digits only. */
    public static String phone(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }
}
