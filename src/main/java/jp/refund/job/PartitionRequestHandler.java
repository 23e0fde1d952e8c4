package jp.refund.job;

import java.util.List;
import java.util.Locale;
import jp.refund.shared.KeyRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker's handler of partition requests: Spring Batch's {@link StepExecutionRequestHandler},
 * made idempotent. The broker delivers a request at least once (a redelivery after a worker
 * died, a request sent twice), and 6.0.4's handler executes the step execution whatever its
 * state, so a COMPLETED partition would run again and its counts change. Here a worker first
 * claims the partition in the job repository — STARTING to STARTED in one conditional update —
 * and runs it only if that update changed the row: a partition that is running on another
 * worker, completed, or failed (a restarted night made a new execution for it) is left as it is.
 */
class PartitionRequestHandler extends StepExecutionRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);

    /** The version moves on too: whoever read the row before the claim cannot overwrite it. */
    private static final String CLAIM = "UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', VERSION = VERSION + 1"
            + " WHERE STEP_EXECUTION_ID = ? AND STATUS = 'STARTING'";

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    PartitionRequestHandler(JobRepository jobRepository, JdbcTemplate jdbc, List<Step> steps) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        setJobRepository(jobRepository);
        // by step name: the worker steps' bean names are not their step names
        setStepLocator(name -> steps.stream().filter(step -> step.getName().equals(name)).findFirst().orElse(null));
    }

    @Override
    public StepExecution handle(StepExecutionRequest request) {
        long id = request.getStepExecutionId();
        if (jdbc.update(CLAIM, id) != 1) {
            StepExecution execution = existing(id);
            log.info("partition request for {} (step execution {}) ignored: {}", request.getStepName(), id,
                    execution == null ? "no such step execution" : "it is " + execution.getStatus());
            return execution;
        }
        long started = System.nanoTime();
        StepExecution execution = super.handle(request);
        KeyRange range = PartitionedNightConfiguration.range(execution);
        log.info("partition {} ({}, step execution {}, range ({}, {}]): {}, {} items read, {} written, {} s",
                execution.getStepName(), request.getStepName(), id, range.after(),
                range.upTo() == null ? "end" : range.upTo(), execution.getStatus(), execution.getReadCount(),
                execution.getWriteCount(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        return execution;
    }

    /** The step execution, or null for a request from another database or a deleted night. */
    private StepExecution existing(long id) {
        try {
            return jobRepository.getStepExecution(id);
        } catch (EmptyResultDataAccessException none) {
            return null;
        }
    }
}
