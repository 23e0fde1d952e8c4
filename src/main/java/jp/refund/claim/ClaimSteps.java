package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import jp.refund.ingest.ApplicationRow;
import jp.refund.ingest.IdentityCheckRow;
import jp.refund.reference.BankMaster;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The claim steps of the night: decide every new application (oldest submission first),
 * then apply the night's identity checks (oldest check first).
 */
@Configuration
class ClaimSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final int chunkSize;

    private final StepExecutionListener stepReport;

    ClaimSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
               @Value("${refund.claims.chunk-size:1000}") int chunkSize,
               @org.springframework.beans.factory.annotation.Qualifier("stepReport") StepExecutionListener stepReport) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.chunkSize = chunkSize;
        this.stepReport = stepReport;
    }

    @Bean
    ClaimDecider claimDecider(DecisionSettings settings) {
        return new ClaimDecider(settings);
    }

    /** Restart needs no saved position: each committed chunk takes its applications off the list read. */
    @Bean
    Step decideApplications(UndecidedApplications undecidedApplications,
                            DecideApplicationsWriter decideApplicationsWriter) {
        return new StepBuilder("decide-applications", jobRepository)
                .<ApplicationRow, ApplicationRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(undecidedApplications)
                .writer(decideApplicationsWriter)
                .listener(decideApplicationsWriter)
                .listener(stepReport)
                .build();
    }

    /** Step-scoped: every step execution reads from the oldest undecided application. */
    @Bean
    @StepScope
    UndecidedApplications undecidedApplications(ClaimBook book) {
        return new UndecidedApplications(book, chunkSize);
    }

    @Bean
    @StepScope
    DecideApplicationsWriter decideApplicationsWriter(ClaimBook book, ClaimDecider decider, BankMaster bankMaster,
                                                      @Value("#{jobParameters['run.date']}") LocalDate runDate) {
        return new DecideApplicationsWriter(book, decider, bankMaster, runDate);
    }

    @Bean
    Step applyIdentityChecks(JdbcCursorItemReader<IdentityCheckRow> nightIdentityChecks,
                             ApplyIdentityChecksWriter applyIdentityChecksWriter) {
        return new StepBuilder("apply-identity-checks", jobRepository)
                .<IdentityCheckRow, IdentityCheckRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(nightIdentityChecks)
                .writer(applyIdentityChecksWriter)
                .listener(stepReport)
                .build();
    }

    /** The night's checks in the order they were made; the position is saved for a restart. */
    @Bean
    @StepScope
    JdbcCursorItemReader<IdentityCheckRow> nightIdentityChecks(DataSource dataSource,
                                                               @Value("#{jobParameters['run.date']}") LocalDate runDate) {
        return new JdbcCursorItemReaderBuilder<IdentityCheckRow>()
                .name("nightIdentityChecks")
                .dataSource(dataSource)
                .sql("SELECT check_id, application_id, checked_at, result, document_type, reviewer_id, note"
                        + " FROM identity_check WHERE ingested_on = ? ORDER BY checked_at, check_id")
                .queryArguments(runDate)
                .rowMapper((rs, i) -> new IdentityCheckRow(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .build();
    }

    @Bean
    @StepScope
    ApplyIdentityChecksWriter applyIdentityChecksWriter(ClaimBook book,
                                                        @Value("#{jobParameters['run.date']}") LocalDate runDate) {
        return new ApplyIdentityChecksWriter(book, runDate);
    }
}
