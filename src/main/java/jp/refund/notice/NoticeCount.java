package jp.refund.notice;

/** How many notices of one kind and delivery a night made: a line of the audit workbook's Notices sheet. */
public record NoticeCount(NoticeKind kind, Delivery delivery, long notices) {
}
