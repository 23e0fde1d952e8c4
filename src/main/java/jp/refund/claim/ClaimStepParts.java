package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.StoredTimestamp;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.stereotype.Component;

/**
 * The readers and writers of the night's claim steps, for the job to wire: decide every
 * new application (oldest submission first), then apply the night's identity checks
 * (oldest check first). Each call makes a new one, for one step execution.
 */
@Component
public class ClaimStepParts {

    private final DecisionBook decisionBook;
    private final ClaimBook claimBook;
    private final ClaimLifecycle lifecycle;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final DataSource dataSource;
    private final ConfirmationSettings confirmation;

    ClaimStepParts(DecisionBook decisionBook, ClaimBook claimBook, ClaimLifecycle lifecycle,
                   DecisionSettings settings, BankMaster bankMaster, DataSource dataSource,
                   ConfirmationSettings confirmation) {
        this.decisionBook = decisionBook;
        this.claimBook = claimBook;
        this.lifecycle = lifecycle;
        this.decider = new ClaimDecider(settings);
        this.bankMaster = bankMaster;
        this.dataSource = dataSource;
        this.confirmation = confirmation;
    }

    /** Restart needs no saved position: each committed chunk takes its applications off the list read. */
    public ItemReader<Application> undecidedApplications(int pageSize) {
        return new UndecidedApplications(decisionBook, pageSize);
    }

    public DecideApplicationsWriter decideApplicationsWriter(LocalDate runDate, CrashPoint crashPoint) {
        return new DecideApplicationsWriter(decisionBook, lifecycle, decider, bankMaster, runDate, crashPoint,
                confirmation);
    }

    /** The night's checks in the order they were made; the position is saved for a restart. */
    public JdbcCursorItemReader<IdentityCheck> nightIdentityChecks(LocalDate runDate) {
        return new JdbcCursorItemReaderBuilder<IdentityCheck>()
                .name("nightIdentityChecks")
                .dataSource(dataSource)
                .sql("SELECT check_id, application_id, checked_at, result FROM identity_check WHERE ingested_on = ?"
                        + " ORDER BY checked_at, check_id")
                .queryArguments(runDate)
                .rowMapper((rs, i) -> new IdentityCheck(rs.getString(1), rs.getString(2),
                        StoredTimestamp.read(rs, 3), "PASS".equals(rs.getString(4))))
                .build();
    }

    public ItemWriter<IdentityCheck> applyIdentityChecksWriter(LocalDate runDate) {
        return new ApplyIdentityChecksWriter(claimBook, lifecycle, runDate, confirmation);
    }

    /** The night's confirmations, oldest answer first (ties: confirmation_id); the position is saved for a restart. */
    public JdbcCursorItemReader<Confirmation> nightConfirmations(LocalDate runDate) {
        return new JdbcCursorItemReaderBuilder<Confirmation>()
                .name("nightConfirmations")
                .dataSource(dataSource)
                .sql("SELECT confirmation_id, claim_no, answered_at, answer FROM confirmation WHERE ingested_on = ?"
                        + " ORDER BY answered_at, confirmation_id")
                .queryArguments(runDate)
                .rowMapper((rs, i) -> new Confirmation(rs.getString(1), rs.getString(2),
                        StoredTimestamp.read(rs, 3), ConfirmationAnswer.valueOf(rs.getString(4))))
                .build();
    }

    public ItemWriter<Confirmation> applyConfirmationsWriter(LocalDate runDate) {
        return new ApplyConfirmationsWriter(claimBook, lifecycle, runDate);
    }

    /** Claims whose confirm_by day ended before the night: REJECTED NOT_CONFIRMED. Returns how many. */
    public int lapseUnconfirmedClaims(LocalDate runDate) {
        return lifecycle.lapseConfirmations(runDate);
    }
}
