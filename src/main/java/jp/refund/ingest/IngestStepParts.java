package jp.refund.ingest;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.NightParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the ingest half of the night, for the job configuration to wire into
 * steps: {@code check-feed-files} (the tasklet {@code feedFilesCheck}: every file's header
 * before anything is kept), one chunked, restartable {@code ingest-<feed>} step per feed in
 * SPEC order ({@link Feed#stepName()}; the step-scoped {@code feedFileReader},
 * {@code feedRowParser} and {@code feedRowWriter}, items {@link FeedRecord} and
 * {@link ParsedRow}, with the {@code feedStepListener}), then {@code check-reject-ratios}
 * (the tasklet {@code rejectRatiosCheck}). Each finds its feed from the step's name, its
 * folder and date from the night's parameters.
 */
@Configuration
class IngestStepParts {

    private static final Logger log = LoggerFactory.getLogger(IngestStepParts.class);

    private final IngestSettings settings;

    IngestStepParts(IngestSettings settings) {
        this.settings = settings;
    }

    static Feed feedOf(StepExecution stepExecution) {
        return Feed.ofStep(stepExecution.getStepName());
    }

    private static Path fileOf(StepExecution stepExecution, Feed feed) {
        return NightParameters.of(stepExecution).inputDir().resolve(feed.fileName());
    }

    private static LocalDate runDate(StepExecution stepExecution) {
        return NightParameters.of(stepExecution).runDate();
    }

    /** Reads the header of every feed file of the night: a broken file stops the night before anything is kept. */
    @Bean
    Tasklet feedFilesCheck(FeedSettings feedSettings) {
        return (contribution, chunkContext) -> {
            Path dir = NightParameters.of(contribution.getStepExecution()).inputDir();
            for (Feed feed : Feed.values()) {
                Path file = dir.resolve(feed.fileName());
                requireReadableIfPresent(file);
                if (Files.exists(file)) {
                    FeedFileReader.checkHeader(feed, file, feedSettings.charset(feed));
                }
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * No entry at all is "nothing new tonight"; an entry that is not a regular file (a link to
     * an unmounted share, a FIFO no one writes, a folder) is a broken feed: counting it as no
     * file would reject real customers' claims for want of their rows, and a FIFO would hang.
     */
    static void requireReadableIfPresent(Path file) {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(file) && Files.notExists(file)) {
            throw new BrokenFeedException(file + ": a link to " + linkTarget(file) + ", which does not exist"
                    + " (an unmounted share?); mount it or remove the link, then run again");
        }
        if (!Files.isRegularFile(file)) {
            throw new BrokenFeedException(file + ": not a regular file ("
                    + (Files.isDirectory(file) ? "a folder" : "a FIFO, socket or device") + "); replace it with the"
                    + " feed's CSV file or remove it, then run again");
        }
        if (!Files.isReadable(file)) {
            throw new BrokenFeedException(file + ": cannot be read by this user; fix its permissions, then run again");
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (java.io.IOException e) {
            return "a target that cannot be read";
        }
    }

    @Bean
    Tasklet rejectRatiosCheck(IngestLedger ledger) {
        IngestQualityGate gate = new IngestQualityGate(settings);
        return (contribution, chunkContext) -> {
            LocalDate runDate = runDate(contribution.getStepExecution());
            gate.check(runDate, ledger.counts(runDate), count -> ledger.bookStateRejects(runDate, count.feed()));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    ItemStreamReader<FeedRecord> feedFileReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                                FeedSettings feedSettings) {
        Feed feed = feedOf(stepExecution);
        return new FeedFileReader(feed, fileOf(stepExecution, feed), feedSettings.charset(feed),
                settings.maxRecordLines(), settings.maxRecordChars());
    }

    @Bean
    @StepScope
    ItemProcessor<FeedRecord, ParsedRow> feedRowParser(@Value("#{stepExecution}") StepExecution stepExecution,
                                                       ColumnLimits limits) {
        Feed feed = feedOf(stepExecution);
        return new FeedRowParser(feed, settings.maxBalanceYen(),
                column -> limits.of(feed.layout().table(), column.sqlColumn()));
    }

    @Bean
    @StepScope
    ItemWriter<ParsedRow> feedRowWriter(@Value("#{stepExecution}") StepExecution stepExecution, FeedTables tables,
                                        IngestLedger ledger, CrashPoint crashPoint) {
        return new FeedRowWriter(tables.of(feedOf(stepExecution)), ledger, runDate(stepExecution), crashPoint);
    }

    /** Registers the feed file of the night before the first chunk; reports its figures after the last. */
    @Bean
    StepExecutionListener feedStepListener(IngestLedger ledger) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                Feed feed = feedOf(stepExecution);
                ledger.openFeed(runDate(stepExecution), feed, fileOf(stepExecution, feed));
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
