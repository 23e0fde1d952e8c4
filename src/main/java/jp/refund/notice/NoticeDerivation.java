package jp.refund.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.refund.claim.ClaimReason;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.ConfirmationSettings;
import jp.refund.claim.DecisionSettings;
import jp.refund.claim.SerialNumber;
import jp.refund.reference.BankMaster;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.shared.BankAccount;
import jp.refund.shared.KeyRange;
import jp.refund.shared.KeySet;
import jp.refund.shared.KeysetPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which notices a night causes (SPEC section 9), from the facts alone: the night's status
 * changes ({@code claim_event}), the claims, the registry's members as they stood that night,
 * and the notices of earlier nights (for the count {@code n} and the one-time reminders).
 * The same facts give the same notices: {@code nightly} stores them, {@code verify} derives
 * them again and compares.
 *
 * <p>Reads the night's events a page at a time along the event key; a full first night has
 * at least one for every application it decides.
 */
@Component
class NoticeDerivation {

    /** Reason codes that mark a change after the decision: the claim was not decided by that event. */
    private static final Set<String> AFTER_DECISION = Set.of(ClaimReason.IDENTITY_CHECK_PASSED.name(),
            ClaimReason.CONFIRMED_BY_APPLICANT.name(), ClaimReason.APPLICANT_DISAGREES.name());
    private static final Pattern TOWN = Pattern.compile("^(東京都|北海道|(?:京都|大阪)府|.{2,3}?県)?(.+?[市区町村])");

    private final JdbcTemplate jdbc;
    private final ObjectProvider<BankMaster> bankMaster; // loaded when a night first names a bank
    /** The settings in force: a night's own; verify gives the ones an old night recorded ({@link #forEach}). */
    private final NoticeRules inForce;
    private final MemberRecipients.Lookup memberLookup;

    NoticeDerivation(JdbcTemplate jdbc, Recipients recipients, ObjectProvider<BankMaster> bankMaster,
                     PayoutScheduler scheduler, DecisionSettings decisionSettings, ConfirmationSettings confirmation,
                     @Value("${refund.certificate.reminder-days:" + NoticeRules.CERTIFICATE_REMINDER_DAYS + "}")
                     int certificateReminderDays,
                     @Value("${refund.notices.member-lookup:AUTO}") MemberRecipients.Lookup memberLookup) {
        this.jdbc = jdbc;
        this.bankMaster = bankMaster;
        this.inForce = new NoticeRules(recipients, certificateReminderDays, confirmation.reminderDays(),
                decisionSettings.applicationWindow().end().toLocalDate(), scheduler::earliestPayoutDate);
        this.memberLookup = memberLookup;
    }

    /**
     * One status change of the night with what its notice needs of the claim and, when looked up
     * with it, of the registry ({@code registered}: null when there was no such member, or when the
     * whole registry is in {@link MemberRecipients}).
     */
    private record Change(int seq, String claimNo, String applicationId, String channel, String memberId,
                          ClaimStatus status, String reasons, long amountYen, String payoutMethod,
                          LocalDate payoutDate, String reference, LocalDate decidedOn, String bankCode,
                          String branchCode, String accountType, String accountNumber, String mailingAddress,
                          LocalDate validUntil, LocalDate confirmBy, RegisteredContact registered) {
    }

    /**
     * Gives {@code action} the night's notices in the order they are caused (event order, then the
     * reminders in claim order), each numbered after the claim's notices of earlier nights.
     */
    void forEach(LocalDate runDate, NoticeRules rules, Consumer<Notice> action) {
        forEachCaused(runDate, rules, new KeyRange("", null),
                membersOf(runDate, rules, changes(runDate, 1).count()), action, changes -> {
                });
        reminders(runDate, rules, new Numbering(runDate), action);
    }

    /**
     * The notices tonight's status changes of the claims in {@code claims} cause, in event order.
     * A claim's notices depend only on its own changes, so ranges of claims can be derived at once
     * (each on its own connection) and give the same notices as one pass over the night.
     */
    void forEachCaused(LocalDate runDate, KeyRange claims, MemberRecipients members, Consumer<Notice> action,
                       IntConsumer changesDone) {
        forEachCaused(runDate, inForce, claims, members, action, changesDone);
    }

