package jp.refund.notice;

/** How a notice reaches the registered owner: e-mail, or a printed letter to the registered address. */
public enum Delivery {
    EMAIL,
    LETTER
}
