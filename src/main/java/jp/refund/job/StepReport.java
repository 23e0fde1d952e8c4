package jp.refund.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Tells the operator each step as it starts and ends, with what it read and wrote and how long it took. */
@Component
public class StepReport implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepReport.class);

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
        return step.getExitStatus();
    }
}
