package jp.refund.closeout;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each close-out and each reopening of the program, in order (issue 38): the latest says whether
 * the program is closed, so that {@code nightly} refuses a night after the close-out until an
 * operator reopens it with {@code reopen --reason=...}.
 */
@Repository
public class ProgramEvents {

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    /** What happened to the program's seal. */
    public enum Kind { CLOSED_OUT, REOPENED }

    /** One close-out or reopening: who recorded it, when, and why (a reopening's reason). */
    public record Event(int eventNo, Kind kind, LocalDate closeOutDate, OffsetDateTime recordedAt, String recordedBy,
                        String reason) {
        public String describe() {
            return switch (kind) {
                case CLOSED_OUT -> "closed out " + closeOutDate + " (recorded " + recordedAt + " by " + recordedBy + ")";
                case REOPENED -> "reopened after the close-out of " + closeOutDate + " on " + recordedAt + " by "
                        + recordedBy + ": " + reason;
            };
        }
    }

    private final JdbcTemplate jdbc;

    ProgramEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Event> all() {
        return jdbc.query("SELECT event_no, kind, close_out_date, recorded_at, recorded_by, reason FROM program_event"
                + " ORDER BY event_no", (rs, i) -> new Event(rs.getInt(1), Kind.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getObject(4, OffsetDateTime.class), rs.getString(5),
                rs.getString(6)));
    }

    /**
     * The date the program is closed out as of, if it is closed now: its latest event is a
     * close-out, or (a close-out written before this table, or one whose row was not recorded)
     * a close-out folder stands under the output root.
     */
    public Optional<LocalDate> closedOut(Path outputRoot) {
        List<Event> events = all();
        if (!events.isEmpty()) {
            Event latest = events.get(events.size() - 1);
            if (latest.kind() == Kind.CLOSED_OUT) {
                return Optional.of(latest.closeOutDate());
            }
        }
        Path folder = ProgramCloseOut.existing(outputRoot);
        return folder == null ? Optional.empty()
                : Optional.of(LocalDate.parse(folder.getFileName().toString().substring("closeout-".length())));
    }

    int record(Kind kind, LocalDate closeOutDate, String reason) {
        Integer last = jdbc.queryForObject("SELECT MAX(event_no) FROM program_event", Integer.class);
        int next = last == null ? 1 : last + 1;
        jdbc.update("INSERT INTO program_event (event_no, kind, close_out_date, recorded_at, recorded_by, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", next, kind.name(), closeOutDate, OffsetDateTime.now(JST),
                operator(), reason);
        return next;
    }

    /** The operating-system user who ran the command: the book's own user is the same for every operator. */
    private static String operator() {
        String user = System.getProperty("user.name", "unknown");
        return user.length() > 100 ? user.substring(0, 100) : user;
    }
}
