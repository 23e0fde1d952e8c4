package jp.refund.shared;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * The nightly job's parameters, typed: the business date (which identifies the job
 * instance) and the night's input and output folders (not identifying: a night resumed
 * from another folder is still the same night). The only place their keys are spelled.
 */
public record NightParameters(LocalDate runDate, Path inputDir, Path outputRoot) {

    private static final String RUN_DATE = "run.date";
    private static final String INPUT_DIR = "input.dir";
    private static final String OUTPUT_DIR = "output.dir";

    public static NightParameters of(JobParameters parameters) {
        return new NightParameters(parameters.getLocalDate(RUN_DATE), Path.of(parameters.getString(INPUT_DIR)),
                Path.of(parameters.getString(OUTPUT_DIR)));
    }

    public static NightParameters of(StepExecution stepExecution) {
        return of(stepExecution.getJobParameters());
    }

    /** Only the run date of a job's parameters (a stale execution may have been started by an older release). */
    public static LocalDate runDateOf(JobParameters parameters) {
        return parameters.getLocalDate(RUN_DATE);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLocalDate(RUN_DATE, runDate)
                .addString(INPUT_DIR, inputDir.toString(), false)
                .addString(OUTPUT_DIR, outputRoot.toString(), false)
                .toJobParameters();
    }
}
