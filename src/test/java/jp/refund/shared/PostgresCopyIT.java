package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.refund.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What {@link PostgresCopy#appendRow} writes is what a PostgreSQL server stores: the values the
 * claims, events and assessments are copied with (quotes, commas and line breaks in text, an
 * empty text beside a NULL, enum names, amounts, dates, JST timestamps) come back as they went
 * in, and a broken key is refused as a batch insert's would be.
 */
class PostgresCopyIT {

    private enum Kind { BANK }

    @Test
    void everyKindOfValueComesBackAsItWentIn() {
        PostgresServer server = PostgresServer.require();
        PostgresServer.Database db = server.createDatabase("copy");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        jdbc.execute("CREATE TABLE copied (id VARCHAR(10) PRIMARY KEY, text VARCHAR(100), kind VARCHAR(10),"
                + " yen BIGINT, day DATE, at TIMESTAMP WITH TIME ZONE, flag BOOLEAN)");
        OffsetDateTime submitted = OffsetDateTime.parse("2019-11-14T23:59:59+09:00");
        List<Object[]> rows = List.of(
                new Object[]{"A1", "東京都千代田区1-1, \"本館\"\n2階", Kind.BANK, 8_000L, LocalDate.of(2020, 2, 29),
                        submitted, true},
                new Object[]{"A2", "", null, 0L, null, null, false},
                new Object[]{"A3", null, Kind.BANK, -1L, LocalDate.of(2019, 11, 15), submitted.withSecond(0), null});

        boolean copied = PostgresCopy.into(jdbc, "COPY copied (id, text, kind, yen, day, at, flag) FROM STDIN (FORMAT csv)",
                csv -> rows.forEach(row -> PostgresCopy.appendRow(csv, row)), rows.size());

        assertThat(copied).isTrue();
        List<Map<String, Object>> back = jdbc.queryForList(
                "SELECT id, text, kind, yen, day, at, flag, text IS NULL AS no_text FROM copied ORDER BY id");
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).containsEntry("text", "東京都千代田区1-1, \"本館\"\n2階").containsEntry("kind", "BANK")
                .containsEntry("yen", 8_000L).containsEntry("day", java.sql.Date.valueOf("2020-02-29"))
                .containsEntry("flag", true);
        assertThat(jdbc.queryForObject("SELECT at FROM copied WHERE id = 'A1'", OffsetDateTime.class))
                .isAtSameInstantAs(submitted);
        assertThat(back.get(1)).containsEntry("text", "").containsEntry("no_text", false).containsEntry("kind", null)
                .containsEntry("day", null).containsEntry("at", null).containsEntry("flag", false);
        assertThat(back.get(2)).containsEntry("no_text", true).containsEntry("yen", -1L).containsEntry("flag", null);
        assertThat(jdbc.queryForObject("SELECT at FROM copied WHERE id = 'A3'", OffsetDateTime.class))
                .isAtSameInstantAs(OffsetDateTime.parse("2019-11-14T23:59:00+09:00"));

        List<Object[]> again = List.<Object[]>of(new Object[]{"A1", "again", null, 1L, null, null, null});
        assertThatThrownBy(() -> PostgresCopy.into(jdbc, "COPY copied (id, text, kind, yen, day, at, flag)"
                + " FROM STDIN (FORMAT csv)", csv -> again.forEach(row -> PostgresCopy.appendRow(csv, row)), 1))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT text FROM copied WHERE id = 'A1'", String.class))
                .startsWith("東京都千代田区");
    }
}
