package jp.refund.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class MemberTable extends JdbcFeedTable<MemberRow> {

    MemberTable(JdbcTemplate jdbc) {
        super(jdbc, "member", "member_id");
    }

    @Override
    public Feed feed() {
        return Feed.MEMBERS;
    }

    @Override
    public MemberRow parse(RowFields fields) throws RowRejection {
        return MemberRow.parse(fields);
    }

    @Override
    protected String insertSql() {
        return "INSERT INTO member (member_id, family_name, given_name, family_name_kana, given_name_kana, birth_date,"
                + " email, phone, postal_code, address, contact_changed_at, content_hash, ingested_on, source_line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected int bind(PreparedStatement ps, MemberRow m) throws SQLException {
        ps.setString(1, m.memberId());
        ps.setString(2, m.familyName());
        ps.setString(3, m.givenName());
        ps.setString(4, m.familyNameKana());
        ps.setString(5, m.givenNameKana());
        ps.setObject(6, m.birthDate());
        ps.setString(7, m.email());
        ps.setString(8, m.phone());
        ps.setString(9, m.postalCode());
        ps.setString(10, m.address());
        ps.setObject(11, m.contactChangedAt());
        return 12;
    }
}
