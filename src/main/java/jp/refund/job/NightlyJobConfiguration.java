package jp.refund.job;

import jp.refund.bankfile.BankFileWriter;
import jp.refund.bankfile.BankReturns;
import jp.refund.certificate.CertificateIssue;
import jp.refund.certificate.CertificateRedemptions;
import jp.refund.certificate.CertificateReissues;
import jp.refund.certificate.CertificateReports;
import jp.refund.claim.Application;
import jp.refund.claim.ClaimReports;
import jp.refund.claim.ClaimRollback;
import jp.refund.claim.ClaimStepParts;
import jp.refund.claim.Confirmation;
import jp.refund.claim.DecideApplicationsWriter;
import jp.refund.claim.IdentityCheck;
import jp.refund.ingest.Feed;
import jp.refund.ingest.FeedRecord;
import jp.refund.ingest.IngestReports;
import jp.refund.ingest.ParsedRow;
import jp.refund.notice.NightNotices;
import jp.refund.report.AuditWorkbook;
import jp.refund.report.NightOutputFolder;
import jp.refund.report.NightSettings;
import jp.refund.report.Reconciliation;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.NightParameters;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one instance per business date ({@link NightParameters}), built here
 * from the readers, writers and services the feature packages export:
 * <ol>
 *   <li>ingest: check headers, ingest the six feeds, stop on a broken feed;</li>
 *   <li>{@code apply-bank-returns}; {@code apply-certificate-redemptions}, {@code expire-certificates};
 *       {@code decide-applications}, oldest first; {@code apply-identity-checks};
 *       {@code apply-confirmations}, {@code lapse-unconfirmed-claims} (SPEC section 9);
 *       {@code apply-certificate-reissues};</li>
 *   <li>{@code schedule-payouts} (transfers for value date V, certificates for issue date I),
 *       {@code check-book-balance}, {@code write-bank-file}, {@code write-certificates};</li>
 *   <li>{@code create-notices}: the applicant notices the night caused (SPEC section 9);</li>
 *   <li>publish: {@code write-reports}, {@code write-audit-workbook}, {@code write-manifest},
 *       {@code publish-folder} (move {@code output/<D>/} into place),
 *       {@code mark-night-completed}.</li>
 * </ol>
 * Every step is restartable by Spring Batch: a failed or killed night is resumed by
 * running the same date again, from the first step that did not complete.
 */
