package jp.refund.job;

import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.bankfile.BankFileWriter;
import jp.refund.bankfile.BankReturns;
import jp.refund.certificate.CertificateIssue;
import jp.refund.claim.ClaimReports;
import jp.refund.report.AuditWorkbook;
import jp.refund.report.Reconciliation;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.shared.CrashTestHook;
import jp.refund.ingest.IngestReports;
import jp.refund.report.NightOutputFolder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one instance per business date ({@code run.date}):
 * <ol>
 *   <li>ingest: check headers, ingest the six feeds, stop on a broken feed;</li>
 *   <li>apply the bank's returns; decide every new application, oldest first; apply the night's
 *       identity checks;</li>
 *   <li>schedule payouts (transfers for value date V, certificates for issue date I), check that
 *       the book balances, write the bank file and the certificates;</li>
 *   <li>publish: write the night's reports, the manifest, move {@code output/<D>/} into
 *       place and record the night as completed.</li>
 * </ol>
 * Every step is restartable by Spring Batch: a failed or killed night is resumed by
 * running the same date again.
 */
@Configuration
class NightlyJobConfiguration {

    private final StepReport stepReport;

    NightlyJobConfiguration(StepReport stepReport) {
        this.stepReport = stepReport;
    }

    static final String JOB_NAME = "nightly";
    static final String RUN_DATE = "run.date";
    static final String INPUT_DIR = "input.dir";
    static final String OUTPUT_DIR = "output.dir";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Flow ingestFlow, Step applyBankReturns, Step decideApplications,
                   Step applyIdentityChecks, Step schedulePayouts, Step checkBookBalance, Step writeBankFile,
                   Step writeCertificates, Step publishNight) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestFlow)
                .next(applyBankReturns)
                .next(decideApplications)
                .next(applyIdentityChecks)
                .next(schedulePayouts)
                .next(checkBookBalance)
                .next(writeBankFile)
                .next(writeCertificates)
                .next(publishNight)
                .end()
                .build();
    }

    @Bean
    Step applyBankReturns(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          BankReturns bankReturns) {
        return tasklet("apply-bank-returns", jobRepository, transactionManager,
                (runDate, folder) -> bankReturns.apply(runDate));
    }

    @Bean
    Step schedulePayouts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         PayoutScheduler scheduler) {
        return tasklet("schedule-payouts", jobRepository, transactionManager,
                (runDate, folder) -> {
                    PayoutScheduler.Scheduled scheduled = scheduler.schedule(runDate);
                    return scheduled.transfers() + scheduled.certificates();
                });
    }

    /** Money is conserved, or the night stops before any file is written. */
    @Bean
    Step checkBookBalance(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          Reconciliation reconciliation) {
        return tasklet("check-book-balance", jobRepository, transactionManager,
                (runDate, folder) -> {
                    reconciliation.check(runDate);
                    return 0;
                });
    }

    @Bean
    Step writeBankFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       BankFileWriter bankFileWriter) {
        return tasklet("write-bank-file", jobRepository, transactionManager,
                (runDate, folder) -> bankFileWriter.write(runDate, folder.staging()));
    }

    @Bean
    Step writeCertificates(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           CertificateIssue certificateIssue) {
        return tasklet("write-certificates", jobRepository, transactionManager,
                (runDate, folder) -> certificateIssue.write(runDate, folder.staging()));
    }

    /** One piece of the night's work for the run date; returns how many items it wrote (claims, records, files). */
    @FunctionalInterface
    private interface NightWork {
        long run(LocalDate runDate, NightOutputFolder folder);
    }

    /** A step that does one piece of the night's work for the run date, in one transaction. */
    private Step tasklet(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         NightWork work) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
            JobParameters parameters = contribution.getStepExecution().getJobParameters();
            LocalDate runDate = parameters.getLocalDate(RUN_DATE);
            contribution.incrementWriteCount(
                    work.run(runDate, new NightOutputFolder(Path.of(parameters.getString(OUTPUT_DIR)), runDate)));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stepReport).build();
    }

    @Bean
    Step publishNight(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      IngestReports ingestReports, ClaimReports claimReports, Reconciliation reconciliation,
                      AuditWorkbook auditWorkbook, NightLedger nights) {
        return tasklet("publish-night", jobRepository, transactionManager, (runDate, folder) -> {
            folder.reclaimUnrecordedPublication();
            ingestReports.write(runDate, folder.staging());
            claimReports.write(runDate, folder.staging());
            reconciliation.write(runDate, folder.staging());
            CrashTestHook.reached("publish");
            auditWorkbook.write(runDate, folder.staging());
            CrashTestHook.reached("publish");
            folder.publish();
            CrashTestHook.reached("publish");
            nights.markCompleted(runDate);
            return 1;
        });
    }
}
