package jp.refund.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest half of the night: check every file's header before anything is kept,
 * ingest the six feeds in order (one chunked, restartable step each), then stop the
 * night if any feed was rejected beyond the allowed ratio.
 *
 * <p>The reader, parser and writer are step-scoped: each ingest step gets its own,
 * for the feed named by the step ({@code ingest-members}, ...), the run date and
 * input folder of the job.
 */
@Configuration
public class IngestSteps {

    private static final Logger log = LoggerFactory.getLogger(IngestSteps.class);
    private static final String STEP_PREFIX = "ingest-";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final IngestSettings settings;

    private final StepExecutionListener stepReport;

    IngestSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestSettings settings,
                @org.springframework.beans.factory.annotation.Qualifier("stepReport") StepExecutionListener stepReport) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.stepReport = stepReport;
    }

    static Feed feedOf(StepExecution stepExecution) {
        return Feed.byId(stepExecution.getStepName().substring(STEP_PREFIX.length()));
    }

    static Path fileOf(StepExecution stepExecution, Feed feed) {
        return Path.of(stepExecution.getJobParameters().getString("input.dir")).resolve(feed.fileName());
    }

    @Bean
    Step checkFeedFiles(FeedSettings feedSettings) {
        return new StepBuilder("check-feed-files", jobRepository).tasklet((contribution, chunkContext) -> {
            Path dir = Path.of(contribution.getStepExecution().getJobParameters().getString("input.dir"));
            for (Feed feed : Feed.values()) {
                Path file = dir.resolve(feed.fileName());
                if (Files.exists(file)) {
                    FeedFileReader.checkHeader(feed, file, feedSettings.charset(feed));
                }
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stepReport).build();
    }

    /**
     * check-feed-files, then ingest-members ... ingest-bank_returns in SPEC order, then
     * check-reject-ratios.
     */
    @Bean
    Flow ingestFlow(Step checkFeedFiles, Step checkRejectRatios, FeedFileReader feedFileReader,
                    FeedRowParser<FeedRow> feedRowParser, FeedRowWriter<FeedRow> feedRowWriter, IngestLedger ledger) {
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>("ingest").start(checkFeedFiles);
        for (Feed feed : Feed.values()) {
            flow = flow.next(new StepBuilder(STEP_PREFIX + feed.id(), jobRepository)
                    .<FeedRecord, ParsedRow<FeedRow>>chunk(settings.chunkSize())
                    .transactionManager(transactionManager)
                    .reader(feedFileReader)
                    .processor(feedRowParser)
                    .writer(feedRowWriter)
                    .listener(new FeedStepListener(ledger))
                    .listener(stepReport)
                    .build());
        }
        return flow.next(checkRejectRatios).build();
    }

    @Bean
    @StepScope
    FeedFileReader feedFileReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                  FeedSettings feedSettings) {
        Feed feed = feedOf(stepExecution);
        return new FeedFileReader(feed, fileOf(stepExecution, feed), feedSettings.charset(feed));
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    FeedRowParser<FeedRow> feedRowParser(@Value("#{stepExecution}") StepExecution stepExecution, FeedTables tables) {
        return new FeedRowParser<>((FeedTable<FeedRow>) tables.of(feedOf(stepExecution)));
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    FeedRowWriter<FeedRow> feedRowWriter(@Value("#{stepExecution}") StepExecution stepExecution, FeedTables tables,
                                         IngestLedger ledger) {
        return new FeedRowWriter<>((FeedTable<FeedRow>) tables.of(feedOf(stepExecution)), ledger,
                stepExecution.getJobParameters().getLocalDate("run.date"));
    }

    @Bean
    Step checkRejectRatios(IngestLedger ledger) {
        IngestQualityGate gate = new IngestQualityGate(settings);
        return new StepBuilder("check-reject-ratios", jobRepository).tasklet((contribution, chunkContext) -> {
            LocalDate runDate = contribution.getStepExecution().getJobParameters().getLocalDate("run.date");
            gate.check(runDate, ledger.counts(runDate));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stepReport).build();
    }

    /** Registers the feed file of the night before the first chunk; reports its figures after the last. */
    private static final class FeedStepListener implements StepExecutionListener {

        private final IngestLedger ledger;

        FeedStepListener(IngestLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            Feed feed = feedOf(stepExecution);
            Path file = fileOf(stepExecution, feed);
            LocalDate runDate = stepExecution.getJobParameters().getLocalDate("run.date");
            ledger.openFeed(runDate, feed, Files.exists(file) ? file.getFileName().toString() : null);
        }

        @Override
        public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
            Feed feed = feedOf(stepExecution);
            LocalDate runDate = stepExecution.getJobParameters().getLocalDate("run.date");
            ledger.counts(runDate).stream().filter(c -> c.feed() == feed && c.fileName() != null).findFirst()
                    .ifPresent(c -> log.info("{}: read {}, accepted {}, skipped {}, rejected {}", c.fileName(),
                            c.rowsRead(), c.accepted(), c.skipped(), c.rejected()));
            return stepExecution.getExitStatus();
        }
    }
}
