package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PostgresCopyTest {

    private enum Channel { APP }

    @Test
    void aRowIsOneCsvLineWithTextQuotedAndNullAsNothing() {
        String line = PostgresCopy.appendRow(new StringBuilder(), "C1", "say \"hi\", then go", "", null, Channel.APP,
                8000L, 7, LocalDate.of(2020, 2, 29), OffsetDateTime.parse("2019-11-14T10:15:30+09:00"), true)
                .toString();

        assertThat(line).isEqualTo("\"C1\",\"say \"\"hi\"\", then go\",\"\",,\"APP\",8000,7,2020-02-29,"
                + "2019-11-14T10:15:30+09:00,true\n");
    }

    @Test
    void onAnyOtherDatabaseNothingIsCopiedAndTheRowsAreNeverWritten() {
        JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:copy", "sa", ""));
        AtomicBoolean written = new AtomicBoolean();

        boolean copied = PostgresCopy.into(h2, "COPY t (a) FROM STDIN (FORMAT csv)", csv -> written.set(true), 1);

        assertThat(copied).isFalse();
        assertThat(written).isFalse();
    }
}
