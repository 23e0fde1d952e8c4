package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.BankAccount;
import jp.refund.shared.KeySet;
import jp.refund.shared.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The night's assessments ({@code application_assessment}), written by the partitioned pass
 * and taken by the ordered one: each row lives from its partition's chunk until the chunk
 * that records its claim, in the same transaction, so a completed night leaves none.
 */
@Repository
class ApplicationAssessments {

    private static final String COLUMNS = "application_id, assessed_on, rejection, member_id, wallet_id, amount_yen,"
            + " account_rejection, bank_code, branch_code, account_type, account_number, holder_name, flags";

    private final JdbcTemplate jdbc;

    ApplicationAssessments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(LocalDate runDate, List<ApplicationAssessment> assessments) {
        List<Object[]> rows = new ArrayList<>(assessments.size());
        for (ApplicationAssessment a : assessments) {
            BankAccount acc = a.account();
            rows.add(new Object[]{a.applicationId(), runDate, name(a.rejection()), a.memberId(), a.walletId(),
                    a.amountYen(), name(a.accountRejection()), acc == null ? null : acc.bankCode(),
                    acc == null ? null : acc.branchCode(), acc == null ? null : acc.accountType(),
                    acc == null ? null : acc.accountNumber(), a.holderName(), Reasons.join(a.flags())});
        }
        if (!PostgresCopy.into(jdbc, "COPY application_assessment (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                csv -> rows.forEach(row -> PostgresCopy.appendRow(csv, row)), rows.size())) {
            jdbc.batchUpdate("INSERT INTO application_assessment (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** The assessments this night made of these applications, by application id. */
    Map<String, ApplicationAssessment> madeOn(LocalDate runDate, List<Application> applications) {
        Map<String, ApplicationAssessment> found = new HashMap<>();
        KeySet ids = KeySet.text(applications.stream().map(Application::applicationId).toList());
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT s.* FROM " + KeySet.TEXT_KEYS + " JOIN application_assessment s"
                + " ON s.application_id = k.id", ids.asFirstParameter(), (java.sql.ResultSet rs) -> {
            if (!runDate.equals(rs.getObject("assessed_on", LocalDate.class))) {
                return; // an earlier night's, left by a night that never concluded: assessed again
            }
            String bankCode = rs.getString("bank_code");
            String flags = rs.getString("flags");
            found.put(rs.getString("application_id"), new ApplicationAssessment(rs.getString("application_id"),
                    reason(rs.getString("rejection")), rs.getString("member_id"), rs.getString("wallet_id"),
                    rs.getLong("amount_yen"), reason(rs.getString("account_rejection")),
                    bankCode == null ? null : new BankAccount(bankCode, rs.getString("branch_code"),
                            rs.getString("account_type"), rs.getString("account_number")),
                    rs.getString("holder_name"), flags.isEmpty() ? List.of()
                    : Arrays.stream(flags.split(";")).map(ClaimReason::valueOf).toList()));
        });
        return found;
    }

    /** Takes back the assessments a night that starts over left (those of its recorded claims are gone). */
    void forgetNight(LocalDate runDate) {
        jdbc.update("DELETE FROM application_assessment WHERE assessed_on = ?", runDate);
    }

    /** Takes the assessments of applications whose claims are recorded (any night's). */
    void forget(List<Application> applications) {
        jdbc.batchUpdate("DELETE FROM application_assessment WHERE application_id = ?",
                applications.stream().map(a -> new Object[]{a.applicationId()}).toList());
    }

    private static String name(ClaimReason reason) {
        return reason == null ? null : reason.name();
    }

    private static ClaimReason reason(String name) {
        return name == null ? null : ClaimReason.valueOf(name);
    }
}
