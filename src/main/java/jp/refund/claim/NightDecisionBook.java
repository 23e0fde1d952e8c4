package jp.refund.claim;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.reference.BankMaster;
import jp.refund.shared.BankAccount;

/**
 * The book as the night's decisions see it, held in memory for the whole decision step:
 * the registry ({@link NightRegistry}), the members a web applicant of the night can match
 * (everyone sharing a phone or an e-mail with one, read whole), the live claims and the
 * accounts they pay into ({@link LiveClaims}), and the bank master. A decision is then pure
 * Java against it; the step writes what it decides in bulk.
 */
final class NightDecisionBook implements DecisionContext {

    private final NightRegistry registry;
    private final Map<LocalDate, List<Member>> webCandidatesByBirthDate;
    private final LiveClaims liveClaims;
    private final BankMaster bankMaster;

    NightDecisionBook(NightRegistry registry, Map<LocalDate, List<Member>> webCandidatesByBirthDate,
                      LiveClaims liveClaims, BankMaster bankMaster) {
        this.registry = registry;
        this.webCandidatesByBirthDate = webCandidatesByBirthDate;
        this.liveClaims = liveClaims;
        this.bankMaster = bankMaster;
    }

    @Override
    public Optional<Member> member(String memberId) {
        return registry.member(memberId);
    }

    @Override
    public List<Member> membersBornOn(LocalDate birthDate) {
        return webCandidatesByBirthDate.getOrDefault(birthDate, List.of());
    }

    @Override
    public Optional<Wallet> walletOf(String memberId) {
        return registry.walletOf(memberId);
    }

    @Override
    public boolean hasLiveClaim(String memberId) {
        return liveClaims.hasLiveClaim(memberId);
    }

    @Override
    public boolean accountUsedByOtherMember(BankAccount account, String memberId) {
        return liveClaims.accountUsedByOtherMember(account, memberId);
    }

    @Override
    public boolean contactUsedByOtherMember(String emailKey, String phoneKey, String memberId) {
        return liveClaims.contactUsedByOtherMember(emailKey, phoneKey, memberId);
    }

    @Override
    public boolean branchExists(String bankCode, String branchCode) {
        return bankMaster.branch(bankCode, branchCode).isPresent();
    }

    /**
     * A claim decided live tonight: later applications see it (its application's e-mail and
     * phone only when the live claims hold contacts, for {@code SHARED_CONTACT}).
     */
    void recordLiveClaim(ClaimDecision decision, Application application) {
        if (liveClaims.holdsContacts()) {
            liveClaims.record(decision.memberId(), decision.account(), WebIdentityMatch.email(application.email()),
                    WebIdentityMatch.phone(application.phone()));
        } else {
            liveClaims.record(decision.memberId(), decision.account());
        }
    }
}
