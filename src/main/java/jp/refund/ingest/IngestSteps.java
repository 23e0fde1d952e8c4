package jp.refund.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest half of the night: check every file's header before anything is kept
 * ({@code check-feed-files}), ingest the six feeds in order (one chunked, restartable
 * step each, {@code ingest-<feed>}), then stop the night if any feed was rejected beyond
 * the allowed ratio ({@code check-reject-ratios}).
 *
 * <p>What a step needs is a bean of a public type, so a job configuration elsewhere
 * can wire the same steps: the tasklets {@code feedFilesCheck} and
 * {@code rejectRatiosCheck}, and for an {@code ingest-<feed>} step the step-scoped
 * {@code feedFileReader}, {@code feedRowParser} and {@code feedRowWriter} (items
 * {@link FeedRecord} and {@link ParsedRow}) with the {@code feedStepListener}. They
 * find their feed from the step's name, their folder and date from the job parameters
 * {@code input.dir} and {@code run.date}.
 */
@Configuration
class IngestSteps {

    private static final Logger log = LoggerFactory.getLogger(IngestSteps.class);
    private static final String STEP_PREFIX = "ingest-";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final IngestSettings settings;
    private final StepExecutionListener stepReport;

    IngestSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestSettings settings,
                @Qualifier("stepReport") StepExecutionListener stepReport) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.stepReport = stepReport;
    }

    /** {@code ingest-members}, ..., {@code ingest-bank_returns}. */
    static String stepName(Feed feed) {
        return STEP_PREFIX + feed.id();
    }

    static Feed feedOf(StepExecution stepExecution) {
        return Feed.byId(stepExecution.getStepName().substring(STEP_PREFIX.length()));
    }

    private static Path inputDir(StepExecution stepExecution) {
        return Path.of(stepExecution.getJobParameters().getString("input.dir"));
    }

    private static Path fileOf(StepExecution stepExecution, Feed feed) {
        return inputDir(stepExecution).resolve(feed.fileName());
    }

    private static LocalDate runDate(StepExecution stepExecution) {
        return stepExecution.getJobParameters().getLocalDate("run.date");
    }

    /**
     * check-feed-files, then ingest-members ... ingest-bank_returns in SPEC order, then
     * check-reject-ratios.
     */
    @Bean
    Flow ingestFlow(Tasklet feedFilesCheck, Tasklet rejectRatiosCheck,
                    ItemStreamReader<FeedRecord> feedFileReader, ItemProcessor<FeedRecord, ParsedRow> feedRowParser,
                    ItemWriter<ParsedRow> feedRowWriter, StepExecutionListener feedStepListener) {
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>("ingest").start(tasklet("check-feed-files", feedFilesCheck));
        for (Feed feed : Feed.values()) {
            flow = flow.next(new StepBuilder(stepName(feed), jobRepository)
                    .<FeedRecord, ParsedRow>chunk(settings.chunkSize())
                    .transactionManager(transactionManager)
                    .reader(feedFileReader)
                    .processor(feedRowParser)
                    .writer(feedRowWriter)
                    .listener(feedStepListener)
                    .listener(stepReport)
                    .build());
        }
        return flow.next(tasklet("check-reject-ratios", rejectRatiosCheck)).build();
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(stepReport).build();
    }

    /** Reads the header of every feed file of the night: a broken file stops the night before anything is kept. */
    @Bean
    Tasklet feedFilesCheck(FeedSettings feedSettings) {
        return (contribution, chunkContext) -> {
            Path dir = inputDir(contribution.getStepExecution());
            for (Feed feed : Feed.values()) {
                Path file = dir.resolve(feed.fileName());
                if (Files.exists(file)) {
                    FeedFileReader.checkHeader(feed, file, feedSettings.charset(feed));
                }
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Tasklet rejectRatiosCheck(IngestLedger ledger) {
        IngestQualityGate gate = new IngestQualityGate(settings);
        return (contribution, chunkContext) -> {
            LocalDate runDate = runDate(contribution.getStepExecution());
            gate.check(runDate, ledger.counts(runDate));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    ItemStreamReader<FeedRecord> feedFileReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                                FeedSettings feedSettings) {
        Feed feed = feedOf(stepExecution);
        return new FeedFileReader(feed, fileOf(stepExecution, feed), feedSettings.charset(feed));
    }

    @Bean
    @StepScope
    ItemProcessor<FeedRecord, ParsedRow> feedRowParser(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new FeedRowParser(feedOf(stepExecution));
    }

    @Bean
    @StepScope
    ItemWriter<ParsedRow> feedRowWriter(@Value("#{stepExecution}") StepExecution stepExecution, FeedTables tables,
                                        IngestLedger ledger) {
        return new FeedRowWriter(tables.of(feedOf(stepExecution)), ledger, runDate(stepExecution));
    }

    /** Registers the feed file of the night before the first chunk; reports its figures after the last. */
    @Bean
    StepExecutionListener feedStepListener(IngestLedger ledger) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                Feed feed = feedOf(stepExecution);
                Path file = fileOf(stepExecution, feed);
                String fileName = Files.exists(file) ? file.getFileName().toString() : null;
                ledger.openFeed(runDate(stepExecution), feed, fileName);
            }

            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                Feed feed = feedOf(stepExecution);
                ledger.counts(runDate(stepExecution)).stream()
                        .filter(c -> c.feed() == feed && c.fileName() != null).findFirst()
                        .ifPresent(c -> log.info("{}: read {}, accepted {}, skipped {}, rejected {}", c.fileName(),
                                c.rowsRead(), c.accepted(), c.skipped(), c.rejected()));
                return stepExecution.getExitStatus();
            }
        };
    }
}
