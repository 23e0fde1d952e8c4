package jp.refund.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What each night's ingest did with every row read: per-feed counts and the rejected
 * rows. Written in the same transaction as the accepted rows, so a restarted step
 * continues with exact figures.
 */
@Repository
public class IngestLedger {

    private final JdbcTemplate jdbc;

    IngestLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers a feed file of the night with zero counts and its fingerprint, unless a
     * restarted step did already (the fingerprint then stays the one taken when it began).
     */
    void openFeed(LocalDate runDate, Feed feed, Path file) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_count WHERE run_date = ? AND feed = ?",
                Integer.class, runDate, feed.id());
        if (known != null && known > 0) {
            return;
        }
        FileFingerprint fingerprint = Files.exists(file) ? FileFingerprint.of(file) : null;
        jdbc.update("INSERT INTO ingest_count (run_date, feed, file_name, rows_read, accepted, skipped, rejected,"
                        + " file_sha256, file_bytes) VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?)",
                runDate, feed.id(), fingerprint == null ? null : file.getFileName().toString(),
                fingerprint == null ? null : fingerprint.sha256(), fingerprint == null ? null : fingerprint.bytes());
    }

    /**
     * The feed files of the night in {@code inputDir} that differ from what its ingest read:
     * a restart must not read on in a changed file (it skips the records it already kept by
     * count), and a completed night says so when asked to run again.
     */
    public List<FeedFileChange> changedFeedFiles(LocalDate runDate, Path inputDir) {
        List<FeedFileChange> changes = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            jdbc.query("SELECT file_sha256, file_bytes FROM ingest_count WHERE run_date = ? AND feed = ?", rs -> {
                Path file = inputDir.resolve(feed.fileName());
                FileFingerprint then = rs.getString(1) == null ? null
                        : new FileFingerprint(rs.getString(1).strip(), rs.getLong(2));
                FileFingerprint now = Files.exists(file) ? FileFingerprint.of(file) : null;
                if (!java.util.Objects.equals(then, now)) {
                    changes.add(new FeedFileChange(file, then, now));
                }
            }, runDate, feed.id());
        }
        return changes;
    }

    /** What one chunk did: records read, the physical lines they spanned, their fates. */
    record ChunkCounts(long read, long lines, long accepted, long skipped, long rejectedLines) {
    }

    void add(LocalDate runDate, Feed feed, ChunkCounts chunk, List<FeedReject> rejects) {
        jdbc.update("UPDATE ingest_count SET rows_read = rows_read + ?, accepted = accepted + ?,"
                        + " skipped = skipped + ?, rejected = rejected + ?, lines_read = lines_read + ?,"
                        + " rejected_lines = rejected_lines + ? WHERE run_date = ? AND feed = ?",
                chunk.read(), chunk.accepted(), chunk.skipped(), rejects.size(), chunk.lines(), chunk.rejectedLines(),
                runDate, feed.id());
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ingest_reject (run_date, feed, line_number, reason, field, message, raw)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", rejects, rejects.size(), (ps, r) -> {
                ps.setObject(1, runDate);
                ps.setString(2, feed.id());
                ps.setInt(3, r.lineNumber());
                ps.setString(4, r.reason().name());
                ps.setString(5, r.field());
                ps.setString(6, r.message());
                ps.setString(7, r.raw());
            });
        }
    }

    /** Counts of every feed of the night, in feed order; feeds without a file have no line. */
    public List<FeedCount> counts(LocalDate runDate) {
        List<FeedCount> counts = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            jdbc.query("SELECT file_name, rows_read, accepted, skipped, rejected, lines_read, rejected_lines"
                    + " FROM ingest_count WHERE run_date = ? AND feed = ?", rs -> {
                        counts.add(new FeedCount(feed, rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    }, runDate, feed.id());
        }
        return counts;
    }

    public List<FeedReject> rejects(LocalDate runDate, Feed feed) {
        return jdbc.query("SELECT line_number, reason, field, message, raw FROM ingest_reject"
                        + " WHERE run_date = ? AND feed = ? ORDER BY line_number",
                (rs, i) -> new FeedReject(rs.getInt(1), RejectReason.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)), runDate, feed.id());
    }

    /**
     * The night's rejected records that hold more than one row (issue 38): a bare CR (not followed
     * by LF) ends no record, so the row it should have ended went into the reject with its
     * neighbour, and a confirmation, a redemption or a reissue in it was never applied. One line
     * each, for the night's summary.
     */
    public List<String> mergedRows(LocalDate runDate) {
        List<String> merged = new ArrayList<>();
        jdbc.query("SELECT feed, line_number, raw FROM ingest_reject WHERE run_date = ? AND raw LIKE ?"
                + " ORDER BY feed, line_number", rs -> {
                    String raw = rs.getString(3);
                    int rows = 1;
                    for (int i = 0; i < raw.length(); i++) {
                        if (raw.charAt(i) == '\r' && (i + 1 == raw.length() || raw.charAt(i + 1) != '\n')) {
                            rows++;
                        }
                    }
                    if (rows > 1) {
                        String feed = rs.getString(1);
                        merged.add(feed + ".csv line " + rs.getInt(2) + ": " + rows + " rows joined by a bare CR"
                                + " into one rejected record (rejects/" + feed + ".csv); none of them was applied:"
                                + " deliver them again, one per line, in a later night's folder");
                    }
                }, runDate, "%\r%");
        return merged;
    }

    /** The feed's rejects of the night whose reason only says where the book stands (not counted as broken). */
    long bookStateRejects(LocalDate runDate, Feed feed) {
        List<String> reasons = java.util.Arrays.stream(RejectReason.values()).filter(RejectReason::isBookState)
                .map(Enum::name).toList();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE run_date = ? AND feed = ? AND reason IN ("
                + String.join(", ", reasons.stream().map(r -> "'" + r + "'").toList()) + ")", Long.class, runDate,
                feed.id());
        return n == null ? 0 : n;
    }

    /** Forgets the night's ingest figures (a broken night leaves no trace). */
    void deleteNight(LocalDate runDate) {
        jdbc.update("DELETE FROM ingest_reject WHERE run_date = ?", runDate);
        jdbc.update("DELETE FROM ingest_count WHERE run_date = ?", runDate);
    }
}
