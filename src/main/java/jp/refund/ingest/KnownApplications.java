package jp.refund.ingest;

import static jp.refund.ingest.IdentityCheckColumns.APPLICATION_ID;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.refund.shared.KeySet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An identity check must name an application delivered this night or before. */
@Component
class KnownApplications implements BookRule {

    private final JdbcTemplate jdbc;

    KnownApplications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Set<String> known = new HashSet<>();
        List<String> ids = candidates.stream().map(row -> row.get(APPLICATION_ID)).distinct().toList();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT a.application_id FROM " + KeySet.TEXT_KEYS
                    + " JOIN application a ON a.application_id = k.id", KeySet.text(ids).asFirstParameter(), rs -> {
                        known.add(rs.getString(1));
                    });
        }
        return row -> known.contains(row.get(APPLICATION_ID)) ? null
                : new RowRejection(RejectReason.UNKNOWN_APPLICATION, APPLICATION_ID.name(),
                        "no application " + row.get(APPLICATION_ID) + " was ever delivered");
    }
}
