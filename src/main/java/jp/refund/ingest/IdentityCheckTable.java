package jp.refund.ingest;

import jp.refund.shared.KeySet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Identity checks. A check must name an application delivered this night or before. */
@Component
class IdentityCheckTable extends JdbcFeedTable<IdentityCheckRow> {

    IdentityCheckTable(JdbcTemplate jdbc) {
        super(jdbc, "identity_check", "check_id");
    }

    @Override
    public Feed feed() {
        return Feed.IDENTITY_CHECKS;
    }

    @Override
    public IdentityCheckRow parse(RowFields fields) throws RowRejection {
        return IdentityCheckRow.parse(fields);
    }

    @Override
    public BookCheck<IdentityCheckRow> bookCheck(List<IdentityCheckRow> candidates, LocalDate runDate) {
        Set<String> known = new HashSet<>();
        List<String> ids = candidates.stream().map(IdentityCheckRow::applicationId).distinct().toList();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT a.application_id FROM " + KeySet.TEXT_KEYS
                    + " JOIN application a ON a.application_id = k.id", KeySet.text(ids).asFirstParameter(), rs -> {
                        known.add(rs.getString(1));
                    });
        }
        return row -> known.contains(row.applicationId()) ? null
                : new RowRejection(RejectReason.UNKNOWN_APPLICATION, "application_id",
                        "no application " + row.applicationId() + " was ever delivered");
    }

    @Override
    protected String insertSql() {
        return "INSERT INTO identity_check (check_id, application_id, checked_at, result, document_type, reviewer_id,"
                + " note, content_hash, ingested_on, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected int bind(PreparedStatement ps, IdentityCheckRow c) throws SQLException {
        ps.setString(1, c.checkId());
        ps.setString(2, c.applicationId());
        ps.setObject(3, c.checkedAt());
        ps.setString(4, c.result());
        ps.setString(5, c.documentType());
        ps.setString(6, c.reviewerId());
        ps.setString(7, c.note());
        return 8;
    }
}