@Configuration
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightly";
    static final String CHECK_FEED_FILES = "check-feed-files";
    static final String CHECK_REJECT_RATIOS = "check-reject-ratios";
    /** The crash test's moment at the end of each publishing step (1: reports, 2: workbook, 3: folder moved). */
    private static final String PUBLISH = "publish";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final StepReport stepReport;
    private final PlannerStatistics plannerStatistics;
    private final int claimChunkSize;

    NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            StepReport stepReport, PlannerStatistics plannerStatistics, @Value("${refund.claims.chunk-size:1000}") int claimChunkSize) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.stepReport = stepReport;
        this.plannerStatistics = plannerStatistics;
        this.claimChunkSize = claimChunkSize;
    }

    @Bean
    Job nightlyJob(Flow ingestFlow, Step applyBankReturns, Step decideApplications, Step applyIdentityChecks,
                   Step schedulePayouts, Step checkBookBalance, Step writeBankFile, Step writeCertificates,
                   Step createNotices, Step writeReports, Step writeAuditWorkbook, Step writeManifest, Step publishFolder,
                   Step markNightCompleted, Step applyCertificateRedemptions, Step expireCertificates,
                   Step applyCertificateReissues, PartitionSettings partitions, Step assessApplications,
                   Step renderCertificates, Step applyConfirmations,
                   Step lapseUnconfirmedClaims) {
        // a partitioned night (issue 20) adds a partitioned step before each of the two it spreads
        Step[] decisions = partitions.partitioned() ? new Step[]{assessApplications, decideApplications}
                : new Step[]{decideApplications};
        Step[] certificates = partitions.partitioned() ? new Step[]{renderCertificates, writeCertificates}
                : new Step[]{writeCertificates};
        FlowBuilder<FlowJobBuilder> night = new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestFlow)
                .next(applyBankReturns)
                .next(applyCertificateRedemptions)
                .next(expireCertificates);
        for (Step step : decisions) {
            night = night.next(step);
        }
        night = night
                .next(applyIdentityChecks)
                .next(applyConfirmations)
                .next(lapseUnconfirmedClaims)
                .next(applyCertificateReissues)
                .next(schedulePayouts)
                .next(checkBookBalance)
                .next(writeBankFile);
        for (Step step : certificates) {
            night = night.next(step);
        }
        return night
                .next(createNotices)
                .next(writeReports)
                .next(writeAuditWorkbook)
                .next(writeManifest)
                .next(publishFolder)
                .next(markNightCompleted)
                .end()
                .build();
    }

    /** The crash test's seam: halts at a named moment when {@code refund.crash-test.halt-at} asks for it. */
    @Bean
    CrashPoint crashPoint(@Value("${refund.crash-test.halt-at:}") String haltAt) {
        return CrashTestHalt.of(haltAt);
    }

    // ---- ingest ------------------------------------------------------------------------------

    /**
     * {@code check-feed-files}, then {@code ingest-members} ... {@code ingest-bank_returns} in
     * SPEC order (one chunked, restartable step each), then {@code check-reject-ratios}.
     */
    @Bean
    Flow ingestFlow(Tasklet feedFilesCheck, Tasklet rejectRatiosCheck,
                    ItemStreamReader<FeedRecord> feedFileReader, ItemProcessor<FeedRecord, ParsedRow> feedRowParser,
                    ItemWriter<ParsedRow> feedRowWriter, StepExecutionListener feedStepListener,
                    @Value("${refund.ingest.chunk-size:1000}") int chunkSize) {
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>("ingest").start(taskletStep(CHECK_FEED_FILES,
                feedFilesCheck));
        for (Feed feed : Feed.values()) {
            flow = flow.next(new StepBuilder(feed.stepName(), jobRepository)
                    .<FeedRecord, ParsedRow>chunk(chunkSize)
                    .transactionManager(transactionManager)
                    .reader(feedFileReader)
                    .processor(feedRowParser)
                    .writer(feedRowWriter)
                    .listener(feedStepListener)
                    .listener(stepReport).listener(plannerStatistics)
                    .build());
        }
        return flow.next(taskletStep(CHECK_REJECT_RATIOS, rejectRatiosCheck)).build();
    }

    private Step taskletStep(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(stepReport).listener(plannerStatistics).build();
    }

    // ---- claims ------------------------------------------------------------------------------

    @Bean
    Step applyBankReturns(BankReturns bankReturns) {
        return tasklet("apply-bank-returns", (night, folder) -> bankReturns.apply(night.runDate()));
    }

    /** SPEC section 10: certificates cashed at Japan Post Bank make their claims PAID. */
    @Bean
    Step applyCertificateRedemptions(CertificateRedemptions redemptions) {
        return tasklet("apply-certificate-redemptions", (night, folder) -> redemptions.applyRedemptions(night.runDate()));
    }

    /** SPEC section 10: certificates not cashed by valid-until + grace days make their claims EXPIRED. */
    @Bean
    Step expireCertificates(CertificateRedemptions redemptions) {
        return tasklet("expire-certificates", (night, folder) -> redemptions.expire(night.runDate()));
    }

    /** SPEC section 10: the old certificate is void; the claim is approved again or waits for review. */
    @Bean
    Step applyCertificateReissues(CertificateReissues reissues) {
        return tasklet("apply-certificate-reissues", (night, folder) -> reissues.apply(night.runDate()));
    }

    /** Restart needs no saved position: each committed chunk takes its applications off the list read. */
    @Bean
    Step decideApplications(ItemReader<Application> undecidedApplications,
                            DecideApplicationsWriter decideApplicationsWriter) {
        return new StepBuilder("decide-applications", jobRepository)
                .<Application, Application>chunk(claimChunkSize)
                .transactionManager(transactionManager)
                .reader(undecidedApplications)
                .writer(decideApplicationsWriter)
                .listener(decideApplicationsWriter)
                .listener(stepReport).listener(plannerStatistics)
                .build();
    }

    /** Step-scoped: every step execution reads from the oldest undecided application. */
    @Bean
    @StepScope
    ItemReader<Application> undecidedApplications(ClaimStepParts claims) {
        return claims.undecidedApplications();
    }

    @Bean
    @StepScope
    DecideApplicationsWriter decideApplicationsWriter(ClaimStepParts claims, CrashPoint crashPoint,
                                                      @Value("#{stepExecution}") StepExecution stepExecution,
                                                      PartitionSettings partitions) {
        return claims.decideApplicationsWriter(NightParameters.of(stepExecution).runDate(), crashPoint,
                partitions.partitioned());
    }

    @Bean
    Step applyIdentityChecks(JdbcCursorItemReader<IdentityCheck> nightIdentityChecks,
                             ItemWriter<IdentityCheck> applyIdentityChecksWriter) {
        return new StepBuilder("apply-identity-checks", jobRepository)
                .<IdentityCheck, IdentityCheck>chunk(claimChunkSize)
                .transactionManager(transactionManager)
                .reader(nightIdentityChecks)
                .writer(applyIdentityChecksWriter)
                .listener(stepReport).listener(plannerStatistics)
                .build();
    }

    /** The night's checks in the order they were made; the position is saved for a restart. */
    @Bean
    @StepScope
    JdbcCursorItemReader<IdentityCheck> nightIdentityChecks(ClaimStepParts claims,
                                                            @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.nightIdentityChecks(NightParameters.of(stepExecution).runDate());
    }

    @Bean
    @StepScope
    ItemWriter<IdentityCheck> applyIdentityChecksWriter(ClaimStepParts claims,
                                                        @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.applyIdentityChecksWriter(NightParameters.of(stepExecution).runDate());
    }

    // ---- confirmation by the applicant (SPEC section 9) ------------------------------------------

    /** The night's answers, oldest first: CONFIRM in time approves, DECLINE sends to review, the rest do nothing. */
    @Bean
    Step applyConfirmations(JdbcCursorItemReader<Confirmation> nightConfirmations,
                            ItemWriter<Confirmation> applyConfirmationsWriter) {
        return new StepBuilder("apply-confirmations", jobRepository)
                .<Confirmation, Confirmation>chunk(claimChunkSize)
                .transactionManager(transactionManager)
                .reader(nightConfirmations)
                .writer(applyConfirmationsWriter)
                .listener(stepReport).listener(plannerStatistics)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Confirmation> nightConfirmations(ClaimStepParts claims,
                                                         @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.nightConfirmations(NightParameters.of(stepExecution).runDate());
    }

    @Bean
    @StepScope
    ItemWriter<Confirmation> applyConfirmationsWriter(ClaimStepParts claims,
                                                      @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.applyConfirmationsWriter(NightParameters.of(stepExecution).runDate());
    }

    /** After the answers: a claim whose confirm_by day ended before the night is REJECTED NOT_CONFIRMED. */
    @Bean
    Step lapseUnconfirmedClaims(ClaimStepParts claims) {
        return tasklet("lapse-unconfirmed-claims", (night, folder) -> claims.lapseUnconfirmedClaims(night.runDate()));
    }

    // ---- payouts -----------------------------------------------------------------------------

    @Bean
    Step schedulePayouts(PayoutScheduler scheduler) {
        return tasklet("schedule-payouts", (night, folder) -> {
            PayoutScheduler.Scheduled scheduled = scheduler.schedule(night.runDate());
            return scheduled.transfers() + scheduled.certificates();
        });
    }

    /** Money is conserved, or the night stops before any file is written. */
    @Bean
    Step checkBookBalance(Reconciliation reconciliation) {
        return tasklet("check-book-balance", (night, folder) -> {
            reconciliation.check(night.runDate());
            return 0;
        });
    }

    @Bean
    Step writeBankFile(BankFileWriter bankFileWriter) {
        return tasklet("write-bank-file", (night, folder) -> bankFileWriter.write(night.runDate(), folder.staging()));
    }

    @Bean
    Step writeCertificates(CertificateIssue certificateIssue) {
        return tasklet("write-certificates",
                (night, folder) -> certificateIssue.write(night.runDate(), folder.staging()));
    }

    // ---- notices -----------------------------------------------------------------------------

    /** SPEC run step 9: the notices the night's status changes and deadlines cause; only written, never sent. */
    @Bean
    Step createNotices(NightNotices nightNotices) {
        return tasklet("create-notices", (night, folder) -> nightNotices.create(night.runDate(), folder.staging()));
    }

    // ---- publishing --------------------------------------------------------------------------

    /** Ingest summary and rejects, claim events and review queue, reconciliation, the night's settings. */
    @Bean
    Step writeReports(IngestReports ingestReports, ClaimReports claimReports, Reconciliation reconciliation,
                      NightSettings nightSettings, CrashPoint crashPoint, CertificateReports certificateReports) {
        return tasklet("write-reports", (night, folder) -> {
            ingestReports.write(night.runDate(), folder.staging());
            claimReports.write(night.runDate(), folder.staging());
            reconciliation.write(night.runDate(), folder.staging());
            nightSettings.write(folder.staging());
            int certificateFiles = certificateReports.write(night.runDate(), folder.staging());
            crashPoint.reached(PUBLISH);
            return 4 + certificateFiles;
        });
    }

    @Bean
    Step writeAuditWorkbook(AuditWorkbook auditWorkbook, CrashPoint crashPoint) {
        return tasklet("write-audit-workbook", (night, folder) -> {
            auditWorkbook.write(night.runDate(), folder.staging());
            crashPoint.reached(PUBLISH);
            return 1;
        });
    }

    @Bean
    Step writeManifest() {
        return tasklet("write-manifest", (night, folder) -> {
            folder.writeManifest();
            return 1;
        });
    }

    @Bean
    Step publishFolder(CrashPoint crashPoint) {
        return tasklet("publish-folder", (night, folder) -> {
            folder.moveIntoPlace();
            crashPoint.reached(PUBLISH);
            return 1;
        });
    }

    @Bean
    Step markNightCompleted(NightLedger nights, ClaimRollback claims) {
        return tasklet("mark-night-completed", (night, folder) -> {
            nights.markCompleted(night.runDate());
            claims.nightCompleted(night.runDate()); // in the same transaction: a completed night never starts over
            return 1;
        });
    }

    // ---- one piece of work for the night, as a step --------------------------------------------

    /** One piece of the night's work; returns how many items it wrote (claims, records, files). */
    @FunctionalInterface
    private interface NightWork {
        long run(NightParameters night, NightOutputFolder folder);
    }

    /** A step that does one piece of the night's work, in one transaction. */
    private Step tasklet(String name, NightWork work) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
            NightParameters night = NightParameters.of(contribution.getStepExecution());
            NightOutputFolder folder = new NightOutputFolder(night.outputRoot(), night.runDate());
            if (!AFTER_THE_MOVE.contains(name)) {
                folder.reclaimUnrecordedPublication();
            }
            contribution.incrementWriteCount(work.run(night, folder));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stepReport).listener(plannerStatistics).build();
    }

    /** The steps that run once the folder is in place; every other step may write into the staging folder. */
    private static final java.util.Set<String> AFTER_THE_MOVE = java.util.Set.of("publish-folder",
            "mark-night-completed");
}
