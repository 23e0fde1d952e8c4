package jp.refund.closeout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the close-out reads from the book: the nights, the members still owed, outcomes per channel and method. */
@Component
class ProgramBook {

    private final JdbcTemplate jdbc;

    ProgramBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<LocalDate> completedNights() {
        return jdbc.queryForList("SELECT run_date FROM night ORDER BY run_date", LocalDate.class);
    }

    /** The last day any certificate still in force could be cashed, without grace days; null when none was issued. */
    LocalDate lastValidUntil() {
        return jdbc.queryForObject("SELECT MAX(valid_until) FROM certificate WHERE voided_on IS NULL", LocalDate.class);
    }

    /** POSTAL claims still SCHEDULED: a night after their validity has not run yet. */
    long certificatesInForce() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'SCHEDULED' AND payout_method = 'POSTAL'",
                Long.class);
        return n == null ? 0 : n;
    }

    /**
     * A live claim's status by wallet; otherwise the member's own last claim that was not a
     * {@code DUPLICATE} (status and first reason): a duplicate is no rejection and does not say why
     * the member is still owed (issue 37).
     */
    private record ClaimLine(String claimNo, String memberId, String walletId, String status, String reasons) {
    }

    /**
     * Every member whose wallet still holds refundable money that was not paid (by bank, not
     * returned, or by a redeemed certificate), by member id, with why.
     */
    List<UnclaimedMember> unclaimedMembers() {
        Map<String, String> liveByWallet = new HashMap<>();
        Map<String, ClaimLine> latestByMember = new HashMap<>();
        jdbc.query("SELECT claim_no, member_id, wallet_id, status, reasons FROM claim ORDER BY claim_no", rs -> {
            ClaimLine c = new ClaimLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5));
            if (isLive(c.status()) && c.walletId() != null) {
                liveByWallet.put(c.walletId(), c.status());
            }
            if (c.memberId() != null) { // a member with only duplicates keeps the last of them
                latestByMember.merge(c.memberId(), c, (earlier, later) ->
                        later.status().equals("DUPLICATE") && !earlier.status().equals("DUPLICATE") ? earlier : later);
            }
        });
        List<UnclaimedMember> owed = new ArrayList<>();
        jdbc.query("SELECT w.wallet_id, w.member_id, w.balance_yen - w.disputed_yen, m.family_name, m.given_name,"
                + " m.postal_code, m.address FROM wallet w LEFT JOIN member m ON m.member_id = w.member_id"
                + " WHERE w.balance_yen > w.disputed_yen ORDER BY w.member_id", rs -> {
                    String live = liveByWallet.get(rs.getString(1));
                    String state;
                    if (live == null) {
                        ClaimLine latest = latestByMember.get(rs.getString(2));
                        state = latest == null ? "NEVER_APPLIED" : latest.status().equals("RETURNED") ? "RETURNED"
                                : "REJECTED:" + firstReason(latest.reasons());
                    } else {
                        state = switch (live) {
                            case "EXPIRED" -> "EXPIRED_CERTIFICATE";
                            case "APPROVED" -> "APPROVED_UNSCHEDULED";
                            case "PENDING_REVIEW", "AWAITING_CONFIRMATION" -> live;
                            default -> null; // paid: SCHEDULED by bank or a redeemed certificate
                        };
                    }
                    if (state != null) {
                        owed.add(new UnclaimedMember(rs.getString(2), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getLong(3), state));
                    }
                });
        return owed;
    }

    private static boolean isLive(String status) {
        return !List.of("RETURNED", "REJECTED", "DUPLICATE").contains(status);
    }

    private static String firstReason(String reasons) {
        return reasons == null || reasons.isEmpty() ? "UNKNOWN" : reasons.split(";")[0];
    }

    /** Claims holding refundable money, by channel and payout method, then status: {claims, yen}. */
    Map<String, long[]> outcomesByChannelAndMethod() {
        Map<String, long[]> totals = new TreeMap<>();
        jdbc.query("SELECT c.channel, c.payout_method, c.status, COUNT(*), SUM(c.amount_yen) FROM claim c"
                + " JOIN wallet w ON w.wallet_id = c.wallet_id WHERE w.balance_yen > w.disputed_yen"
                + " AND c.status NOT IN ('RETURNED', 'REJECTED', 'DUPLICATE')"
                + " GROUP BY c.channel, c.payout_method, c.status", rs -> {
                    totals.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            new long[]{rs.getLong(4), rs.getLong(5)});
                });
        return totals;
    }
}
