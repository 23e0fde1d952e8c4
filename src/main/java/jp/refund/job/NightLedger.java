package jp.refund.job;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which business nights have completed. */
@Repository
public class NightLedger {

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private final JdbcTemplate jdbc;

    NightLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isCompleted(LocalDate runDate) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM night WHERE run_date = ?", Integer.class, runDate);
        return n != null && n > 0;
    }

    public List<LocalDate> completedNights() {
        return jdbc.queryForList("SELECT run_date FROM night ORDER BY run_date", LocalDate.class);
    }

    void markCompleted(LocalDate runDate) {
        jdbc.update("INSERT INTO night (run_date, completed_at) VALUES (?, ?)", runDate, OffsetDateTime.now(JST));
    }
}
