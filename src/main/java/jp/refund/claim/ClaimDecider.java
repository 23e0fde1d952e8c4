package jp.refund.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.shared.BankAccount;
import jp.refund.kana.ZenginName;

/**
 * Decides an application (SPEC section 4): the first rejection rule that matches wins;
 * an application that passes them all is a claim for the whole refundable amount,
 * approved outright only when it carries no review flag.
 *
 * <p>In two halves, so that a partitioned night can spread the costly one: {@link #assess}
 * reads only the registry, {@link #conclude} the claims decided before (duplicates, shared
 * accounts) in the one order that numbers them.
 */
public class ClaimDecider {

    private static final Set<String> ACCOUNT_TYPES = Set.of("1", "2", "4");

    private final DecisionSettings settings;
    private final ReviewSettings review;

    public ClaimDecider(DecisionSettings settings, ReviewSettings review) {
        this.settings = settings;
        this.review = review;
    }

    /** The stricter review flags in force: what the decision step reads besides the registry. */
    ReviewSettings review() {
        return review;
    }

    public ClaimDecision decide(Application application, DecisionContext book) {
        return conclude(assess(application, book), application, book);
    }

    /**
     * The rules that read only the registry ({@code book}'s members, wallets and bank master),
     * in SPEC order; the duplicate rule's place is kept (see {@link ApplicationAssessment}).
     */
    ApplicationAssessment assess(Application application, DecisionContext book) {
        String applicationId = application.applicationId();
        boolean app = application.channel() == Channel.APP;
        if (!settings.applicationWindow().contains(application.submittedAt())) {
            return ApplicationAssessment.rejected(applicationId, ClaimReason.OUTSIDE_APPLICATION_WINDOW,
                    application.memberId(), null);
        }
        Member member;
        if (app) {
            Optional<Member> known = book.member(application.memberId());
            if (known.isEmpty()) {
                return ApplicationAssessment.rejected(applicationId, ClaimReason.UNKNOWN_MEMBER,
                        application.memberId(), null);
            }
            member = known.get();
        } else {
            List<Member> matches = WebApplicantMatch.candidates(application,
                    book.membersBornOn(application.birthDate()));
            if (matches.isEmpty()) {
                return ApplicationAssessment.rejected(applicationId, ClaimReason.IDENTITY_NOT_FOUND, null, null);
            }
            if (matches.size() > 1) {
                return ApplicationAssessment.rejected(applicationId, ClaimReason.IDENTITY_AMBIGUOUS, null, null);
            }
            member = matches.get(0);
        }
        String memberId = member.memberId();
        Optional<Wallet> wallet = book.walletOf(memberId);
        long refundable = wallet.map(Wallet::refundableYen).orElse(0L);
        String walletId = wallet.map(Wallet::walletId).orElse(null);
        if (refundable <= 0) {
            return ApplicationAssessment.rejected(applicationId, ClaimReason.NO_REFUNDABLE_BALANCE, memberId,
                    walletId);
        }
        BankAccount account = null;
        String holderName = null;
        if (application.payoutMethod() == PayoutMethod.BANK) {
            Optional<BankAccount> valid = account(application).filter(a -> ACCOUNT_TYPES.contains(a.accountType()))
                    .filter(a -> book.branchExists(a.bankCode(), a.branchCode()));
            if (valid.isEmpty()) {
                return new ApplicationAssessment(applicationId, null, memberId, walletId, refundable,
                        ClaimReason.INVALID_BANK_ACCOUNT, null, null, List.of());
            }
            account = valid.get();
            Optional<String> zengin = ZenginName.of(application.accountHolderKana());
            if (zengin.isEmpty()) {
                return new ApplicationAssessment(applicationId, null, memberId, walletId, refundable,
                        ClaimReason.INVALID_ACCOUNT_HOLDER_NAME, null, null, List.of());
            }
            holderName = zengin.get();
        }
        // SHARED_BANK_ACCOUNT and SHARED_CONTACT depend on other applications: conclude() adds them
        List<ClaimReason> flags = new ArrayList<>();
        ReviewFlags.of(application, member, wallet.get(), settings.incidentWindow(), review)
                .forEach(f -> flags.add(ClaimReason.valueOf(f.name())));
        return new ApplicationAssessment(applicationId, null, memberId, walletId, refundable, null, account,
                holderName, List.copyOf(flags));
    }

    /**
     * The rules that cross applications, on the book as it stands when the application's turn
     * comes ({@code book}'s live claims and the accounts they pay into): a duplicate of the
     * member's live claim, then the account rejections, then {@code SHARED_BANK_ACCOUNT} and
     * (when on) {@code SHARED_CONTACT}, each in its place among the assessed flags.
     */
    ClaimDecision conclude(ApplicationAssessment assessment, Application application, DecisionContext book) {
        String memberId = assessment.memberId();
        if (assessment.rejection() != null) {
            return ClaimDecision.rejected(assessment.rejection(), memberId, assessment.walletId(),
                    assessment.amountYen());
        }
        if (book.hasLiveClaim(memberId)) {
            return ClaimDecision.duplicate(memberId, assessment.walletId(), assessment.amountYen());
        }
        if (assessment.accountRejection() != null) {
            return ClaimDecision.rejected(assessment.accountRejection(), memberId, assessment.walletId(),
                    assessment.amountYen());
        }
        BankAccount account = assessment.account();
        List<ClaimReason> reasons = new ArrayList<>(assessment.flags());
        if (account != null && book.accountUsedByOtherMember(account, memberId)) {
            reasons.add(ClaimReason.SHARED_BANK_ACCOUNT);
        }
        if (review.sharedContact() && book.contactUsedByOtherMember(WebIdentityMatch.email(application.email()),
                WebIdentityMatch.phone(application.phone()), memberId)) {
            reasons.add(ClaimReason.SHARED_CONTACT);
        }
        reasons.sort(null); // the reason codes list the flags in SPEC order (sections 4, then 11)
        return new ClaimDecision(reasons.isEmpty() ? ClaimStatus.APPROVED : ClaimStatus.PENDING_REVIEW,
                List.copyOf(reasons), memberId, assessment.walletId(), assessment.amountYen(), account,
                assessment.holderName());
    }

    /** The account in Zengin form; Japan Post Bank 記号番号 converted first. */
    static Optional<BankAccount> account(Application a) {
        if (a.yuchoSymbol() != null) {
            return BankAccount.fromJapanPostBank(a.yuchoSymbol(), a.yuchoNumber());
        }
        return Optional.of(BankAccount.of(a.bankCode(), a.branchCode(), a.accountType(), a.accountNumber()));
    }
}
