package jp.refund.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import jp.refund.shared.KeysetPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each member's notices go, as the ID registry stood on a night ({@link Recipients#ofMember}
 * applied to its {@code member} row): the whole registry read once along its key and held in
 * memory, or nothing held, and each status change looks up its member as it is read.
 *
 * <p>Why two ways: a first night's changes name nearly every member, in random member
 * order. On a full first night, one index look-up each made deriving the night's notices much
 * slower than reading the whole registry first along its key (about 200 bytes of heap a member;
 * figures: docs/benchmarks/notices.md). A later night's few hundred changes
 * would pay that whole read for nothing. The recipients are the same either way.
 */
final class MemberRecipients {

    /** How the members of a night's changes are found ({@code refund.notices.member-lookup}). */
    enum Lookup {
        /** The whole registry when the night's changes are at least a quarter of the members, else per change. */
        AUTO,
        /** Read the whole registry once into memory. */
        WHOLE_REGISTRY,
        /** Each change looks up its member as it is read. */
        PER_CHANGE
    }

    private static final Logger log = LoggerFactory.getLogger(MemberRecipients.class);
    // ingested_on is read, not a condition: H2 could then take that column's index and sort, where the
    // walk along the key is what makes this fast
    private static final String COLUMNS = "m.member_id, m.email, m.postal_code, m.address, m.contact_changed_at,"
            + " m.ingested_on";
    private static final MemberRecipients PER_CHANGE = new MemberRecipients(null);

    private final Map<String, Recipient> wholeRegistry; // null: looked up per change

    private MemberRecipients(Map<String, Recipient> wholeRegistry) {
        this.wholeRegistry = wholeRegistry;
    }

    /** For a night with {@code changes} status changes, found the way {@code lookup} says. */
    static MemberRecipients forNight(JdbcTemplate jdbc, LocalDate runDate, Recipients rule, Lookup lookup, long changes) {
        if (lookup == Lookup.PER_CHANGE || lookup == Lookup.AUTO && changes == 0) {
            return PER_CHANGE;
        }
        long members = jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class);
        if (lookup == Lookup.AUTO && changes * 4 < members) {
            return PER_CHANGE;
        }
        long start = System.nanoTime();
        Map<String, Recipient> all = readWholeRegistry(jdbc, runDate, rule, members);
        log.info("notices: the registry's {} members of {} read in {} s, for {} status changes", all.size(), runDate,
                String.format("%.1f", (System.nanoTime() - start) / 1e9), changes);
        return new MemberRecipients(all);
    }

    /** Whether the whole registry is held ({@link #of}); else each change looks up its member. */
    boolean holdsWholeRegistry() {
        return wholeRegistry != null;
    }

    /** The member's recipient; null when the registry did not hold that member on the night. */
    Recipient of(String memberId) {
        if (wholeRegistry == null) {
            throw new IllegalStateException("the registry is looked up per change, not held");
        }
        return memberId == null ? null : wholeRegistry.get(memberId);
    }

    /** Every member the registry held on the night, a page at a time along the key. */
    private static Map<String, Recipient> readWholeRegistry(JdbcTemplate jdbc, LocalDate runDate, Recipients rule,
                                                            long members) {
        Map<String, Recipient> all = new HashMap<>(Math.toIntExact(members * 4 / 3 + 1));
        KeysetPages.<Member>forEach(last -> jdbc.query("SELECT " + COLUMNS + " FROM member m"
                        + " WHERE m.member_id > ? ORDER BY m.member_id FETCH FIRST ? ROWS ONLY",
                (rs, i) -> member(rs), last == null ? "" : last.contact().memberId(), KeysetPages.PAGE),
                m -> {
                    if (m.heldOn(runDate)) {
                        all.put(m.contact().memberId(), rule.ofMember(m.contact()));
                    }
                });
        return all;
    }

    /** A registry row and the night it came in. */
    private record Member(RegisteredContact contact, LocalDate ingestedOn) {

        /** In the registry as it stood on that night (a later night's row did not exist yet). */
        boolean heldOn(LocalDate night) {
            return !ingestedOn.isAfter(night);
        }
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(new RegisteredContact(rs.getString("member_id"), rs.getString("email"),
                rs.getString("postal_code"), rs.getString("address"),
                rs.getObject("contact_changed_at", OffsetDateTime.class)), rs.getObject("ingested_on", LocalDate.class));
    }
}
