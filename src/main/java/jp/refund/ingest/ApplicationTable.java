package jp.refund.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both application feeds go to one table, so an application_id used by the other
 * channel shows up as a key with a different content hash: a conflicting duplicate.
 */
class ApplicationTable extends JdbcFeedTable<ApplicationRow> {

    private final Feed feed;
    private final String channel;

    ApplicationTable(JdbcTemplate jdbc, Feed feed, String channel) {
        super(jdbc, "application", "application_id");
        this.feed = feed;
        this.channel = channel;
    }

    @Override
    public Feed feed() {
        return feed;
    }

    @Override
    public ApplicationRow parse(RowFields fields) throws RowRejection {
        return ApplicationRow.parse(fields, channel);
    }

    @Override
    protected String insertSql() {
        return "INSERT INTO application (application_id, channel, submitted_at, payout_method, bank_code, branch_code,"
                + " account_type, account_number, yucho_symbol, yucho_number, account_holder_kana, recipient_name,"
                + " postal_code, address, email, phone, member_id, family_name, given_name, family_name_kana,"
                + " given_name_kana, birth_date, content_hash, ingested_on, source_line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected int bind(PreparedStatement ps, ApplicationRow a) throws SQLException {
        ps.setString(1, a.applicationId());
        ps.setString(2, a.channel());
        ps.setObject(3, a.submittedAt());
        ps.setString(4, a.payoutMethod());
        ps.setString(5, a.bankCode());
        ps.setString(6, a.branchCode());
        ps.setString(7, a.accountType());
        ps.setString(8, a.accountNumber());
        ps.setString(9, a.yuchoSymbol());
        ps.setString(10, a.yuchoNumber());
        ps.setString(11, a.accountHolderKana());
        ps.setString(12, a.recipientName());
        ps.setString(13, a.postalCode());
        ps.setString(14, a.address());
        ps.setString(15, a.email());
        ps.setString(16, a.phone());
        ps.setString(17, a.memberId());
        ps.setString(18, a.familyName());
        ps.setString(19, a.givenName());
        ps.setString(20, a.familyNameKana());
        ps.setString(21, a.givenNameKana());
        ps.setObject(22, a.birthDate());
        return 23;
    }

    @Override
    public int deleteIngestedOn(LocalDate runDate) {
        return jdbc.update("DELETE FROM application WHERE ingested_on = ? AND channel = ?", runDate, channel);
    }
}
