package jp.refund.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jp.refund.shared.KeyRange;
import jp.refund.shared.KeySet;
import jp.refund.shared.KeysetPages;
import jp.refund.shared.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code notice} table: the one writer of notices, and their readers. */
@Repository
class NoticeBook {

    private static final String COLUMNS = "notice_id, kind, claim_no, application_id, member_id, delivery,"
            + " recipient, template, fields";
    private static final String STORED = "notice_id, run_date, claim_no, kind, kind_rank, n, application_id,"
            + " member_id, delivery, recipient, template, fields";
    private static final RowMapper<Notice> NOTICE = (rs, i) -> new Notice(rs.getString("notice_id"),
            NoticeKind.valueOf(rs.getString("kind")), rs.getString("claim_no"), rs.getString("application_id"),
            rs.getString("member_id"), Delivery.valueOf(rs.getString("delivery")), rs.getString("recipient"),
            rs.getString("template"), rs.getString("fields"));

    private final JdbcTemplate jdbc;

    NoticeBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what an interrupted attempt at the night stored (the night stores them again). */
    void deleteNight(LocalDate runDate) {
        jdbc.update("DELETE FROM notice WHERE run_date = ?", runDate);
    }

    /** Stores notices of the night: by {@code COPY} on PostgreSQL (a night has up to 1.5 M), else batched. */
    void insert(LocalDate runDate, List<Notice> notices) {
        if (notices.isEmpty() || copy(runDate, notices)) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO notice (" + STORED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                notices, notices.size(), (ps, n) -> {
                    ps.setString(1, n.noticeId());
                    ps.setObject(2, runDate);
                    ps.setString(3, n.claimNo());
                    ps.setString(4, n.kind().name());
                    ps.setInt(5, n.kind().ordinal());
                    ps.setInt(6, n.n());
                    ps.setString(7, n.applicationId());
                    ps.setString(8, n.memberId());
                    ps.setString(9, n.delivery().name());
                    ps.setString(10, n.recipient());
                    ps.setString(11, n.template());
                    ps.setString(12, n.fieldsJson());
                });
    }

    /** The same columns and values as the batched insert, as PostgreSQL's COPY rows. */
    private boolean copy(LocalDate runDate, List<Notice> notices) {
        return PostgresCopy.into(jdbc, "COPY notice (" + STORED + ") FROM STDIN (FORMAT csv)", rows -> {
            for (Notice n : notices) {
                PostgresCopy.appendRow(rows, n.noticeId(), runDate, n.claimNo(), n.kind(), n.kind().ordinal(), n.n(),
                        n.applicationId(), n.memberId(), n.delivery(), n.recipient(), n.template(), n.fieldsJson());
            }
        }, notices.size());
    }

    /** A page row: the notice and its place in the night's order. */
    private record Row(Notice notice, String claimNo, int rank, int n) {
    }

    /** The night's notices in file order (claim number, kind, n), a page at a time. */
    void forEachOfNight(LocalDate runDate, Consumer<Notice> action) {
        forEachOfNight(runDate, new KeyRange("", null), action);
    }

    /** The night's notices of these claims in file order, a page at a time. */
    void forEachOfNight(LocalDate runDate, KeyRange claims, Consumer<Notice> action) {
        // the first page starts after every notice of the claim the range starts after
        Row start = new Row(null, claims.after(), Integer.MAX_VALUE, Integer.MAX_VALUE);
        KeysetPages.<Row>forEach(last -> {
            Row after = last == null ? start : last;
            List<Object> args = new ArrayList<>(List.of(runDate, after.claimNo(), after.rank(), after.n()));
            if (claims.upTo() != null) {
                args.add(claims.upTo());
            }
            args.add(KeysetPages.PAGE);
            return jdbc.query("SELECT " + COLUMNS + ", kind_rank, n FROM notice"
                            + " WHERE run_date = ? AND (claim_no, kind_rank, n) > (?, ?, ?)"
                            + (claims.upTo() == null ? "" : " AND claim_no <= ?")
                            + " ORDER BY run_date, claim_no, kind_rank, n FETCH FIRST ? ROWS ONLY",
                    (rs, i) -> new Row(NOTICE.mapRow(rs, i), rs.getString("claim_no"), rs.getInt("kind_rank"),
                            rs.getInt("n")), args.toArray());
        }, row -> action.accept(row.notice()));
    }

    long countOfNight(LocalDate runDate) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE run_date = ?", Long.class, runDate);
        return n == null ? 0 : n;
    }

    /** How many notices the night stored of each kind and delivery; a pair with none is 0. */
    List<NoticeCount> countsOfNight(LocalDate runDate) {
        Map<String, Long> stored = new HashMap<>(); // "<kind> <delivery>"
        jdbc.query("SELECT kind, delivery, COUNT(*) FROM notice WHERE run_date = ? GROUP BY kind, delivery",
                rs -> {
                    stored.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                }, runDate);
        List<NoticeCount> counts = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            for (Delivery delivery : Delivery.values()) {
                counts.add(new NoticeCount(kind, delivery, stored.getOrDefault(kind + " " + delivery, 0L)));
            }
        }
        return counts;
    }

    /** These notices as stored, by id (those that exist). */
    java.util.Map<String, Notice> byId(List<String> noticeIds) {
        java.util.Map<String, Notice> found = new java.util.HashMap<>();
        if (noticeIds.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT n." + COLUMNS.replace(", ", ", n.") + " FROM " + KeySet.TEXT_KEYS
                + " JOIN notice n ON n.notice_id = k.id", KeySet.text(noticeIds).asFirstParameter(), rs -> {
                    Notice notice = NOTICE.mapRow(rs, 0);
                    found.put(notice.noticeId(), notice);
                });
        return found;
    }

    Optional<Notice> find(String noticeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notice WHERE notice_id = ?", NOTICE, noticeId).stream()
                .findFirst();
    }

    /** A notice with the night that made it. */
    record Dated(LocalDate runDate, Notice notice) {
    }

    /** Every notice of a claim, oldest night first. */
    List<Dated> ofClaim(String claimNo) {
        List<Dated> notices = new ArrayList<>();
        jdbc.query("SELECT n.run_date, n." + COLUMNS.replace(", ", ", n.") + " FROM notice n WHERE "
                + NoticeIdRange.ofClaim("n", "?") + " ORDER BY n.run_date, n.kind_rank, n.n", rs -> {
                    notices.add(new Dated(rs.getObject("run_date", LocalDate.class), NOTICE.mapRow(rs, 0)));
                }, claimNo, claimNo);
        return notices;
    }
}
