package jp.refund.identity;

import java.util.Locale;

/**
 * The comparison forms of a web applicant's contact details (SPEC section 4): a web
 * applicant is matched to a member by birth date, e-mail or phone, and kana name; the
 * support look-ups find claims by the same forms.
 */
public final class WebIdentityMatch {

    private WebIdentityMatch() {
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
