package jp.refund.claim;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import jp.refund.identity.ReviewFlag;
import jp.refund.shared.KeySet;
import jp.refund.shared.KeysetPages;
import jp.refund.shared.StoredTimestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The claims as the other features read them: the night's events, the review queue, the
 * approved claims waiting for a payout. Read-only: every change goes through
 * {@link ClaimLifecycle}.
 */
@Repository
public class ClaimBook {

    static final RowMapper<ClaimState> STATE = (rs, i) -> new ClaimState(rs.getString("claim_no"),
            rs.getString("application_id"), Channel.valueOf(rs.getString("channel")), rs.getString("member_id"),
            ClaimStatus.valueOf(rs.getString("status")), rs.getLong("amount_yen"),
            PayoutMethod.valueOf(rs.getString("payout_method")), rs.getObject("payout_date", LocalDate.class),
            rs.getString("reference"));

    private static final RowMapper<ClaimEvent> EVENT = (rs, i) -> new ClaimEvent(
            rs.getObject("run_date", LocalDate.class), rs.getInt("seq"), rs.getString("claim_no"),
            rs.getString("application_id"), Channel.valueOf(rs.getString("channel")), rs.getString("member_id"),
            ClaimStatus.valueOf(rs.getString("status")), rs.getString("reasons"), rs.getLong("amount_yen"),
            PayoutMethod.valueOf(rs.getString("payout_method")), rs.getObject("payout_date", LocalDate.class),
            rs.getString("reference"));

    private final JdbcTemplate jdbc;

    ClaimBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The claims of these applications as they stand, by application id. */
    Map<String, ClaimState> claimsOfApplications(Set<String> applicationIds) {
        Map<String, ClaimState> claims = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return claims;
        }
        jdbc.query("SELECT c.claim_no, c.application_id, c.channel, c.member_id, c.status, c.amount_yen,"
                        + " c.payout_method, c.payout_date, c.reference FROM " + KeySet.TEXT_KEYS
                        + " JOIN claim c ON c.application_id = k.id", KeySet.text(applicationIds).asFirstParameter(),
                (ResultSet rs) -> {
                    ClaimState c = STATE.mapRow(rs, 0);
                    claims.put(c.applicationId(), c);
                });
        return claims;
    }

    /** Those of these claims that have awaited the applicant's confirmation before (their confirm_by is set). */
    Set<String> claimsThatAwaitedConfirmation(java.util.Collection<String> claimNos) {
        Set<String> awaited = new java.util.HashSet<>();
        if (claimNos.isEmpty()) {
            return awaited;
        }
        jdbc.query("SELECT c.claim_no FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.claim_no = k.id"
                + " WHERE c.confirm_by IS NOT NULL", KeySet.text(claimNos).asFirstParameter(), (ResultSet rs) -> {
                    awaited.add(rs.getString(1));
                });
        return awaited;
    }

    /** The confirm_by day of those of these claims that have one, by claim number. */
    Map<String, LocalDate> confirmBy(java.util.Collection<String> claimNos) {
        Map<String, LocalDate> deadlines = new HashMap<>();
        if (claimNos.isEmpty()) {
            return deadlines;
        }
        jdbc.query("SELECT c.claim_no, c.confirm_by FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.claim_no = k.id"
                + " WHERE c.confirm_by IS NOT NULL", KeySet.text(claimNos).asFirstParameter(), (ResultSet rs) -> {
                    deadlines.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        return deadlines;
    }

    // ---- payouts ---------------------------------------------------------------------------

    /** Claims of this payout method already scheduled (or scheduled, then returned) for the day. */
    public long scheduledFor(PayoutMethod method, LocalDate day) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE payout_method = ? AND payout_date = ?"
                + " AND status IN ('SCHEDULED', 'RETURNED')", Long.class, method.name(), day);
        return n == null ? 0 : n;
    }

    /**
     * Up to {@code limit} APPROVED claims of this payout method from these channels, oldest
     * approval first, then claim number.
     */
    public List<PayableClaim> approvedOldestFirst(PayoutMethod method, Set<Channel> channels, long limit) {
        if (channels.isEmpty() || limit <= 0) {
            return List.of();
        }
        // Ordered as the claim_status_order index (status and method are fixed here), so H2 walks
        // the index and stops at the limit; a channel IN list would make it sort instead.
        String channel = channels.size() == 1 ? " AND channel = '" + channels.iterator().next().name() + "'" : "";
        return jdbc.query("SELECT claim_no, application_id, channel, member_id, amount_yen FROM claim"
                        + " WHERE status = 'APPROVED' AND payout_method = ?" + channel
                        + " ORDER BY status, payout_method, approved_on, claim_no FETCH FIRST ? ROWS ONLY",
                (rs, n) -> new PayableClaim(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5)), method.name(), limit);
    }

    /** APPROVED claims of this payout method, all channels. */
    public int approvedCount(PayoutMethod method) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'APPROVED' AND payout_method = ?",
                Integer.class, method.name());
        return n == null ? 0 : n;
    }

    // ---- the night's record --------------------------------------------------------------------

    /** The night's events in order, one at a time: a full night has a million of them. */
    public void forEachEvent(LocalDate runDate, Consumer<ClaimEvent> action) {
        // pages in the primary key's order (run_date, seq), so H2 walks the key and stops at each page
        KeysetPages.<ClaimEvent>forEach(last -> jdbc.query("SELECT * FROM claim_event WHERE run_date = ? AND seq > ?"
                + " ORDER BY run_date, seq FETCH FIRST ? ROWS ONLY", EVENT, runDate,
                last == null ? Integer.MIN_VALUE : last.seq(), KeysetPages.PAGE), action);
    }

    /** The night's events counted and summed per status, by status name (the database adds them up). */
    public SortedMap<String, long[]> eventTotalsByStatus(LocalDate runDate) {
        SortedMap<String, long[]> totals = new TreeMap<>();
        jdbc.query("SELECT status, COUNT(*), SUM(amount_yen) FROM claim_event WHERE run_date = ? GROUP BY status",
                (ResultSet rs) -> {
                    totals.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                }, runDate);
        return totals;
    }

    /**
     * The claims held for review tonight (an event to {@code PENDING_REVIEW} on the run date),
     * per review flag, in flag order, every flag listed (0 for one that held none, or is off):
     * claims and yen. A claim with two flags counts under each.
     */
    public Map<ReviewFlag, long[]> heldTonightByFlag(LocalDate runDate) {
        Map<ReviewFlag, long[]> totals = new EnumMap<>(ReviewFlag.class);
        for (ReviewFlag flag : ReviewFlag.values()) {
            totals.put(flag, new long[2]);
        }
        jdbc.query("SELECT reasons, COUNT(*), SUM(amount_yen) FROM claim_event WHERE run_date = ? AND status = ?"
                + " GROUP BY reasons", (ResultSet rs) -> {
                    String reasons = rs.getString(1);
                    for (String code : reasons == null ? new String[0] : reasons.split(";")) {
                        for (ReviewFlag flag : ReviewFlag.values()) {
                            if (flag.name().equals(code)) {
                                totals.get(flag)[0] += rs.getLong(2);
                                totals.get(flag)[1] += rs.getLong(3);
                            }
                        }
                    }
                }, runDate, ClaimStatus.PENDING_REVIEW.name());
        return totals;
    }

    /** A pending claim as the back office's work list shows it. */
    public record PendingClaim(String claimNo, String applicationId, Channel channel, String memberId,
                               long amountYen, PayoutMethod payoutMethod, String flags, LocalDate pendingSince,
                               OffsetDateTime submittedAt) {
    }

    /**
     * Every pending claim, longest pending first (then claim number). Sorted here, not by H2:
     * the list is in memory anyway, and H2 sorts the 250,000 of a full night on disk.
     */
    public List<PendingClaim> pendingReview() {
        List<PendingClaim> pending = jdbc.query("SELECT claim_no, application_id, channel, member_id, amount_yen,"
                + " payout_method, reasons, status_since, submitted_at FROM claim WHERE status = 'PENDING_REVIEW'",
                (rs, i) -> new PendingClaim(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), PayoutMethod.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class), StoredTimestamp.read(rs, 9)));
        pending.sort(Comparator.comparing(PendingClaim::pendingSince).thenComparing(PendingClaim::claimNo));
        return pending;
    }
}
