package jp.refund.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.refund.claim.ClaimReason;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.SerialNumber;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.reference.BankMaster;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.shared.BankAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds claims by claim number, application id, member id, phone or e-mail, and
 * explains them. Phones compare by digits, e-mails trimmed and case-insensitive, against
 * what the application and the member's registration say (indexed keys).
 */
@Service
public class ClaimLookup {

    /** A query that cannot be a claim number, id, phone or e-mail. */
    public static class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message);
        }
    }

    public static final List<String> KINDS = List.of("claimNo", "applicationId", "memberId", "phone", "email");
    static final int MAX_RESULTS = 50;

    private static final String SELECT = "SELECT c.claim_no, c.application_id, c.channel, c.member_id, c.status,"
            + " c.reasons, c.amount_yen, c.payout_method, c.payout_date, c.bank_code, c.branch_code, c.account_type,"
            + " c.account_number, c.certificate_no, c.valid_until, a.email, a.phone, c.confirm_by FROM claim c"
            + " JOIN application a ON a.application_id = c.application_id";

    private final JdbcTemplate jdbc;
    private final BankMaster bankMaster;
    private final PayoutScheduler scheduler;

    ClaimLookup(JdbcTemplate jdbc, BankMaster bankMaster, PayoutScheduler scheduler) {
        this.jdbc = jdbc;
        this.bankMaster = bankMaster;
        this.scheduler = scheduler;
    }

    public Optional<ClaimView> byClaimNo(String claimNo) {
        if (claimNo == null || !SerialNumber.CLAIM_NUMBER.isValid(claimNo.strip())) {
            throw new BadQuery("a claim number is 10 digits with a valid check digit");
        }
        List<ClaimView> found = query(SELECT + " WHERE c.claim_no = ?", claimNo.strip());
        return found.stream().findFirst();
    }

    public List<ClaimView> find(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new BadQuery("give a value to search for");
        }
        String v = value.strip();
        return switch (kind) {
            case "claimNo" -> byClaimNo(v).map(List::of).orElse(List.of());
            case "applicationId" -> {
                requireMatch(v, "[A-Za-z0-9-]{1,20}", "an application id is 1-20 of A-Z a-z 0-9 -");
                yield query(SELECT + " WHERE c.application_id = ?", v);
            }
            case "memberId" -> {
                requireMatch(v, "[A-Za-z0-9-]{1,20}", "a member id is 1-20 of A-Z a-z 0-9 -");
                yield query(SELECT + " WHERE c.member_id = ? ORDER BY c.claim_no", v);
            }
            case "phone" -> {
                String digits = WebIdentityMatch.phone(v); // the key the book stores (phone_key)
                requireMatch(v, "[0-9+() -]{10,20}", "a phone number has 10-11 digits");
                if (digits.length() < 10 || digits.length() > 11) {
                    throw new BadQuery("a phone number has 10-11 digits");
                }
                yield byContact("phone_key", digits);
            }
            case "email" -> {
                String key = WebIdentityMatch.email(v); // the key the book stores (email_key)
                requireMatch(key, "[^@\\s]+@[^@\\s]+", "an e-mail address has one @");
                yield byContact("email_key", key);
            }
            default -> throw new BadQuery("search by one of " + KINDS);
        };
    }

    /**
     * Claims whose application, or whose member's registration, has this contact key. Each
     * step is a look-up on one table by one indexed column: asked as one statement (a join, a
     * union, an OR), H2 planned some of them as walks over a million claims once the key was a
     * parameter.
     */
    private List<ClaimView> byContact(String keyColumn, String key) {
        java.util.TreeSet<String> claimNos = new java.util.TreeSet<>();
        // at most MAX_RESULTS of each: a dummy number typed on many web forms (03-0000-0000) matches 10% of a book
        String first = " FETCH FIRST " + MAX_RESULTS + " ROWS ONLY";
        for (String applicationId : jdbc.queryForList("SELECT application_id FROM application WHERE " + keyColumn
                + " = ?" + first, String.class, key)) {
            claimNos.addAll(jdbc.queryForList("SELECT claim_no FROM claim WHERE application_id = ?", String.class,
                    applicationId));
        }
        for (String memberId : jdbc.queryForList("SELECT member_id FROM member WHERE " + keyColumn + " = ?" + first,
                String.class, key)) {
            claimNos.addAll(jdbc.queryForList("SELECT claim_no FROM claim WHERE member_id = ?", String.class,
                    memberId));
        }
        List<ClaimView> views = new ArrayList<>();
        for (String claimNo : claimNos.stream().limit(MAX_RESULTS).toList()) {
            views.addAll(query(SELECT + " WHERE c.claim_no = ?", claimNo));
        }
        return views;
    }

    private static void requireMatch(String value, String pattern, String message) {
        if (!value.matches(pattern)) {
            throw new BadQuery(message);
        }
    }

    private List<ClaimView> query(String sql, Object... args) {
        List<ClaimView> views = new ArrayList<>();
        jdbc.query(sql + " FETCH FIRST " + MAX_RESULTS + " ROWS ONLY", rs -> {
            String claimNo = rs.getString(1);
            String channel = rs.getString(3);
            String status = rs.getString(5);
            String method = rs.getString(8);
            LocalDate payoutDate = rs.getObject(9, LocalDate.class);
            // a transfer sent or a certificate issued keeps its date whatever happened after (cashed, expired, returned)
            String kind = switch (status) {
                case "SCHEDULED", "RETURNED", "PAID", "EXPIRED" -> "paid";
                default -> null;
            };
            if (kind == null && ("APPROVED".equals(status) || "PENDING_REVIEW".equals(status)
                    || "AWAITING_CONFIRMATION".equals(status))) {
                payoutDate = earliestPossible(channel, method);
                kind = "earliest";
            }
            if (kind == null) {
                payoutDate = null; // shown as "none", never as an empty line
            }
            String bankName = null;
            String branchName = null;
            String masked = null;
            if (rs.getString(10) != null) {
                Optional<BankMaster.Branch> branch = bankMaster.branch(rs.getString(10), rs.getString(11));
                bankName = branch.map(BankMaster.Branch::bankName).orElse(rs.getString(10));
                branchName = branch.map(BankMaster.Branch::branchName).orElse(rs.getString(11));
                masked = new BankAccount(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13))
                        .maskedNumber();
            }
            StatusWording.Words words = StatusWording.status(status);
            List<ClaimView.Reason> reasons = new ArrayList<>();
            String codes = rs.getString(6);
            if (codes != null && !codes.isBlank()) {
                for (String code : codes.split(";")) {
                    StatusWording.Words r = StatusWording.reason(code);
                    reasons.add(new ClaimView.Reason(code, r.ja(), r.en(), r.nextJa(), r.nextEn()));
                }
            }
            views.add(new ClaimView(claimNo, rs.getString(2), channel, rs.getString(4), status, words.ja(), words.en(),
                    words.nextJa(), words.nextEn(), reasons, rs.getLong(7), method, payoutDate, kind, bankName,
                    branchName, rs.getString(12), masked, rs.getString(14), rs.getObject(15, LocalDate.class),
                    Masking.email(rs.getString(16)), Masking.phone(rs.getString(17)), List.of(),
                    "AWAITING_CONFIRMATION".equals(status) ? rs.getObject(18, LocalDate.class) : null));
        }, args);
        List<ClaimView> withHistory = new ArrayList<>();
        for (ClaimView v : views) {
            withHistory.add(withNextStep(withHistory(v)));
        }
        return withHistory;
    }

    /**
     * A DUPLICATE claim whose member's earlier claim was rejected after a failed identity check
     * says the owner can apply again (issue 35, RACE_THE_OWNER): when the claim that made it a
     * duplicate — the member's last claim before it that was ever live (numbers follow the
     * decisions; a member has one live claim at a time) — is now REJECTED IDENTITY_CHECK_FAILED,
     * and the member has no live claim now. Once the member applied again and has a live claim,
     * the usual words.
     */
    private ClaimView withNextStep(ClaimView v) {
        if (!ClaimStatus.DUPLICATE.name().equals(v.status()) || v.memberId() == null) {
            return v;
        }
        List<String> blocker = jdbc.queryForList("SELECT x.status || ' ' || COALESCE(x.reasons, '') FROM claim x"
                + " WHERE x.member_id = ? AND x.claim_no < ? AND EXISTS (SELECT 1 FROM claim_event e"
                + " WHERE e.claim_no = x.claim_no AND e.status IN " + ClaimStatus.LIVE_SQL + ")"
                + " ORDER BY x.claim_no DESC FETCH FIRST 1 ROW ONLY", String.class, v.memberId(), v.claimNo());
        String failed = ClaimStatus.REJECTED.name() + " " + ClaimReason.IDENTITY_CHECK_FAILED.name();
        if (blocker.isEmpty() || !blocker.get(0).equals(failed)) {
            return v;
        }
        Long live = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE member_id = ? AND status IN "
                + ClaimStatus.LIVE_SQL, Long.class, v.memberId());
        if (live != null && live > 0) {
            return v;
        }
        StatusWording.Words w = StatusWording.DUPLICATE_OF_CLAIM_FAILED_CHECK;
        return v.withNextStep(w.nextJa(), w.nextEn());
    }

    private ClaimView withHistory(ClaimView v) {
        List<ClaimView.Event> history = jdbc.query("SELECT run_date, status, reasons, payout_date, reference"
                + " FROM claim_event WHERE claim_no = ? ORDER BY run_date, seq", (rs, i) -> {
                    StatusWording.Words w = StatusWording.status(rs.getString(2));
                    return new ClaimView.Event(rs.getObject(1, LocalDate.class), rs.getString(2), w.ja(), w.en(),
                            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5));
                }, v.claimNo());
        return new ClaimView(v.claimNo(), v.applicationId(), v.channel(), v.memberId(), v.status(), v.statusJa(),
                v.statusEn(), v.nextStepJa(), v.nextStepEn(), v.reasons(), v.amountYen(), v.payoutMethod(),
                v.payoutDate(), v.payoutDateKind(), v.bankName(), v.branchName(), v.accountType(),
                v.accountNumberMasked(), v.certificateNo(), v.validUntil(), v.emailMasked(), v.phoneMasked(), history,
                v.confirmBy());
    }

    /**
     * The earliest day an approved or pending claim could be paid: the next night's value
     * (or issue) date, and never before its channel's first payout date.
     */
    private LocalDate earliestPossible(String channel, String method) {
        LocalDate last = jdbc.queryForObject("SELECT MAX(run_date) FROM night", LocalDate.class);
        LocalDate nextNight = last == null ? LocalDate.now(java.time.ZoneOffset.ofHours(9)) : last.plusDays(1);
        try {
            return scheduler.earliestPayoutDate(channel, method, nextNight);
        } catch (IllegalStateException outsideCalendar) {
            return null;
        }
    }

    static String[] kinds() {
        return KINDS.toArray(String[]::new);
    }

    static boolean isKind(String kind) {
        return Arrays.asList(kinds()).contains(kind);
    }
}
