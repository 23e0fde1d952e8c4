package jp.refund.claim;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.reference.BankMaster;
import jp.refund.shared.BankAccount;
import jp.refund.shared.KeyRange;
import jp.refund.shared.KeySet;
import jp.refund.shared.KeysetPages;
import jp.refund.shared.StoredTimestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * What the decisions read from the book: the applications not decided yet, and for one
 * chunk of them the members, wallets, live claims and accounts in use. (Ingest keeps the
 * feed tables; the decisions only read them, into the claim's own model.)
 */
@Repository
class DecisionBook {

    static final RowMapper<Application> APPLICATION = (rs, i) -> new Application(
            rs.getString("application_id"), Channel.valueOf(rs.getString("channel")),
            StoredTimestamp.read(rs, "submitted_at"), PayoutMethod.valueOf(rs.getString("payout_method")),
            rs.getString("bank_code"), rs.getString("branch_code"), rs.getString("account_type"),
            rs.getString("account_number"), rs.getString("yucho_symbol"), rs.getString("yucho_number"),
            rs.getString("account_holder_kana"), rs.getString("recipient_name"), rs.getString("postal_code"),
            rs.getString("address"), rs.getString("email"), rs.getString("phone"), rs.getString("member_id"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getString("family_name_kana"),
            rs.getString("given_name_kana"), rs.getObject("birth_date", LocalDate.class));

    private static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getString("member_id"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getString("family_name_kana"),
            rs.getString("given_name_kana"), rs.getObject("birth_date", LocalDate.class), rs.getString("email"),
            rs.getString("phone"), rs.getString("postal_code"), rs.getString("address"),
            StoredTimestamp.read(rs, "contact_changed_at"));

    private static final RowMapper<Wallet> WALLET = (rs, i) -> new Wallet(rs.getString("wallet_id"),
            rs.getString("member_id"), rs.getLong("balance_yen"), rs.getLong("disputed_yen"),
            rs.getBoolean("compromised"));

    private static final String UNDECIDED = "NOT EXISTS (SELECT 1 FROM claim c WHERE c.application_id = a.application_id)";
    /** Oldest submission first: the order of the application_submitted index, so H2 stops at the limit. */
    private static final String OLDEST_FIRST = " ORDER BY a.submitted_at, a.application_id FETCH FIRST ? ROWS ONLY";

    private final JdbcTemplate jdbc;

    DecisionBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} applications not decided yet, oldest submission first, after
     * {@code last} (the last one of the previous page; null for the first page).
     */
    List<Application> undecidedAfter(Application last, int limit) {
        if (last == null) {
            return jdbc.query("SELECT a.* FROM application a WHERE " + UNDECIDED + OLDEST_FIRST, APPLICATION, limit);
        }
        return jdbc.query("SELECT a.* FROM application a WHERE a.submitted_at >= ?"
                        + " AND NOT (a.submitted_at = ? AND a.application_id <= ?) AND " + UNDECIDED + OLDEST_FIRST,
                APPLICATION, last.submittedAt(), last.submittedAt(), last.applicationId(), limit);
    }

    /**
     * The upper bounds that cut the applications not decided yet, in application_id order,
     * into {@code partitions} ranges of about the same size ({@link KeyRange#cutAt}); read a
     * page at a time along the primary key.
     */
    List<String> undecidedBounds(int partitions) {
        List<Long> positions = KeyRange.cutPositions(countUndecided(), partitions);
        List<String> bounds = new ArrayList<>(positions.size());
        positions.stream().filter(p -> p < 0).forEach(p -> bounds.add(""));
        long[] position = {0};
        KeysetPages.forEach((String last) -> jdbc.queryForList("SELECT a.application_id FROM application a"
                        + " WHERE a.application_id > ? AND " + UNDECIDED + " ORDER BY a.application_id"
                        + " FETCH FIRST ? ROWS ONLY", String.class, last == null ? "" : last, KeysetPages.PAGE),
                id -> {
                    while (bounds.size() < positions.size() && positions.get(bounds.size()) == position[0]) {
                        bounds.add(id);
                    }
                    position[0]++;
                });
        return bounds;
    }

    /**
     * Up to {@code limit} applications of {@code range}, neither decided nor assessed yet, in
     * application_id order after {@code last} (null for the first page).
     */
    List<Application> unassessedIn(KeyRange range, Application last, int limit) {
        String after = last == null ? range.after() : last.applicationId();
        String unassessed = " AND NOT EXISTS (SELECT 1 FROM application_assessment s"
                + " WHERE s.application_id = a.application_id) AND " + UNDECIDED
                + " ORDER BY a.application_id FETCH FIRST ? ROWS ONLY";
        if (range.upTo() == null) {
            return jdbc.query("SELECT a.* FROM application a WHERE a.application_id > ?" + unassessed, APPLICATION,
                    after, limit);
        }
        return jdbc.query("SELECT a.* FROM application a WHERE a.application_id > ? AND a.application_id <= ?"
                + unassessed, APPLICATION, after, range.upTo(), limit);
    }

    long countClaims() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM claim", Long.class);
        return n == null ? 0 : n;
    }

    long countUndecided() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM application a WHERE " + UNDECIDED, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * What {@link ClaimDecider#assess} reads for one chunk of applications, loaded in a few
     * queries: their members (by member id, and for web applicants by phone and e-mail) and
     * those members' wallets. It holds no claim: live claims are {@link #claimsInUse}'s.
     */
    ChunkBook registry(List<Application> applications, BankMaster bankMaster) {
        Set<String> memberIds = new HashSet<>();
        Set<String> phoneKeys = new HashSet<>();
        Set<String> emailKeys = new HashSet<>();
        for (Application a : applications) {
            if (a.memberId() != null) {
                memberIds.add(a.memberId());
            }
            if (a.birthDate() != null) { // a web applicant: found by contact, then matched on birth date and name
                phoneKeys.add(WebIdentityMatch.phone(a.phone()));
                emailKeys.add(WebIdentityMatch.email(a.email()));
            }
        }
        Map<String, Member> members = new HashMap<>();
        Map<LocalDate, List<Member>> byBirthDate = new HashMap<>();
        KeySet ids = KeySet.text(memberIds);
        if (!ids.isEmpty()) {
            jdbc.query("SELECT m.* FROM " + KeySet.TEXT_KEYS + " JOIN member m ON m.member_id = k.id",
                    ids.asFirstParameter(), MEMBER).forEach(m -> members.put(m.memberId(), m));
        }
        // Web applicants: only members sharing the phone or the e-mail can match (WebIdentityMatch), so
        // look them up by those keys; by birth date alone it was dozens of members per applicant on a
        // full-scale book (docs/benchmarks/2026-12-07-figures-from-code-comments.md).
        Map<String, Member> byContact = new HashMap<>();
        for (String column : List.of("phone_key", "email_key")) {
            KeySet keys = KeySet.text("phone_key".equals(column) ? phoneKeys : emailKeys);
            if (!keys.isEmpty()) {
                jdbc.query("SELECT m.* FROM " + KeySet.TEXT_KEYS + " JOIN member m ON m." + column + " = k.id",
                        keys.asFirstParameter(), MEMBER).forEach(m -> byContact.put(m.memberId(), m));
            }
        }
        byContact.values().stream().sorted(Comparator.comparing(Member::memberId)).forEach(m -> {
            members.put(m.memberId(), m);
            byBirthDate.computeIfAbsent(m.birthDate(), d -> new ArrayList<>()).add(m);
        });
        Map<String, Wallet> wallets = new HashMap<>();
        KeySet known = KeySet.text(members.keySet());
        if (!known.isEmpty()) {
            jdbc.query("SELECT w.* FROM " + KeySet.TEXT_KEYS + " JOIN wallet w ON w.member_id = k.id",
                    known.asFirstParameter(), WALLET).forEach(w -> wallets.put(w.memberId(), w));
        }
        return new ChunkBook(members, byBirthDate, wallets, bankMaster);
    }

    /**
     * What the whole decision step reads, once, when it starts: the registry, the members a
     * web applicant of the night can match, and the live claims. Read from the book at every
     * step execution, so a restarted night starts from what was committed.
     */
    NightDecisionBook nightBook(BankMaster bankMaster, ReviewSettings review) {
        NightRegistry registry = readRegistry(review.contactNotRegistered());
        return new NightDecisionBook(registry, readWebCandidates(), readLiveClaims(review.sharedContact()), bankMaster);
    }

    /**
     * What the ordered pass of a partitioned night reads when it starts: the live claims (the
     * registry half of every decision was assessed before, in partitions).
     */
    NightDecisionBook concludingBook(BankMaster bankMaster, ReviewSettings review) {
        return new NightDecisionBook(new NightRegistry.Builder(0).build(), Map.of(),
                readLiveClaims(review.sharedContact()), bankMaster);
    }

    /**
     * Every member and wallet, a page at a time along their primary keys; with {@code contacts},
     * the registered e-mails and phones too ({@code CONTACT_NOT_REGISTERED}).
     */
    NightRegistry readRegistry(boolean contacts) {
        Long members = jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class);
        NightRegistry.Builder builder = new NightRegistry.Builder(members == null ? 0 : members.intValue());
        KeysetPages.forEach((String last) -> {
            List<String> ids = new ArrayList<>(KeysetPages.PAGE);
            jdbc.query("SELECT member_id, family_name, given_name, family_name_kana, given_name_kana, birth_date,"
                            + " postal_code, address, contact_changed_at" + (contacts ? ", email, phone" : "")
                            + " FROM member WHERE member_id > ? ORDER BY member_id FETCH FIRST ? ROWS ONLY",
                    (ResultSet rs) -> {
                        String id = rs.getString(1);
                        builder.add(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                                StoredTimestamp.read(rs, 9));
                        if (contacts) {
                            builder.contact(WebIdentityMatch.email(rs.getString(10)),
                                    WebIdentityMatch.phone(rs.getString(11)));
                        }
                        ids.add(id);
                    }, last == null ? "" : last, KeysetPages.PAGE);
            return ids;
        }, id -> { });
        NightRegistry registry = builder.build();
        KeysetPages.forEach((String last) -> {
            List<String> ids = new ArrayList<>(KeysetPages.PAGE);
            jdbc.query("SELECT wallet_id, member_id, balance_yen, disputed_yen, compromised FROM wallet"
                            + " WHERE wallet_id > ? ORDER BY wallet_id FETCH FIRST ? ROWS ONLY", (ResultSet rs) -> {
                        String id = rs.getString(1);
                        registry.addWallet(id, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5));
                        ids.add(id);
                    }, last == null ? "" : last, KeysetPages.PAGE);
            return ids;
        }, id -> { });
        return registry;
    }

    /**
     * Every member who shares a phone or an e-mail with a web applicant not decided yet (the
     * only members {@link WebApplicantMatch} can accept), by birth date in member-id order.
     */
    Map<LocalDate, List<Member>> readWebCandidates() {
        Set<String> phoneKeys = new HashSet<>();
        Set<String> emailKeys = new HashSet<>();
        KeysetPages.forEach((String last) -> {
            List<String> ids = new ArrayList<>(KeysetPages.PAGE);
            jdbc.query("SELECT a.application_id, a.phone, a.email FROM application a WHERE a.application_id > ?"
                    + " AND a.birth_date IS NOT NULL AND " + UNDECIDED
                    + " ORDER BY a.application_id FETCH FIRST ? ROWS ONLY", (ResultSet rs) -> {
                ids.add(rs.getString(1));
                phoneKeys.add(WebIdentityMatch.phone(rs.getString(2)));
                emailKeys.add(WebIdentityMatch.email(rs.getString(3)));
            }, last == null ? "" : last, KeysetPages.PAGE);
            return ids;
        }, id -> { });
        Map<String, Member> byContact = new HashMap<>();
        for (String column : List.of("phone_key", "email_key")) {
            List<String> keys = new ArrayList<>("phone_key".equals(column) ? phoneKeys : emailKeys);
            for (int from = 0; from < keys.size(); from += KeysetPages.PAGE) {
                KeySet page = KeySet.text(keys.subList(from, Math.min(keys.size(), from + KeysetPages.PAGE)));
                jdbc.query("SELECT m.* FROM " + KeySet.TEXT_KEYS + " JOIN member m ON m." + column + " = k.id",
                        page.asFirstParameter(), MEMBER).forEach(m -> byContact.put(m.memberId(), m));
            }
        }
        Map<LocalDate, List<Member>> byBirthDate = new HashMap<>();
        byContact.values().stream().sorted(Comparator.comparing(Member::memberId))
                .forEach(m -> byBirthDate.computeIfAbsent(m.birthDate(), d -> new ArrayList<>()).add(m));
        return byBirthDate;
    }

    /**
     * Every live claim's member and account, a page at a time along the claim number; with
     * {@code contacts}, its application's e-mail and phone too ({@code SHARED_CONTACT}).
     */
    LiveClaims readLiveClaims(boolean contacts) {
        LiveClaims live = new LiveClaims(contacts);
        KeysetPages.forEach((String last) -> {
            List<String> claimNos = new ArrayList<>(KeysetPages.PAGE);
            jdbc.query("SELECT c.claim_no, c.member_id, c.status, c.bank_code, c.branch_code, c.account_type,"
                    + " c.account_number" + (contacts ? ", a.email, a.phone" : "") + " FROM claim c"
                    + (contacts ? " LEFT JOIN application a ON a.application_id = c.application_id" : "")
                    + " WHERE c.claim_no > ? ORDER BY c.claim_no FETCH FIRST ? ROWS ONLY", (ResultSet rs) -> {
                claimNos.add(rs.getString(1));
                if (ClaimStatus.valueOf(rs.getString(3)).isLive()) {
                    String bankCode = rs.getString(4);
                    BankAccount account = bankCode == null ? null : new BankAccount(bankCode,
                            rs.getString(5), rs.getString(6), rs.getString(7));
                    if (contacts) {
                        live.record(rs.getString(2), account, WebIdentityMatch.email(rs.getString(8)),
                                WebIdentityMatch.phone(rs.getString(9)));
                    } else {
                        live.record(rs.getString(2), account);
                    }
                }
            }, last == null ? "" : last, KeysetPages.PAGE);
            return claimNos;
        }, claimNo -> { });
        return live;
    }

    /**
     * The registry as one chunk's assessments see it ({@link ClaimDecider#assess}, on a partition
     * of a partitioned night). It holds no claim: the rules that read claims are concluded in the
     * ordered pass, on the live claims in memory ({@link NightDecisionBook}).
     */
    static final class ChunkBook implements DecisionContext {

        private final Map<String, Member> members;
        private final Map<LocalDate, List<Member>> byBirthDate;
        private final Map<String, Wallet> wallets;
        private final BankMaster bankMaster;

        ChunkBook(Map<String, Member> members, Map<LocalDate, List<Member>> byBirthDate,
                  Map<String, Wallet> wallets, BankMaster bankMaster) {
            this.members = members;
            this.byBirthDate = byBirthDate;
            this.wallets = wallets;
            this.bankMaster = bankMaster;
        }

        @Override
        public Optional<Member> member(String memberId) {
            return Optional.ofNullable(members.get(memberId));
        }

        @Override
        public List<Member> membersBornOn(LocalDate birthDate) {
            return byBirthDate.getOrDefault(birthDate, List.of());
        }

        @Override
        public Optional<Wallet> walletOf(String memberId) {
            return Optional.ofNullable(wallets.get(memberId));
        }

        @Override
        public boolean hasLiveClaim(String memberId) {
            throw new IllegalStateException("a chunk's registry holds no claims: conclude on the night's live claims");
        }

        @Override
        public boolean accountUsedByOtherMember(BankAccount account, String memberId) {
            throw new IllegalStateException("a chunk's registry holds no claims: conclude on the night's live claims");
        }

        @Override
        public boolean contactUsedByOtherMember(String emailKey, String phoneKey, String memberId) {
            throw new IllegalStateException("a chunk's registry holds no claims: conclude on the night's live claims");
        }

        @Override
        public boolean branchExists(String bankCode, String branchCode) {
            return bankMaster.branch(bankCode, branchCode).isPresent();
        }
    }
}
