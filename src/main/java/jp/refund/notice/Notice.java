package jp.refund.notice;

import java.util.SortedMap;

/** One notice: a line of {@code notices/notices.csv} (or {@code letters.csv}). */
public record Notice(String noticeId, NoticeKind kind, String claimNo, String applicationId, String memberId,
                     Delivery delivery, String recipient, String template, SortedMap<String, String> fields) {

    static final String[] HEADER = {"notice_id", "kind", "claim_no", "application_id", "member_id", "delivery",
            "recipient", "template", "fields"};

    String[] csvRow() {
        return new String[]{noticeId, kind.name(), claimNo, applicationId, memberId, delivery.name(), recipient,
                template, NoticeFields.json(fields)};
    }
}
