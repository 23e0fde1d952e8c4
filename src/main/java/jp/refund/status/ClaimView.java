package jp.refund.status;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as support staff may see it: plain words, amounts and dates, and nothing
 * secret — no full account number, no birth date, contact details masked. {@code confirmBy}: the
 * last day to confirm, only while the claim awaits the applicant's confirmation (SPEC section 9).
 */
public record ClaimView(String claimNo, String applicationId, String channel, String memberId,
                        String status, String statusJa, String statusEn, String nextStepJa, String nextStepEn,
                        List<Reason> reasons, long amountYen, String payoutMethod,
                        LocalDate payoutDate, String payoutDateKind,
                        String bankName, String branchName, String accountType, String accountNumberMasked,
                        String certificateNo, LocalDate validUntil,
                        String emailMasked, String phoneMasked, List<Event> history, LocalDate confirmBy) {

    /** This claim with another next step (the claim's facts say more than its status alone). */
    ClaimView withNextStep(String ja, String en) {
        return new ClaimView(claimNo, applicationId, channel, memberId, status, statusJa, statusEn, ja, en, reasons,
                amountYen, payoutMethod, payoutDate, payoutDateKind, bankName, branchName, accountType,
                accountNumberMasked, certificateNo, validUntil, emailMasked, phoneMasked, history, confirmBy);
    }

    public record Reason(String code, String ja, String en, String nextStepJa, String nextStepEn) {
    }

    public record Event(LocalDate runDate, String status, String statusJa, String statusEn, String reasons,
                        LocalDate payoutDate, String reference) {
    }
}
