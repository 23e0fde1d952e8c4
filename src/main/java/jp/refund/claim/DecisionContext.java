package jp.refund.claim;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.refund.shared.BankAccount;

/** What a decision needs to know about the book, as it stands when the application's turn comes. */
public interface DecisionContext {

    Optional<Member> member(String memberId);

    /**
     * Members born on this date: at least every one who shares a phone or an e-mail with a
     * web applicant of that birth date (the only ones {@code WebIdentityMatch} can accept).
     */
    List<Member> membersBornOn(LocalDate birthDate);

    Optional<Wallet> walletOf(String memberId);

    boolean hasLiveClaim(String memberId);

    /** Whether another member's live claim pays into this account. */
    boolean accountUsedByOtherMember(BankAccount account, String memberId);

    /**
     * Whether the application behind another member's live claim has this e-mail or this phone
     * (comparison forms of {@code WebIdentityMatch}; an empty form matches nothing). Only asked
     * when {@code SHARED_CONTACT} is on.
     */
    boolean contactUsedByOtherMember(String emailKey, String phoneKey, String memberId);

    boolean branchExists(String bankCode, String branchCode);
}