    private void forEachCaused(LocalDate runDate, NoticeRules rules, KeyRange claims, MemberRecipients members,
                               Consumer<Notice> action, IntConsumer changesDone) {
        Numbering numbering = new Numbering(runDate);
        List<Change> page = new ArrayList<>();
        KeysetPages.<Change>forEach(last -> changesAfter(runDate, claims,
                        last == null ? Integer.MIN_VALUE : last.seq(), !members.holdsWholeRegistry()),
                change -> {
                    page.add(change);
                    if (page.size() == KeysetPages.PAGE) {
                        notices(runDate, rules, page, members, numbering, action);
                        changesDone.accept(page.size());
                        page.clear();
                    }
                });
        notices(runDate, rules, page, members, numbering, action);
        changesDone.accept(page.size());
    }

    /** Where the members of a night with {@code changes} status changes get their notices. */
    MemberRecipients membersOf(LocalDate runDate, long changes) {
        return membersOf(runDate, inForce, changes);
    }

    private MemberRecipients membersOf(LocalDate runDate, NoticeRules rules, long changes) {
        return MemberRecipients.forNight(jdbc, runDate, rules.recipients(), memberLookup, changes);
    }

    /** The settings in force, as {@link NoticeRules}. */
    NoticeRules inForce() {
        return inForce;
    }

    /**
     * The reminders due tonight and the {@link NoticeKind#APPLY_AGAIN} notices (after the caused
     * notices in {@link #forEach}; kinds of their own, each on a claim other than the one whose
     * change caused it, or on none).
     */
    void forEachReminder(LocalDate runDate, Consumer<Notice> action) {
        reminders(runDate, inForce, new Numbering(runDate), action);
    }

    /** Tonight's status changes: how many, and the claim ranges to derive their notices in. */
    record Changes(long count, List<KeyRange> claimRanges) {
    }

    /**
     * Tonight's changes, their claims cut into {@code parts} ranges of equal width between the
     * lowest and the highest claim number they touch (a first night's changes cover its claims
     * evenly); one range, every claim, when the night has none.
     */
    Changes changes(LocalDate runDate, int parts) {
        List<String> bounds = new ArrayList<>();
        long[] count = {0};
        jdbc.query("SELECT MIN(claim_no), MAX(claim_no), COUNT(*) FROM claim_event WHERE run_date = ?",
                (ResultSet rs) -> {
                    count[0] = rs.getLong(3);
                    if (rs.getString(1) == null || parts < 2) {
                        return;
                    }
                    long low = SerialNumber.CLAIM_NUMBER.serialOf(rs.getString(1).strip());
                    long width = SerialNumber.CLAIM_NUMBER.serialOf(rs.getString(2).strip()) - low + 1;
                    long last = low - 1;
                    for (int k = 1; k < parts; k++) {
                        long bound = low + k * width / parts - 1;
                        if (bound > last) { // fewer claims than parts: fewer ranges, none empty
                            bounds.add(SerialNumber.CLAIM_NUMBER.of(bound));
                            last = bound;
                        }
                    }
                }, runDate);
        return new Changes(count[0], KeyRange.cutAt(bounds));
    }

    private void notices(LocalDate runDate, NoticeRules rules, List<Change> changes, MemberRecipients members,
                         Numbering numbering, Consumer<Notice> action) {
        numbering.loadEarlier(changes.stream().map(Change::claimNo).toList());
        for (Change c : changes) {
            Recipient member = members.holdsWholeRegistry() ? members.of(c.memberId())
                    : c.registered() == null ? null : rules.recipients().ofMember(c.registered());
            Optional<Recipient> to = rules.recipients().ofIdentified(member, c.reasons());
            if (to.isEmpty()) {
                continue;
            }
            for (NoticeKind kind : kindsOf(runDate, c)) {
                action.accept(notice(kind, c.claimNo(), c.applicationId(), c.memberId(), to.get(),
                        numbering.next(c.claimNo(), kind), fields(kind, rules, runDate, c)));
            }
        }
    }

