package jp.refund.notice;

/** Where one notice goes: an e-mail address or a postal address ({@code 〒123-4567 <address>}). */
record Recipient(Delivery delivery, String address) {
}
