package jp.refund.claim;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.ingest.ApplicationRow;
import jp.refund.ingest.MemberRow;
import jp.refund.ingest.WalletRow;
import jp.refund.reference.BankMaster;
import jp.refund.shared.BankAccount;
import jp.refund.shared.KeySet;
import jp.refund.shared.KeysetPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Claims and their events in the database, and what the decisions read from the book. */
@Repository
public class ClaimBook {

    static final RowMapper<ApplicationRow> APPLICATION = (rs, i) -> new ApplicationRow(
            rs.getString("application_id"), rs.getString("channel"),
            rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("payout_method"),
            rs.getString("bank_code"), rs.getString("branch_code"), rs.getString("account_type"),
            rs.getString("account_number"), rs.getString("yucho_symbol"), rs.getString("yucho_number"),
            rs.getString("account_holder_kana"), rs.getString("recipient_name"), rs.getString("postal_code"),
            rs.getString("address"), rs.getString("email"), rs.getString("phone"), rs.getString("member_id"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getString("family_name_kana"),
            rs.getString("given_name_kana"), rs.getObject("birth_date", LocalDate.class));

    private static final RowMapper<MemberRow> MEMBER = (rs, i) -> new MemberRow(rs.getString("member_id"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getString("family_name_kana"),
            rs.getString("given_name_kana"), rs.getObject("birth_date", LocalDate.class), rs.getString("email"),
            rs.getString("phone"), rs.getString("postal_code"), rs.getString("address"),
            rs.getObject("contact_changed_at", OffsetDateTime.class));

    private static final RowMapper<WalletRow> WALLET = (rs, i) -> new WalletRow(rs.getString("wallet_id"),
            rs.getString("member_id"), rs.getLong("balance_yen"), rs.getLong("disputed_yen"),
            rs.getBoolean("compromised"));

    private static final String UNDECIDED = "NOT EXISTS (SELECT 1 FROM claim c WHERE c.application_id = a.application_id)";
    /** Oldest submission first: the order of the application_submitted index, so H2 stops at the limit. */
    private static final String OLDEST_FIRST = " ORDER BY a.submitted_at, a.application_id FETCH FIRST ? ROWS ONLY";

    private final JdbcTemplate jdbc;

    ClaimBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long lastSerial() {
        String last = jdbc.queryForObject("SELECT MAX(claim_no) FROM claim", String.class);
        return last == null ? ClaimNumber.FIRST_SERIAL - 1 : ClaimNumber.serialOf(last);
    }

    public int lastEventSeq(LocalDate runDate) {
        Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM claim_event WHERE run_date = ?", Integer.class,
                runDate);
        return last == null ? 0 : last;
    }

    /**
     * Up to {@code limit} applications not decided yet, oldest submission first, after
     * {@code last} (the last one of the previous page; null for the first page).
     */
    List<ApplicationRow> undecidedAfter(ApplicationRow last, int limit) {
        if (last == null) {
            return jdbc.query("SELECT a.* FROM application a WHERE " + UNDECIDED + OLDEST_FIRST, APPLICATION, limit);
        }
        return jdbc.query("SELECT a.* FROM application a WHERE a.submitted_at >= ?"
                        + " AND NOT (a.submitted_at = ? AND a.application_id <= ?) AND " + UNDECIDED + OLDEST_FIRST,
                APPLICATION, last.submittedAt(), last.submittedAt(), last.applicationId(), limit);
    }

    long countUndecided() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM application a WHERE " + UNDECIDED, Long.class);
        return n == null ? 0 : n;
    }