    /** The notices one status change causes. */
    private List<NoticeKind> kindsOf(LocalDate runDate, Change c) {
        List<NoticeKind> kinds = new ArrayList<>(2);
        switch (c.status()) {
            case APPROVED, PENDING_REVIEW -> {
                if (isDecision(runDate, c)) {
                    kinds.add(NoticeKind.BALANCE);
                }
                if (c.status() == ClaimStatus.PENDING_REVIEW) {
                    kinds.add(NoticeKind.DEFICIENCY);
                }
            }
            case REJECTED, DUPLICATE -> kinds.add(NoticeKind.REJECTION);
            case SCHEDULED -> kinds.add(NoticeKind.PAYOUT);
            case RETURNED -> kinds.add(NoticeKind.RETURNED);
            case AWAITING_CONFIRMATION -> kinds.add(NoticeKind.BALANCE);
            default -> {
            }
        }
        return kinds;
    }

    /** The first decision on the claim: decided tonight, by no later step (a check, a confirmation). */
    private static boolean isDecision(LocalDate runDate, Change c) {
        if (!runDate.equals(c.decidedOn())) {
            return false;
        }
        if (c.reasons() != null) {
            for (String code : c.reasons().split(";")) {
                if (AFTER_DECISION.contains(code)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<String, String> fields(NoticeKind kind, NoticeRules rules, LocalDate runDate, Change c) {
        Map<String, String> f = new TreeMap<>();
        f.put("amount_yen", String.valueOf(c.amountYen()));
        f.put("channel", c.channel());
        switch (kind) {
            case BALANCE -> {
                f.put("payout_method", c.payoutMethod());
                f.put("destination", destination(c));
                f.put("earliest_payout_date",
                        rules.earliestPayout().of(c.channel(), c.payoutMethod(), runDate).toString());
                // only on the change to AWAITING_CONFIRMATION: a claim's confirm_by stays set after it is
                // answered, and an earlier BALANCE re-derived by verify must not gain it
                if (c.status() == ClaimStatus.AWAITING_CONFIRMATION && c.confirmBy() != null) {
                    f.put("confirm_by", c.confirmBy().toString());
                }
            }
            case DEFICIENCY -> f.put("flags", c.reasons() == null ? "" : c.reasons());
            case REJECTION -> {
                f.put("status", c.status().name());
                f.put("reasons", c.reasons() == null ? "" : c.reasons());
                f.put("apply_by", rules.applyBy().toString());
            }
            case PAYOUT -> {
                f.put("payout_method", c.payoutMethod());
                if ("BANK".equals(c.payoutMethod())) {
                    f.put("value_date", String.valueOf(c.payoutDate()));
                    f.put("destination", destination(c));
                } else {
                    f.put("certificate_no", c.reference());
                    f.put("issue_date", String.valueOf(c.payoutDate()));
                    f.put("valid_until", String.valueOf(c.validUntil()));
                }
            }
            case RETURNED -> {
                f.put("reason", c.reasons() == null ? "" : c.reasons());
                f.put("apply_by", rules.applyBy().toString());
            }
            default -> throw new IllegalStateException(kind + " is not caused by a status change");
        }
        return f;
    }

    /** Bank and branch name with the account's last 3 digits, or the town of the mailing address. */
    private String destination(Change c) {
        if ("BANK".equals(c.payoutMethod())) {
            BankAccount account = new BankAccount(c.bankCode(), c.branchCode(), c.accountType(), c.accountNumber());
            String names = bankMaster.getObject().branch(c.bankCode(), c.branchCode())
                    .map(b -> b.bankName() + " " + b.branchName()).orElse(c.bankCode() + "-" + c.branchCode());
            return names + " " + account.maskedNumber();
        }
        return town(c.mailingAddress());
    }

    /** 東京都千代田区丸の内1-1 → 東京都千代田区: where a certificate goes, without the street. */
    static String town(String address) {
        if (address == null) {
            return "";
        }
        Matcher m = TOWN.matcher(address.strip());
        if (m.find()) {
            return (m.group(1) == null ? "" : m.group(1)) + m.group(2);
        }
        return "";
    }

    private static Notice notice(NoticeKind kind, String claimNo, String applicationId, String memberId,
                                 Recipient to, int n, Map<String, String> fields) {
        return new Notice(kind.noticeId(claimNo, n), kind, claimNo, applicationId, memberId, to.delivery(),
                to.address(), kind.template(), NoticeFields.json(fields));
    }

    // ---- reminders ------------------------------------------------------------------------

    /**
     * The reminders due tonight: each once, on the first night on or after its day, while the
     * claim still waits (a certificate not redeemed, a claim still awaiting confirmation). A
     * certificate expiry reminder is once per certificate: a reissued certificate gets its own.
     */
    private void reminders(LocalDate runDate, NoticeRules rules, Numbering numbering, Consumer<Notice> action) {
        List<Object[]> due = new ArrayList<>();
        // From the certificates as printed and what happened to each by that night, never the claim's
        // status today: verify re-derives an old night's reminders after later nights cashed, voided
        // (reissued) or expired those certificates.
        jdbc.query("SELECT c.claim_no, c.application_id, c.member_id, c.reasons, k.amount_yen, c.channel,"
                        + " k.certificate_no, k.valid_until, m.member_id AS registered, m.email, m.postal_code,"
                        + " m.address AS registered_address, m.contact_changed_at FROM certificate k"
                        + " JOIN claim c ON c.claim_no = k.claim_no"
                        + " LEFT JOIN member m ON m.member_id = c.member_id AND m.ingested_on <= ?"
                        + " WHERE k.valid_until <= ? AND k.issued_on <= ?"
                        + " AND (k.redeemed_on IS NULL OR k.redeemed_on > ?) AND (k.voided_on IS NULL OR k.voided_on > ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM claim_event e WHERE e.claim_no = k.claim_no"
                        + " AND e.status = 'EXPIRED' AND e.reference = k.certificate_no AND e.run_date <= ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM notice n WHERE "
                        + NoticeIdRange.ofClaim("n", "c.claim_no", NoticeKind.CERTIFICATE_EXPIRY_REMINDER)
                        // per certificate (issue 37): a reminder of this claim on or after this certificate's issue
                        // date is this certificate's; the one of a certificate it replaced came before it was voided
                        // or expired, so before this one was issued
                        + " AND n.run_date >= k.issued_on AND n.run_date < ?) ORDER BY c.claim_no",
                (ResultSet rs) -> {
                    due.add(new Object[]{rs.getString("claim_no"), rs.getString("application_id"),
                            rs.getString("member_id"), rs.getString("reasons"), rs.getLong("amount_yen"),
                            rs.getString("channel"), rs.getString("certificate_no"),
                            rs.getObject("valid_until", LocalDate.class), registered(rs)});
                }, runDate, runDate.plusDays(rules.certificateReminderDays()), runDate, runDate, runDate, runDate, runDate);
        numbering.loadEarlier(due.stream().map(d -> (String) d[0]).toList());
        for (Object[] d : due) {
            Optional<Recipient> to = rules.recipients().of((RegisteredContact) d[8], (String) d[3]);
            if (to.isEmpty()) {
                continue;
            }
            Map<String, String> f = new TreeMap<>();
            f.put("amount_yen", String.valueOf(d[4]));
            f.put("channel", (String) d[5]);
            f.put("certificate_no", (String) d[6]);
            f.put("valid_until", d[7].toString());
            NoticeKind kind = NoticeKind.CERTIFICATE_EXPIRY_REMINDER;
            action.accept(notice(kind, (String) d[0], (String) d[1], (String) d[2], to.get(),
                    numbering.next((String) d[0], kind), f));
        }
        confirmationReminders(runDate, rules, numbering, action);
        applyAgain(runDate, rules, numbering, action);
    }

    /**
     * Claims still awaiting confirmation at the end of the night whose reminder day came. As that
     * night saw them — the claim's last status change up to the night, not its status today — so
     * verify re-derives an old night's reminders after later nights confirmed or lapsed those
     * claims. Not guarded by {@code refund.confirmation.required}: with it off no claim has a
     * {@code confirm_by}, and verify does not depend on the setting given to it.
     */
    private void confirmationReminders(LocalDate runDate, NoticeRules rules, Numbering numbering,
                                       Consumer<Notice> action) {
        List<Object[]> due = new ArrayList<>();
        // a claim still awaiting at the end of the night has confirm_by >= the night (earlier ones lapsed)
        jdbc.query("SELECT c.claim_no, c.application_id, c.member_id, c.reasons, c.amount_yen, c.channel,"
                        + " c.confirm_by, m.member_id AS registered, m.email, m.postal_code,"
                        + " m.address AS registered_address, m.contact_changed_at FROM claim c"
                        + " LEFT JOIN member m ON m.member_id = c.member_id AND m.ingested_on <= ?"
                        + " WHERE c.confirm_by >= ? AND c.confirm_by <= ?"
                        + " AND (SELECT e.status FROM claim_event e WHERE e.claim_no = c.claim_no AND e.run_date <= ?"
                        + " ORDER BY e.run_date DESC, e.seq DESC FETCH FIRST 1 ROW ONLY) = 'AWAITING_CONFIRMATION'"
                        + " AND NOT EXISTS (SELECT 1 FROM notice n WHERE "
                        + NoticeIdRange.ofClaim("n", "c.claim_no", NoticeKind.CONFIRMATION_REMINDER)
                        + " AND n.run_date < ?) ORDER BY c.claim_no",
                (ResultSet rs) -> {
                    due.add(new Object[]{rs.getString("claim_no"), rs.getString("application_id"),
                            rs.getString("member_id"), rs.getString("reasons"), rs.getLong("amount_yen"),
                            rs.getString("channel"), rs.getObject("confirm_by", LocalDate.class), registered(rs)});
                }, runDate, runDate, runDate.plusDays(rules.confirmationReminderDays()), runDate, runDate);
        numbering.loadEarlier(due.stream().map(d -> (String) d[0]).toList());
        for (Object[] d : due) {
            Optional<Recipient> to = rules.recipients().of((RegisteredContact) d[7], (String) d[3]);
            if (to.isEmpty()) {
                continue;
            }
            Map<String, String> f = new TreeMap<>();
            f.put("amount_yen", String.valueOf(d[4]));
            f.put("channel", (String) d[5]);
            f.put("confirm_by", d[6].toString());
            NoticeKind kind = NoticeKind.CONFIRMATION_REMINDER;
            action.accept(notice(kind, (String) d[0], (String) d[1], (String) d[2], to.get(),
                    numbering.next((String) d[0], kind), f));
        }
    }

    /**
     * {@link NoticeKind#APPLY_AGAIN} (issue 35; SPEC section 11's RACE_THE_OWNER): tonight a claim X
     * of a member became {@code REJECTED} {@code IDENTITY_CHECK_FAILED}, the member has
     * {@code DUPLICATE} claims decided after X, and at the end of the night no live claim. Those
     * duplicates are the ones X made: X was the member's live claim from its decision until tonight's
     * check, and a member has one live claim at a time (a second application is the duplicate). One
     * notice per rejected claim, so one per member however many duplicates, on the first of them
     * (in the race, the owner's own application), to the registry's contact as every notice. As the
     * night saw them — the claims' events up to the night, not their status today — so verify
     * re-derives an old night's notice after the member applied again; a later night has no such
     * event of X, so never a second one.
     */
    private void applyAgain(LocalDate runDate, NoticeRules rules, Numbering numbering, Consumer<Notice> action) {
        Map<String, BlockedOwner> due = new java.util.LinkedHashMap<>(); // by the rejected claim: its first duplicate
        jdbc.query("SELECT x.claim_no AS rejected_claim_no, c.claim_no, c.application_id, c.member_id, c.reasons,"
                        + " c.amount_yen, c.channel, m.member_id AS registered, m.email, m.postal_code,"
                        + " m.address AS registered_address, m.contact_changed_at FROM claim_event e"
                        + " JOIN claim x ON x.claim_no = e.claim_no"
                        + " JOIN claim c ON c.member_id = x.member_id AND c.claim_no > x.claim_no"
                        + " LEFT JOIN member m ON m.member_id = c.member_id AND m.ingested_on <= ?"
                        + " WHERE e.run_date = ? AND e.status = ? AND e.reasons = ?"
                        + " AND c.status = ? AND c.decided_on <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM claim y WHERE y.member_id = x.member_id AND y.decided_on <= ?"
                        + " AND (SELECT f.status FROM claim_event f WHERE f.claim_no = y.claim_no AND f.run_date <= ?"
                        + " ORDER BY f.run_date DESC, f.seq DESC FETCH FIRST 1 ROW ONLY) IN " + ClaimStatus.LIVE_SQL + ")"
                        + " ORDER BY x.claim_no, c.claim_no",
                (ResultSet rs) -> {
                    due.putIfAbsent(rs.getString("rejected_claim_no"), new BlockedOwner(rs.getString("claim_no"),
                            rs.getString("application_id"), rs.getString("member_id"), rs.getString("reasons"),
                            rs.getLong("amount_yen"), rs.getString("channel"), rs.getString("rejected_claim_no"),
                            registered(rs)));
                }, runDate, runDate, ClaimStatus.REJECTED.name(), ClaimReason.IDENTITY_CHECK_FAILED.name(),
                ClaimStatus.DUPLICATE.name(), runDate, runDate, runDate);
        numbering.loadEarlier(due.values().stream().map(BlockedOwner::claimNo).toList());
        for (BlockedOwner d : due.values()) {
            Optional<Recipient> to = rules.recipients().of(d.registered(), d.reasons());
            if (to.isEmpty()) {
                continue;
            }
            Map<String, String> f = new TreeMap<>();
            f.put("amount_yen", String.valueOf(d.amountYen()));
            f.put("channel", d.channel());
            f.put("rejected_claim_no", d.rejectedClaimNo());
            f.put("apply_by", rules.applyBy().toString());
            NoticeKind kind = NoticeKind.APPLY_AGAIN;
            action.accept(notice(kind, d.claimNo(), d.applicationId(), d.memberId(), to.get(),
                    numbering.next(d.claimNo(), kind), f));
        }
    }

    /** The member's first DUPLICATE claim after {@code rejectedClaimNo}, with the registry's contact that night. */
    private record BlockedOwner(String claimNo, String applicationId, String memberId, String reasons, long amountYen,
                                String channel, String rejectedClaimNo, RegisteredContact registered) {
    }

    // ---- reading ---------------------------------------------------------------------------

    /** A page of the night's changes; with {@code withMember}, each looks up its member in the registry. */
    private List<Change> changesAfter(LocalDate runDate, KeyRange claims, int afterSeq, boolean withMember) {
        return jdbc.query("SELECT e.seq, e.claim_no, e.application_id, e.channel, e.member_id, e.status, e.reasons,"
                        + " e.amount_yen, e.payout_method, e.payout_date, e.reference, c.decided_on, c.bank_code,"
                        + " c.branch_code, c.account_type, c.account_number,"
                        // The mailing address and certificate as they were that night, not as a later reissue
                        // left the claim: the newest reissue to a new address up to then, else the application's.
                        // (looked up only for a certificate, in a CASE, which H2 evaluates only when it applies:
                        // most of a night's events are bank transfers; a join's index look-up ran for every one)
                        + " COALESCE(CASE WHEN e.payout_method = 'POSTAL' THEN (SELECT r.address"
                        + " FROM certificate_reissue r WHERE r.claim_no = e.claim_no"
                        + " AND r.address IS NOT NULL AND r.ingested_on <= e.run_date"
                        + " ORDER BY r.ingested_on DESC, r.requested_at DESC FETCH FIRST 1 ROW ONLY) END,"
                        + " CASE WHEN e.payout_method = 'POSTAL' THEN (SELECT ap.address FROM application ap"
                        + " WHERE ap.application_id = e.application_id) END, c.address) AS address,"
                        + " COALESCE(CASE WHEN e.payout_method = 'POSTAL' THEN (SELECT k.valid_until FROM certificate k"
                        + " WHERE k.certificate_no = e.reference) END, c.valid_until) AS valid_until, c.confirm_by"
                        + (withMember ? ", m.member_id AS registered, m.email, m.postal_code,"
                                + " m.address AS registered_address, m.contact_changed_at" : "")
                        + " FROM claim_event e JOIN claim c ON c.claim_no = e.claim_no"
                        + (withMember ? " LEFT JOIN member m ON m.member_id = e.member_id AND m.ingested_on <= ?" : "")
                        + " WHERE e.run_date = ? AND e.seq > ? AND e.claim_no > ?"
                        + (claims.upTo() == null ? "" : " AND e.claim_no <= ?")
                        + " ORDER BY e.run_date, e.seq FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Change(rs.getInt("seq"), rs.getString("claim_no"), rs.getString("application_id"),
                        rs.getString("channel"), rs.getString("member_id"), ClaimStatus.valueOf(rs.getString("status")),
                        rs.getString("reasons"), rs.getLong("amount_yen"), rs.getString("payout_method"),
                        rs.getObject("payout_date", LocalDate.class), rs.getString("reference"),
                        rs.getObject("decided_on", LocalDate.class), rs.getString("bank_code"),
                        rs.getString("branch_code"), rs.getString("account_type"), rs.getString("account_number"),
                        rs.getString("address"), rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("confirm_by", LocalDate.class), withMember ? registered(rs) : null),
                arguments(runDate, claims, afterSeq, withMember));
    }

    /** The parameters of {@link #changesAfter}'s query, in the order its optional clauses put them. */
    private static Object[] arguments(LocalDate runDate, KeyRange claims, int afterSeq, boolean withMember) {
        List<Object> args = new ArrayList<>();
        if (withMember) {
            args.add(runDate); // the member as the registry held it that night
        }
        args.addAll(List.of(runDate, afterSeq, claims.after()));
        if (claims.upTo() != null) {
            args.add(claims.upTo());
        }
        args.add(KeysetPages.PAGE);
        return args.toArray();
    }

    /** The member as the registry held it that night; null when there was none. */
    private static RegisteredContact registered(ResultSet rs) throws SQLException {
        String id = rs.getString("registered");
        if (id == null) {
            return null;
        }
        return new RegisteredContact(id, rs.getString("email"), rs.getString("postal_code"),
                rs.getString("registered_address"), rs.getObject("contact_changed_at", OffsetDateTime.class));
    }

    /**
     * The count {@code n} of each kind per claim: after the claim's notices of earlier nights,
     * then one up for each of tonight's. A bit per (claim, kind) says "one tonight already";
     * only a second one of a kind in one night (rare) needs a map entry.
     */
    private final class Numbering {
        private final LocalDate runDate;
        private final boolean anyEarlier; // a first night has none: no claim's to look up
        private final Map<String, Integer> earlier = new HashMap<>();
        private final BitSet tonight = new BitSet();
        private final Map<String, Integer> repeatedTonight = new HashMap<>();

        Numbering(LocalDate runDate) {
            this.runDate = runDate;
            this.anyEarlier = !jdbc.queryForList("SELECT run_date FROM notice WHERE run_date < ? FETCH FIRST 1 ROW ONLY",
                    LocalDate.class, runDate).isEmpty();
        }

        /** The highest n of each kind these claims had before tonight. */
        void loadEarlier(List<String> claimNos) {
            earlier.clear();
            if (claimNos.isEmpty() || !anyEarlier) {
                return;
            }
            jdbc.query("SELECT n.claim_no, n.kind, MAX(n.n) FROM " + KeySet.TEXT_KEYS
                            + " JOIN notice n ON " + NoticeIdRange.ofClaim("n", "k.id")
                            + " WHERE n.run_date < ? GROUP BY n.claim_no, n.kind",
                    ps -> {
                        KeySet.text(claimNos).asFirstParameter().setValues(ps);
                        ps.setObject(2, runDate);
                    }, (ResultSet rs) -> {
                        earlier.put(rs.getString(1) + rs.getString(2), rs.getInt(3));
                    });
        }

        int next(String claimNo, NoticeKind kind) {
            int base = earlier.getOrDefault(claimNo + kind.name(), 0);
            int bit = Math.toIntExact((SerialNumber.CLAIM_NUMBER.serialOf(claimNo) - SerialNumber.FIRST_SERIAL)
                    * NoticeKind.values().length + kind.ordinal());
            if (!tonight.get(bit)) {
                tonight.set(bit);
                return base + 1;
            }
            return base + repeatedTonight.merge(claimNo + kind.name(), 2, (a, b) -> a + 1);
        }
    }
}
