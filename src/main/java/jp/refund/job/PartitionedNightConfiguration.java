package jp.refund.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.refund.certificate.CertificateIssue;
import jp.refund.claim.Application;
import jp.refund.claim.AssessApplicationsWriter;
import jp.refund.claim.ClaimStepParts;
import jp.refund.report.NightOutputFolder;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.KeyRange;
import jp.refund.shared.NightParameters;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The partitioned steps of a night (issue 20), on Spring Batch's partitioning: a manager step
 * cuts the work into {@code refund.partition.count} key ranges ({@link Partitioner}), each range
 * is a worker step execution of its own in the job repository, and a restarted night runs only
 * the partitions that did not complete, with the ranges the first run cut.
 * <ul>
 *   <li>{@code assess-applications}, before {@code decide-applications}: the registry half of
 *       each decision, partitioned by application_id range (the ordered pass then numbers the
 *       claims and adds duplicates and shared accounts, so the claims are those of one step);</li>
 *   <li>{@code render-certificates}, before {@code write-certificates}: the night's certificate
 *       PDFs, partitioned by certificate-number range ({@code write-certificates} then finds them
 *       on disk and writes the mailing list).</li>
 * </ul>
 * With {@code refund.partition.count=1} the job does not include them.
 */
@Configuration
class PartitionedNightConfiguration {

    static final String ASSESS_APPLICATIONS = "assess-applications";
    static final String RENDER_CERTIFICATES = "render-certificates";
    /** The partition's key range in its step execution context. */
    private static final String AFTER = "range.after";
    private static final String UP_TO = "range.upTo";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final StepReport stepReport;
    private final PlannerStatistics plannerStatistics;
    private final PartitionSettings settings;
    /** Present with {@code refund.partition.mode=remote}: the manager steps send their partitions to workers. */
    private final ObjectProvider<RemotePartitioningConfiguration.RemotePartitionManager> remote;

    PartitionedNightConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  StepReport stepReport, PlannerStatistics plannerStatistics, PartitionSettings settings,
                                  ObjectProvider<RemotePartitioningConfiguration.RemotePartitionManager> remote) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.stepReport = stepReport;
        this.plannerStatistics = plannerStatistics;
        this.settings = settings;
        this.remote = remote;
    }

    // ---- decisions -----------------------------------------------------------------------------

    @Bean
    Step assessApplications(Step assessApplicationRange, ClaimStepParts claims) {
        return partitioned(ASSESS_APPLICATIONS, assessApplicationRange,
                gridSize -> contexts(claims.undecidedApplicationRanges(gridSize)));
    }

    @Bean
    Step assessApplicationRange(ItemReader<Application> rangeApplications, AssessApplicationsWriter assessWriter,
                                @Value("${refund.claims.chunk-size:1000}") int chunkSize) {
        return new StepBuilder("assess-application-range", jobRepository)
                .<Application, Application>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(rangeApplications)
                .writer(assessWriter)
                .listener(stepReport).listener(plannerStatistics)
                .build();
    }

    /** Step-scoped: one per partition, reading that partition's range. */
    @Bean
    @StepScope
    ItemReader<Application> rangeApplications(ClaimStepParts claims,
                                              @Value("${refund.claims.chunk-size:1000}") int chunkSize,
                                              @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.unassessedApplications(range(stepExecution), chunkSize);
    }

    @Bean
    @StepScope
    AssessApplicationsWriter assessWriter(ClaimStepParts claims, CrashPoint crashPoint,
                                          @Value("#{stepExecution}") StepExecution stepExecution) {
        return claims.assessApplicationsWriter(NightParameters.of(stepExecution).runDate(), crashPoint);
    }

    // ---- certificates --------------------------------------------------------------------------

    @Bean
    Step renderCertificates(Step renderCertificateRange, Partitioner certificateRanges) {
        return partitioned(RENDER_CERTIFICATES, renderCertificateRange, certificateRanges);
    }

    /** Step-scoped: cut in the manager step, from the certificates its night issued. */
    @Bean
    @StepScope
    Partitioner certificateRanges(CertificateIssue certificateIssue,
                                  @Value("#{stepExecution}") StepExecution manager) {
        return gridSize -> contexts(certificateIssue.ranges(NightParameters.of(manager).runDate(), gridSize));
    }

    @Bean
    Step renderCertificateRange(CertificateIssue certificateIssue) {
        // the partitions that run at once share the cores between them
        int threadsEach = Math.max(1, Runtime.getRuntime().availableProcessors() / settings.concurrentPartitions());
        return new StepBuilder("render-certificate-range", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution partition = contribution.getStepExecution();
            NightParameters night = NightParameters.of(partition);
            NightOutputFolder folder = new NightOutputFolder(night.outputRoot(), night.runDate());
            contribution.incrementWriteCount(certificateIssue.render(night.runDate(), folder.staging(),
                    range(partition), threadsEach));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stepReport).listener(plannerStatistics).build();
    }

    // ---- partitioning --------------------------------------------------------------------------

    /**
     * A manager step: {@code worker} once per key range, on the local partition handler's threads,
     * or, in remote mode, on the worker JVMs.
     */
    private Step partitioned(String name, Step worker, Partitioner ranges) {
        if (settings.mode() == PartitionMode.REMOTE) {
            return remote.getObject().managerStep(name, worker.getName(), ranges, stepReport);
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(name + "-");
        threads.setConcurrencyLimit(settings.concurrentPartitions());
        return new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), ranges)
                .step(worker)
                .gridSize(settings.count())
                .taskExecutor(threads)
                .listener(stepReport).listener(plannerStatistics)
                .build();
    }

    /** One execution context per range, named partition0, partition1 ... in key order. */
    static Map<String, ExecutionContext> contexts(List<KeyRange> ranges) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(AFTER, ranges.get(i).after());
            if (ranges.get(i).upTo() != null) {
                context.putString(UP_TO, ranges.get(i).upTo());
            }
            contexts.put("partition" + i, context);
        }
        return contexts;
    }

    static KeyRange range(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        return new KeyRange(context.getString(AFTER), context.containsKey(UP_TO) ? context.getString(UP_TO) : null);
    }
}
