package jp.refund.claim;

import java.util.List;
import jp.refund.shared.BankAccount;

/**
 * What the rules of SPEC section 4 that read only the registry (members, wallets, the bank
 * master) say about one application, before the rules that cross applications are tried:
 * whether this member already has a live claim (a duplicate), whether another member's live
 * claim pays into the same account ({@code SHARED_BANK_ACCOUNT}), and the claim number.
 *
 * <p>The registry does not change while a night decides, so an assessment can be made in any
 * order, on any thread or machine (a partition of the night's applications), and concluded
 * later in the one order that numbers the claims ({@link ClaimDecider#conclude}).
 *
 * @param rejection        a rejection tried before the duplicate rule (window, member, identity,
 *                         balance); null when the application passed them
 * @param amountYen        the amount the decision carries (0 for a rejection before the member's wallet)
 * @param accountRejection a rejection tried after the duplicate rule (bank account, holder name), or null
 * @param account          the payee account in Zengin form, for a BANK application that passed every rule
 * @param flags            the review flags but {@code SHARED_BANK_ACCOUNT}, in SPEC order
 */
record ApplicationAssessment(String applicationId, ClaimReason rejection, String memberId, String walletId,
                             long amountYen, ClaimReason accountRejection, BankAccount account, String holderName,
                             List<ClaimReason> flags) {

    static ApplicationAssessment rejected(String applicationId, ClaimReason rejection, String memberId,
                                          String walletId) {
        return new ApplicationAssessment(applicationId, rejection, memberId, walletId, 0, null, null, null,
                List.of());
    }
}
