package jp.refund.notice;

/**
 * A claim's notices as one range of the {@code notice} table's primary key: every notice id
 * begins with its claim number and {@code -} ({@code <claim_no>-<kind>-<n>}), and {@code .} is
 * the character after {@code -}, so {@code [claim-, claim.)} holds exactly that claim's notices
 * (text compared by code point, as both databases are set up to do). The table therefore needs
 * no index on {@code claim_no}: a full first night stores notices for nearly every claim, and
 * each index is one more B-tree written per notice.
 */
final class NoticeIdRange {

    private NoticeIdRange() {
    }

    /** SQL condition on {@code alias.notice_id}: the notices of the claim {@code claimNo} (a column or {@code ?}). */
    static String ofClaim(String alias, String claimNo) {
        return alias + ".notice_id >= " + claimNo + " || '-' AND " + alias + ".notice_id < " + claimNo + " || '.'";
    }

    /** SQL condition on {@code alias.notice_id}: the notices of one kind of the claim {@code claimNo}. */
    static String ofClaim(String alias, String claimNo, NoticeKind kind) {
        return alias + ".notice_id >= " + claimNo + " || '-" + kind.name() + "-' AND " + alias + ".notice_id < "
                + claimNo + " || '-" + kind.name() + ".'";
    }
}
