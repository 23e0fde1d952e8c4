package jp.refund.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.refund.identity.ReviewFlag;
import jp.refund.shared.BankAccount;
import jp.refund.kana.ZenginName;

/**
 * Decides an application (SPEC section 4): the first rejection rule that matches wins;
 * an application that passes them all is a claim for the whole refundable amount,
 * approved outright only when it carries no review flag.
 */
public class ClaimDecider {

    private static final Set<String> ACCOUNT_TYPES = Set.of("1", "2", "4");

    private final DecisionSettings settings;

    public ClaimDecider(DecisionSettings settings) {
        this.settings = settings;
    }

    public ClaimDecision decide(Application application, DecisionContext book) {
        boolean app = application.channel() == Channel.APP;
        if (!settings.applicationWindow().contains(application.submittedAt())) {
            return ClaimDecision.rejected(ClaimReason.OUTSIDE_APPLICATION_WINDOW, application.memberId(), null, 0);
        }
        Member member;
        if (app) {
            Optional<Member> known = book.member(application.memberId());
            if (known.isEmpty()) {
                return ClaimDecision.rejected(ClaimReason.UNKNOWN_MEMBER, application.memberId(), null, 0);
            }
            member = known.get();
        } else {
            List<Member> matches = WebApplicantMatch.candidates(application,
                    book.membersBornOn(application.birthDate()));
            if (matches.isEmpty()) {
                return ClaimDecision.rejected(ClaimReason.IDENTITY_NOT_FOUND, null, null, 0);
            }
            if (matches.size() > 1) {
                return ClaimDecision.rejected(ClaimReason.IDENTITY_AMBIGUOUS, null, null, 0);
            }
            member = matches.get(0);
        }
        String memberId = member.memberId();
        Optional<Wallet> wallet = book.walletOf(memberId);
        long refundable = wallet.map(Wallet::refundableYen).orElse(0L);
        String walletId = wallet.map(Wallet::walletId).orElse(null);
        if (refundable <= 0) {
            return ClaimDecision.rejected(ClaimReason.NO_REFUNDABLE_BALANCE, memberId, walletId, 0);
        }
        if (book.hasLiveClaim(memberId)) {
            return ClaimDecision.duplicate(memberId, walletId, refundable);
        }
        BankAccount account = null;
        String holderName = null;
        if (application.payoutMethod() == PayoutMethod.BANK) {
            Optional<BankAccount> valid = account(application).filter(a -> ACCOUNT_TYPES.contains(a.accountType()))
                    .filter(a -> book.branchExists(a.bankCode(), a.branchCode()));
            if (valid.isEmpty()) {
                return ClaimDecision.rejected(ClaimReason.INVALID_BANK_ACCOUNT, memberId, walletId, refundable);
            }
            account = valid.get();
            Optional<String> zengin = ZenginName.of(application.accountHolderKana());
            if (zengin.isEmpty()) {
                return ClaimDecision.rejected(ClaimReason.INVALID_ACCOUNT_HOLDER_NAME, memberId, walletId,
                        refundable);
            }
            holderName = zengin.get();
        }
        boolean shared = account != null && book.accountUsedByOtherMember(account, memberId);
        List<ReviewFlag> flags = ReviewFlags.of(application, member, wallet.get(), settings.incidentWindow(), shared);
        List<ClaimReason> reasons = new ArrayList<>();
        flags.forEach(f -> reasons.add(ClaimReason.valueOf(f.name())));
        return new ClaimDecision(flags.isEmpty() ? ClaimStatus.APPROVED : ClaimStatus.PENDING_REVIEW,
                List.copyOf(reasons), memberId, walletId, refundable, account, holderName);
    }

    /** The account in Zengin form; Japan Post Bank 記号番号 converted first. */
    static Optional<BankAccount> account(Application a) {
        if (a.yuchoSymbol() != null) {
            return BankAccount.fromJapanPostBank(a.yuchoSymbol(), a.yuchoNumber());
        }
        return Optional.of(BankAccount.of(a.bankCode(), a.branchCode(), a.accountType(), a.accountNumber()));
    }
}
