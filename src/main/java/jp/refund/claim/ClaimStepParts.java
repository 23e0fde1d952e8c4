package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.KeyRange;
import jp.refund.shared.KeysetPages;
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
    private final ApplicationAssessments assessments;
    private final ClaimBook claimBook;
    private final ClaimLifecycle lifecycle;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final DataSource dataSource;
    private final ConfirmationSettings confirmation;

    ClaimStepParts(DecisionBook decisionBook, ApplicationAssessments assessments, ClaimBook claimBook, ClaimLifecycle lifecycle,
                   DecisionSettings settings, ReviewSettings review, BankMaster bankMaster, DataSource dataSource,
                   ConfirmationSettings confirmation) {
        this.decisionBook = decisionBook;
        this.assessments = assessments;
        this.claimBook = claimBook;
        this.lifecycle = lifecycle;
        this.decider = new ClaimDecider(settings, review);
        this.bankMaster = bankMaster;
        this.dataSource = dataSource;
        this.confirmation = confirmation;
    }

    /**
     * Restart needs no saved position: each committed chunk takes its applications off the list
     * read. Read in pages of {@link KeysetPages#PAGE}, several chunks each: this step is the only
     * one that decides, so a page read ahead of the chunks' commits stays undecided until its turn.
     */
    public ItemReader<Application> undecidedApplications() {
        return new UndecidedApplications(decisionBook, KeysetPages.PAGE);
    }

    public DecideApplicationsWriter decideApplicationsWriter(LocalDate runDate, CrashPoint crashPoint) {
        return decideApplicationsWriter(runDate, crashPoint, false);
    }

    /** The ordered pass; {@code assessedInPartitions} when {@link #assessApplicationsWriter} ran before it. */
    public DecideApplicationsWriter decideApplicationsWriter(LocalDate runDate, CrashPoint crashPoint,
                                                             boolean assessedInPartitions) {
        return new DecideApplicationsWriter(decisionBook, assessments, lifecycle, decider, bankMaster, runDate,
                crashPoint, assessedInPartitions, confirmation, new JdbcTemplate(dataSource));
    }

    /** The night's undecided applications cut into {@code partitions} ranges of application_id. */
    public List<KeyRange> undecidedApplicationRanges(int partitions) {
        return KeyRange.cutAt(decisionBook.undecidedBounds(partitions));
    }

    /**
     * One partition's applications not decided nor assessed yet, in application_id order, a
     * page at a time; restart needs no saved position (an assessed application is left out).
     */
    public ItemReader<Application> unassessedApplications(KeyRange range, int pageSize) {
        Iterator<Application> applications = KeysetPages.iterator(pageSize,
                last -> decisionBook.unassessedIn(range, last, pageSize));
        return () -> applications.hasNext() ? applications.next() : null;
    }

    public AssessApplicationsWriter assessApplicationsWriter(LocalDate runDate, CrashPoint crashPoint) {
        return new AssessApplicationsWriter(decisionBook, assessments, decider, bankMaster, runDate, crashPoint);
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
