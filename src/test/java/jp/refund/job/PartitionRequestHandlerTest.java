package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A worker runs a partition request once: a request delivered again — after the partition
 * completed, while it runs elsewhere, or for a step execution that is not there — changes nothing.
 */
class PartitionRequestHandlerTest {

    private static final String WORKER_STEP = "assess-application-range";

    private JdbcTemplate jdbc;
    private JobRepository jobRepository;
    private final AtomicInteger runs = new AtomicInteger();
    private PartitionRequestHandler handler;

    @BeforeEach
    void jobRepositoryOnTheRealSchema() throws Exception {
        jdbc = MigratedDatabase.create();
        DataSource dataSource = jdbc.getDataSource();
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.afterPropertiesSet();
        jobRepository = factory.getObject();
        Step worker = new StepBuilder(WORKER_STEP, jobRepository).tasklet((contribution, chunk) -> {
            runs.incrementAndGet();
            contribution.incrementWriteCount(7);
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
        handler = new PartitionRequestHandler(jobRepository, jdbc, List.of(worker));
    }

    @Test
    void aRequestRunsItsPartitionOnce() {
        StepExecution partition = partition("partition0");

        StepExecution done = handler.handle(new StepExecutionRequest(WORKER_STEP, partition.getId()));

        assertThat(runs).hasValue(1);
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jobRepository.getStepExecution(partition.getId()).getWriteCount()).isEqualTo(7);
    }

    @Test
    void aRequestForACompletedPartitionChangesNothing() {
        StepExecution partition = partition("partition1");
        handler.handle(new StepExecutionRequest(WORKER_STEP, partition.getId()));
        Map<String, Object> before = row(partition.getId());

        StepExecution again = handler.handle(new StepExecutionRequest(WORKER_STEP, partition.getId()));

        assertThat(runs).hasValue(1);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(row(partition.getId())).isEqualTo(before);
    }

    @Test
    void aRequestForAPartitionRunningOnAnotherWorkerChangesNothing() {
        StepExecution partition = partition("partition2");
        partition.setStatus(BatchStatus.STARTED); // another worker claimed it
        jobRepository.update(partition);
        Map<String, Object> before = row(partition.getId());

        handler.handle(new StepExecutionRequest(WORKER_STEP, partition.getId()));

        assertThat(runs).hasValue(0);
        assertThat(row(partition.getId())).isEqualTo(before);
    }

    @Test
    void aRequestForAStepExecutionThatIsNotThereIsIgnored() {
        assertThat(handler.handle(new StepExecutionRequest(WORKER_STEP, 424242L))).isNull();
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRequestTravelsAsAMapMessage() {
        StepExecutionRequest request = new StepExecutionRequest(WORKER_STEP, 12L);

        Map<String, Object> message = PartitionRequestMessages.toMap(request);

        assertThat(message).containsEntry("stepName", WORKER_STEP).containsEntry("stepExecutionId", 12L);
        StepExecutionRequest back = PartitionRequestMessages.fromMap(message);
        assertThat(back.getStepName()).isEqualTo(WORKER_STEP);
        assertThat(back.getStepExecutionId()).isEqualTo(12L);
        assertThatThrownBy(() -> PartitionRequestMessages.fromMap(Map.of("stepName", WORKER_STEP)))
                .hasMessageContaining("not a partition request");
    }

    /** A partition as the manager's splitter leaves it: STARTING, with its key range. */
    private StepExecution partition(String name) {
        JobParameters parameters = new JobParameters();
        JobInstance instance = jobRepository.createJobInstance("nightly-" + name, parameters);
        JobExecution night = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution partition = jobRepository.createStepExecution(WORKER_STEP + ":" + name, night);
        partition.getExecutionContext().putString("range.after", "");
        jobRepository.updateExecutionContext(partition);
        assertThat(partition.getStatus()).isEqualTo(BatchStatus.STARTING);
        return partition;
    }

    private Map<String, Object> row(long stepExecutionId) {
        return jdbc.queryForMap("SELECT * FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
    }
}