    /** Everything the decisions of one chunk of applications read, loaded in a few queries. */
    ChunkBook chunkBook(List<ApplicationRow> applications, BankMaster bankMaster) {
        Set<String> memberIds = new HashSet<>();
        Set<String> phoneKeys = new HashSet<>();
        Set<String> emailKeys = new HashSet<>();
        List<String> accountNumbers = new ArrayList<>();
        for (ApplicationRow a : applications) {
            if (a.memberId() != null) {
                memberIds.add(a.memberId());
            }
            if (a.birthDate() != null) { // a web applicant: found by contact, then matched on birth date and name
                phoneKeys.add(WebIdentityMatch.phone(a.phone()));
                emailKeys.add(WebIdentityMatch.email(a.email()));
            }
            if ("BANK".equals(a.payoutMethod())) {
                ClaimDecider.account(a).ifPresent(acc -> accountNumbers.add(acc.accountNumber()));
            }
        }
        Map<String, MemberRow> members = new HashMap<>();
        Map<LocalDate, List<MemberRow>> byBirthDate = new HashMap<>();
        KeySet ids = KeySet.text(memberIds);
        if (!ids.isEmpty()) {
            jdbc.query("SELECT m.* FROM " + KeySet.TEXT_KEYS + " JOIN member m ON m.member_id = k.id",
                    ids.asFirstParameter(), MEMBER).forEach(m -> members.put(m.memberId(), m));
        }
        // Web applicants: only members sharing the phone or the e-mail can match (WebIdentityMatch), so
        // look them up by those keys; by birth date alone it was 50 members per applicant at 1.5 M.
        Map<String, MemberRow> byContact = new HashMap<>();
        for (String column : List.of("phone_key", "email_key")) {
            KeySet keys = KeySet.text("phone_key".equals(column) ? phoneKeys : emailKeys);
            if (!keys.isEmpty()) {
                jdbc.query("SELECT m.* FROM " + KeySet.TEXT_KEYS + " JOIN member m ON m." + column + " = k.id",
                        keys.asFirstParameter(), MEMBER).forEach(m -> byContact.put(m.memberId(), m));
            }
        }
        byContact.values().stream().sorted(java.util.Comparator.comparing(MemberRow::memberId)).forEach(m -> {
            members.put(m.memberId(), m);
            byBirthDate.computeIfAbsent(m.birthDate(), d -> new ArrayList<>()).add(m);
        });
        Map<String, WalletRow> wallets = new HashMap<>();
        Set<String> live = new HashSet<>();
        KeySet known = KeySet.text(members.keySet());
        if (!known.isEmpty()) {
            jdbc.query("SELECT w.* FROM " + KeySet.TEXT_KEYS + " JOIN wallet w ON w.member_id = k.id",
                    known.asFirstParameter(), WALLET).forEach(w -> wallets.put(w.memberId(), w));
            // only the member index may be used: a status condition lets H2 scan every live claim instead
            jdbc.query("SELECT c.member_id, c.status FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.member_id = k.id",
                    known.asFirstParameter(), (ResultSet rs) -> {
                        if (ClaimStatus.valueOf(rs.getString(2)).isLive()) {
                            live.add(rs.getString(1));
                        }
                    });
        }
        Map<BankAccount, Set<String>> accountMembers = new HashMap<>();
        KeySet numbers = KeySet.text(accountNumbers);
        if (!numbers.isEmpty()) {
            // by account number (selective and indexed); the rest of the account is compared in the key
            jdbc.query("SELECT c.bank_code, c.branch_code, c.account_type, c.account_number, c.member_id, c.status"
                            + " FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.account_number = k.id",
                    numbers.asFirstParameter(), (ResultSet rs) -> {
                        if (ClaimStatus.valueOf(rs.getString(6)).isLive()) {
                            accountMembers.computeIfAbsent(new BankAccount(rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4)), k -> new HashSet<>()).add(rs.getString(5));
                        }
                    });
        }
        return new ChunkBook(members, byBirthDate, wallets, live, accountMembers, bankMaster);
    }

    /**
     * The book as one chunk's decisions see it: loaded at the start of the chunk, and
     * kept up to date with the chunk's own live claims so that the tenth application
     * of a chunk sees the first nine.
     */
    static final class ChunkBook implements DecisionContext {

        private final Map<String, MemberRow> members;
        private final Map<LocalDate, List<MemberRow>> byBirthDate;
        private final Map<String, WalletRow> wallets;
        private final Set<String> liveMembers;
        private final Map<BankAccount, Set<String>> accountMembers;
        private final BankMaster bankMaster;

        ChunkBook(Map<String, MemberRow> members, Map<LocalDate, List<MemberRow>> byBirthDate,
                  Map<String, WalletRow> wallets, Set<String> liveMembers,
                  Map<BankAccount, Set<String>> accountMembers, BankMaster bankMaster) {
            this.members = members;
            this.byBirthDate = byBirthDate;
            this.wallets = wallets;
            this.liveMembers = liveMembers;
            this.accountMembers = accountMembers;
            this.bankMaster = bankMaster;
        }

        @Override
        public Optional<MemberRow> member(String memberId) {
            return Optional.ofNullable(members.get(memberId));
        }

        @Override
        public List<MemberRow> membersBornOn(LocalDate birthDate) {
            return byBirthDate.getOrDefault(birthDate, List.of());
        }

        @Override
        public Optional<WalletRow> walletOf(String memberId) {
            return Optional.ofNullable(wallets.get(memberId));
        }

        @Override
        public boolean hasLiveClaim(String memberId) {
            return liveMembers.contains(memberId);
        }

        @Override
        public boolean accountUsedByOtherMember(BankAccount account, String memberId) {
            return accountMembers.getOrDefault(account, Set.of()).stream().anyMatch(m -> !m.equals(memberId));
        }

        @Override
        public boolean branchExists(String bankCode, String branchCode) {
            return bankMaster.branch(bankCode, branchCode).isPresent();
        }

        void recordLiveClaim(String memberId, BankAccount account) {
            liveMembers.add(memberId);
            if (account != null) {
                accountMembers.computeIfAbsent(account, k -> new HashSet<>()).add(memberId);
            }
        }
    }

    void insertDecided(List<ApplicationRow> applications, List<String> claimNos, List<ClaimDecision> decisions,
                       LocalDate runDate) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            ApplicationRow a = applications.get(i);
            ClaimDecision d = decisions.get(i);
            BankAccount acc = d.account();
            boolean postal = "POSTAL".equals(a.payoutMethod());
            rows.add(new Object[]{claimNos.get(i), a.applicationId(), a.channel(), d.memberId(), d.walletId(),
                    d.status().name(), Reasons.join(d.reasons()), d.amountYen(), a.payoutMethod(),
                    acc == null ? null : acc.bankCode(), acc == null ? null : acc.branchCode(),
                    acc == null ? null : acc.accountType(), acc == null ? null : acc.accountNumber(),
                    d.holderName(), postal ? a.recipientName() : null,
                    postal && a.postalCode() != null ? a.postalCode().replace("-", "") : null,
                    postal ? a.address() : null, a.submittedAt(), runDate, runDate,
                    d.status() == ClaimStatus.APPROVED ? runDate : null});
        }
        jdbc.batchUpdate("INSERT INTO claim (claim_no, application_id, channel, member_id, wallet_id, status, reasons,"
                + " amount_yen, payout_method, bank_code, branch_code, account_type, account_number, holder_name,"
                + " recipient_name, postal_code, address, submitted_at, decided_on, status_since, approved_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public void insertEvents(List<ClaimEvent> events) {
        jdbc.batchUpdate("INSERT INTO claim_event (run_date, seq, claim_no, application_id, channel, member_id,"
                + " status, reasons, amount_yen, payout_method, payout_date, reference)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
            ps.setObject(1, e.runDate());
            ps.setInt(2, e.seq());
            ps.setString(3, e.claimNo());
            ps.setString(4, e.applicationId());
            ps.setString(5, e.channel());
            ps.setString(6, e.memberId());
            ps.setString(7, e.status().name());
            ps.setString(8, e.reasons());
            ps.setLong(9, e.amountYen());
            ps.setString(10, e.payoutMethod());
            ps.setObject(11, e.payoutDate());
            ps.setString(12, e.reference());
        });
    }

    /** The current state of a claim, as an identity check or a later step changes it. */
    record ClaimState(String claimNo, String applicationId, String channel, String memberId, ClaimStatus status,
                      long amountYen, String payoutMethod) {
    }

    Map<String, ClaimState> claimsOfApplications(Set<String> applicationIds) {
        Map<String, ClaimState> claims = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return claims;
        }
        jdbc.query("SELECT c.claim_no, c.application_id, c.channel, c.member_id, c.status, c.amount_yen,"
                + " c.payout_method FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.application_id = k.id",
                KeySet.text(applicationIds).asFirstParameter(), (ResultSet rs) -> {
                    claims.put(rs.getString(2), new ClaimState(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), ClaimStatus.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7)));
                });
        return claims;
    }

    void changeStatus(String claimNo, ClaimStatus status, String reasons, LocalDate runDate) {
        jdbc.update("UPDATE claim SET status = ?, reasons = ?, status_since = ?,"
                        + " approved_on = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_on END WHERE claim_no = ?",
                status.name(), reasons, runDate, status.name(), runDate, claimNo);
    }

    void recordCheckEffect(String checkId, String effect) {
        jdbc.update("UPDATE identity_check SET effect = ? WHERE check_id = ?", effect, checkId);
    }

    /** The night's events in order, one at a time: a full night has a million of them. */
    public void forEachEvent(LocalDate runDate, java.util.function.Consumer<ClaimEvent> action) {
        // pages in the primary key's order (run_date, seq), so H2 walks the key and stops at each page
        KeysetPages.<ClaimEvent>forEach(last -> jdbc.query("SELECT * FROM claim_event WHERE run_date = ? AND seq > ?"
                + " ORDER BY run_date, seq FETCH FIRST ? ROWS ONLY", EVENT, runDate,
                last == null ? Integer.MIN_VALUE : last.seq(), KeysetPages.PAGE), action);
    }

    private static final RowMapper<ClaimEvent> EVENT = (rs, i) -> new ClaimEvent(
            rs.getObject("run_date", LocalDate.class), rs.getInt("seq"), rs.getString("claim_no"),
            rs.getString("application_id"), rs.getString("channel"), rs.getString("member_id"),
            ClaimStatus.valueOf(rs.getString("status")), rs.getString("reasons"), rs.getLong("amount_yen"),
            rs.getString("payout_method"), rs.getObject("payout_date", LocalDate.class), rs.getString("reference"));

    /** The night's events counted and summed per status, by status name (the database adds them up). */
    public java.util.SortedMap<String, long[]> eventTotalsByStatus(LocalDate runDate) {
        java.util.SortedMap<String, long[]> totals = new java.util.TreeMap<>();
        jdbc.query("SELECT status, COUNT(*), SUM(amount_yen) FROM claim_event WHERE run_date = ? GROUP BY status",
                (ResultSet rs) -> {
                    totals.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                }, runDate);
        return totals;
    }

    /** A pending claim as the back office's work list shows it. */
    public record PendingClaim(String claimNo, String applicationId, String channel, String memberId, long amountYen,
                        String payoutMethod, String flags, LocalDate pendingSince, OffsetDateTime submittedAt) {
    }

    /**
     * Every pending claim, longest pending first (then claim number). Sorted here, not by H2:
     * the list is in memory anyway, and H2 sorts the 250,000 of a full night on disk.
     */
    public List<PendingClaim> pendingReview() {
        List<PendingClaim> pending = jdbc.query("SELECT claim_no, application_id, channel, member_id, amount_yen,"
                + " payout_method, reasons, status_since, submitted_at FROM claim WHERE status = 'PENDING_REVIEW'",
                (rs, i) -> new PendingClaim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, OffsetDateTime.class)));
        pending.sort(java.util.Comparator.comparing(PendingClaim::pendingSince).thenComparing(PendingClaim::claimNo));
        return pending;
    }
}
