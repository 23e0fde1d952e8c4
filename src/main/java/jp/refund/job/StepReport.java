package jp.refund.job;

import jp.refund.database.EmbeddedFileCompaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Tells the operator each step as it starts and ends, with what it read and wrote and how long
 * it took; after each step the embedded database file is compacted ({@link EmbeddedFileCompaction}).
 */
@Component
public class StepReport implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepReport.class);

    /** At most this long after a step; what is left waits for the next step (H2 resumes where it stopped). */
    private static final int COMPACTION_BUDGET_MILLIS = 30_000;

    private final EmbeddedFileCompaction compaction;

    StepReport(EmbeddedFileCompaction compaction) {
        this.compaction = compaction;
    }

    @Override
    public void beforeStep(StepExecution step) {
        log.info("step {} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        double seconds = step.getStartTime() == null ? 0
                : java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toMillis() / 1000.0;
        if (step.getReadCount() > 0 || step.getWriteCount() > 0) {
            log.info("step {} {}: read {}, wrote {} in {} s", step.getStepName(), step.getStatus().name().toLowerCase(),
                    step.getReadCount(), step.getWriteCount(), String.format("%.1f", seconds));
        } else {
            log.info("step {} {} in {} s", step.getStepName(), step.getStatus().name().toLowerCase(),
                    String.format("%.1f", seconds));
        }
        // between steps no transaction of the night is open: the embedded file is compacted there,
        // after a step that wrote (one that wrote nothing left no garbage). Not after one partition
        // ("step:partitionN"): the others may still be writing; their manager step's end compacts.
        if (step.getWriteCount() > 0 && !step.getStepName().contains(":")) {
            compaction.compact(COMPACTION_BUDGET_MILLIS);
        }
        return step.getExitStatus();
    }
}
