package jp.refund.ingest;

import static jp.refund.ingest.MemberColumns.MEMBER_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Member ids are compared exactly, as the registry issued them, and the registry never
 * issues two that differ only in letter case: a member row whose id equals a known member's
 * but for case is rejected, so that an app application's id and a web application's
 * contact details always name one member, never two look-alikes.
 */
record NoMemberIdCaseTwins(KeyLookup lookup) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Map<String, String> memberOfKey = lookup.find("member", "member_key", "member_id",
                candidates.stream().map(row -> key(row.get(MEMBER_ID))).toList());
        return new Check() {
            @Override
            public RowRejection check(FeedRow row) {
                String id = row.get(MEMBER_ID);
                String twin = memberOfKey.get(key(id));
                return twin == null || twin.equals(id) ? null : new RowRejection(RejectReason.CONFLICTING_DUPLICATE,
                        MEMBER_ID.name(), "member_id " + id + " differs only in letter case from member " + twin);
            }

            @Override
            public void accepted(FeedRow row) {
                memberOfKey.put(key(row.get(MEMBER_ID)), row.get(MEMBER_ID));
            }
        };
    }

    /** What {@code member.member_key} holds: the id in upper case (ids are ASCII letters, digits and hyphens). */
    static String key(String memberId) {
        return memberId.toUpperCase(Locale.ROOT);
    }
}
