package jp.refund.job;

import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.claim.ClaimReports;
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
 *   <li>decide every new application, oldest first, then apply the night's identity checks;</li>
 *   <li>publish: write the night's reports, the manifest, move {@code output/<D>/} into
 *       place and record the night as completed.</li>
 * </ol>
 * Every step is restartable by Spring Batch: a failed or killed night is resumed by
 * running the same date again.
 */
@Configuration
class NightlyJobConfiguration {

    static final String JOB_NAME = "nightly";
    static final String RUN_DATE = "run.date";
    static final String INPUT_DIR = "input.dir";
    static final String OUTPUT_DIR = "output.dir";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Flow ingestFlow, Step decideApplications, Step applyIdentityChecks,
                   Step publishNight) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestFlow)
                .next(decideApplications)
                .next(applyIdentityChecks)
                .next(publishNight)
                .end()
                .build();
    }

    @Bean
    Step publishNight(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      IngestReports ingestReports, ClaimReports claimReports, NightLedger nights) {
        return new StepBuilder("publish-night", jobRepository).tasklet((contribution, chunkContext) -> {
            JobParameters parameters = contribution.getStepExecution().getJobParameters();
            LocalDate runDate = parameters.getLocalDate(RUN_DATE);
            NightOutputFolder folder = new NightOutputFolder(Path.of(parameters.getString(OUTPUT_DIR)), runDate);
            ingestReports.write(runDate, folder.staging());
            claimReports.write(runDate, folder.staging());
            folder.publish();
            nights.markCompleted(runDate);
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
