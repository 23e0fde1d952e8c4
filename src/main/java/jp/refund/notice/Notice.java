package jp.refund.notice;

import java.util.SortedMap;

/**
 * One notice: a line of {@code notices/notices.csv} (or {@code letters.csv}). Its placeholders
 * are kept as the one JSON text that is stored, listed and compared ({@link NoticeFields#json}),
 * made once when the notice is derived and never parsed on the way to a file.
 */
public record Notice(String noticeId, NoticeKind kind, String claimNo, String applicationId, String memberId,
                     Delivery delivery, String recipient, String template, String fieldsJson) {

    static final String[] HEADER = {"notice_id", "kind", "claim_no", "application_id", "member_id", "delivery",
            "recipient", "template", "fields"};

    /** The placeholders by name (for the text). */
    public SortedMap<String, String> fields() {
        return NoticeFields.parse(fieldsJson);
    }

    /** The n of {@code <claim_no>-<kind>-<n>}: this notice's count of its kind for its claim. */
    int n() {
        return Integer.parseInt(noticeId.substring(noticeId.lastIndexOf('-') + 1));
    }

    String[] csvRow() {
        return new String[]{noticeId, kind.name(), claimNo, applicationId, memberId, delivery.name(), recipient,
                template, fieldsJson};
    }
}
