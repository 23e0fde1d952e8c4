package jp.refund.claim;

/** The applicant's answer to the balance notice (払戻し額・方法確認, SPEC section 9). */
public enum ConfirmationAnswer {
    /** Amount and payout method are right: pay. */
    CONFIRM,
    /** Something is wrong: staff review the claim ({@code APPLICANT_DISAGREES}). */
    DECLINE
}
