package jp.refund.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.refund.ingest.BrokenFeedException;
import jp.refund.ingest.FeedCount;
import jp.refund.ingest.FeedFileChange;
import jp.refund.ingest.IngestLedger;
import jp.refund.report.NightOutputFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import jp.refund.shared.NightParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Decides which nights to run and runs them: one date, or every date folder not yet
 * completed, oldest first. Nights run in date order only: a date is refused while an
 * earlier date folder is not completed, or when a later night already completed.
 */
@Service
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final NightLedger nights;
    private final IngestLedger ingestLedger;
    private final NightRollback nightRollback;

    /** The database as the operator named it, for messages: the URL without its settings. */
    private final String databaseName;

    private final FreeSpaceCheck freeSpace;

    NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, NightLedger nights,
               IngestLedger ingestLedger, NightRollback nightRollback, FreeSpaceCheck freeSpace,
               @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String databaseUrl) {
        this.databaseName = databaseUrl.contains(";") ? databaseUrl.substring(0, databaseUrl.indexOf(';'))
                : databaseUrl;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.nights = nights;
        this.ingestLedger = ingestLedger;
        this.nightRollback = nightRollback;
        this.freeSpace = freeSpace;
    }

    /** Runs the given date, or catches up on every pending date folder. */
    public void run(Optional<LocalDate> date, Path input, Path output) {
        TreeSet<LocalDate> folders = dateFolders(input);
        List<LocalDate> completed = nights.completedNights();
        LocalDate lastCompleted = completed.isEmpty() ? null : completed.get(completed.size() - 1);
        List<LocalDate> pending = folders.stream().filter(d -> !completed.contains(d)).toList();
        if (date.isPresent()) {
            LocalDate d = date.get();
            if (completed.contains(d)) {
                log.info("{} already completed: nothing to do (its outputs are in {})", d, output.resolve(d.toString()));
                for (FeedFileChange change : ingestLedger.changedFeedFiles(d, input.resolve(d.toString()))) {
                    log.warn("note: {}; a completed night never reads its input again: deliver changed rows in a"
                            + " later night's folder", change.describe());
                }
                return;
            }
            if (!folders.contains(d)) {
                throw new NightRefusedException("no input folder " + input.resolve(d.toString()));
            }
            List<LocalDate> earlier = pending.stream().filter(p -> p.isBefore(d)).toList();
            if (!earlier.isEmpty()) {
                throw new NightRefusedException("cannot run " + d + ": earlier night " + earlier.get(0)
                        + (earlier.size() > 1 ? " (and " + (earlier.size() - 1) + " more)" : "")
                        + " is not completed; run nightly without --date to catch up in order");
            }
            refuseIfBefore(d, lastCompleted);
            try (NightlyLock lock = NightlyLock.acquire(output)) {
                recoverStaleExecutions();
                freeSpace.require(d, input.resolve(d.toString()), output);
                runNight(d, input, output);
            }
            return;
        }
        if (pending.isEmpty()) {
            log.info("nothing to do: all {} night(s) under {} are completed", folders.size(), input);
            return;
        }
        refuseIfBefore(pending.get(0), lastCompleted);
        log.info("catching up {} night(s): {}", pending.size(), pending);
        try (NightlyLock lock = NightlyLock.acquire(output)) {
            recoverStaleExecutions();
            for (LocalDate d : pending) {
                freeSpace.require(d, input.resolve(d.toString()), output);
                runNight(d, input, output);
            }
        }
    }

    /**
     * A night killed while running (kill -9, power loss) is still marked STARTED in the
     * job repository. Holding the nightly lock proves no other run is alive, so such an
     * execution is stale: Spring Batch's recover marks it failed, and starting the same
     * date again restarts it from its last committed chunk.
     */
    private void recoverStaleExecutions() {
        for (JobExecution stale : jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME)) {
            log.warn("night {} was interrupted while running (execution {}); it will resume where it stopped",
                    NightParameters.runDateOf(stale.getJobParameters()), stale.getId());
            jobOperator.recover(stale);
        }
        recoverStalePartitions();
    }

    /**
     * A remote-partitioned night whose manager gave up waiting (a worker killed mid-partition)
     * ended FAILED with that partition still marked STARTED, which Spring Batch refuses to
     * restart. Holding the nightly lock, after the manager's timeout, such a partition is stale:
     * recover marks it failed, and the restart runs it again.
     */
    private void recoverStalePartitions() {
        JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
        if (execution != null && execution.getStatus() == BatchStatus.FAILED
                && execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
            log.warn("night {} failed with partitions still marked running (execution {}); they will run again",
                    NightParameters.runDateOf(execution.getJobParameters()), execution.getId());
            jobOperator.recover(execution);
        }
    }

    private static void refuseIfBefore(LocalDate d, LocalDate lastCompleted) {
        if (lastCompleted != null && d.isBefore(lastCompleted)) {
            throw new NightRefusedException("cannot run " + d + ": the later night " + lastCompleted
                    + " has already completed; nights run in date order");
        }
    }

    private void runNight(LocalDate runDate, Path input, Path output) {
        log.info("night {}: input {}, output {}", runDate, input.resolve(runDate.toString()),
                output.resolve(runDate.toString()));
        JobParameters parameters = new NightParameters(runDate, input.resolve(runDate.toString()), output)
                .toJobParameters();
        refuseForeignOutput(runDate, output, parameters);
        Optional<String> startedOver = startOverOnChangedInput(runDate, input.resolve(runDate.toString()), output,
                parameters);
        JobExecution execution;
        try {
            execution = jobOperator.start(nightlyJob, parameters);
        } catch (Exception e) {
            throw new NightRefusedException("cannot start night " + runDate + ": " + e.getMessage());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            printSummary(runDate, execution, startedOver);
            log.info("night {} completed: outputs in {}", runDate, output.resolve(runDate.toString()));
            return;
        }
        Optional<BrokenFeedException> broken = brokenFeed(execution);
        if (broken.isPresent()) {
            forget(runDate, output, execution.getJobInstance());
            throw broken.get();
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        throw new NightFailedException("night " + runDate + " failed: " + cause(execution)
                + "; fix the cause and run the same date again to resume", failures.isEmpty() ? null : failures.get(0));
    }

    /**
     * A night this database has never started may not take over an output folder that already
     * holds its date (a fresh database pointed at an old output folder): its files were written
     * by another book, and publishing would present them as this night's.
     */
    private void refuseForeignOutput(LocalDate runDate, Path output, JobParameters parameters) {
        if (jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters) != null) {
            return; // a night this database started: resume it, whatever it left on disk
        }
        NightOutputFolder folder = new NightOutputFolder(output, runDate);
        for (Path existing : List.of(folder.published(), folder.staging())) {
            if (Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(existing)) {
                throw new NightRefusedException("cannot run " + runDate + ": " + existing + " already exists, but the"
                        + " database " + databaseName + " has no record of that night (another database wrote it?);"
                        + " point --output at an empty folder, or --spring.datasource.url at the database that ran"
                        + " it; nothing was written");
            }
        }
    }

    /**
     * A restart reads on in each feed file after the records it already kept, by count, and the
     * night's decisions were taken on the files as they were: a file changed since then (the
     * operator fixed the input after a failure) cannot resume the night. Everything the night
     * stored is taken back, its claims of earlier nights put back as they were, and it runs
     * again from its ingest as a first run on the files as they are now (issue 38). Returns the
     * line that says so, for the night's summary.
     */
    private Optional<String> startOverOnChangedInput(LocalDate runDate, Path nightInput, Path output,
                                                     JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
        if (instance == null) {
            return Optional.empty();
        }
        List<FeedFileChange> changes = ingestLedger.changedFeedFiles(runDate, nightInput);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        forget(runDate, output, instance);
        String line = "night " + runDate + ": input changed after a failed run ("
                + String.join("; ", changes.stream().map(FeedFileChange::describe).toList())
                + "); its partial work was discarded and it runs again from its ingest";
        log.warn(line);
        return Optional.of(line);
    }

    /** An empty folder holds nothing another book wrote (an operator may have made it, say to set its rights). */
    private static boolean isEmptyFolder(Path path) {
        try (var entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * A night that is not completed leaves no trace: its files (staged, or moved into place by
     * a run that died before recording the night), then in one transaction everything it stored
     * and its job instance, so the fixed input runs as a first run would. The files go first: a
     * run killed in between finds the job instance and forgets again.
     */
    private void forget(LocalDate runDate, Path output, JobInstance instance) {
        NightOutputFolder folder = new NightOutputFolder(output, runDate);
        folder.reclaimUnrecordedPublication();
        folder.discardStaging();
        nightRollback.forgetNight(runDate, instance);
    }

    private static Optional<BrokenFeedException> brokenFeed(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof BrokenFeedException broken) {
                    return Optional.of(broken);
                }
            }
        }
        return Optional.empty();
    }

    /** The failure in one line: the outermost message (it names the file or step), else the root cause's. */
    private static String cause(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription();
        }
        for (Throwable t = failures.get(0); t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.springframework.batch.") && t.getCause() != null) {
                continue; // "Unable to process chunk" says nothing: what it could not do is below
            }
            if (t instanceof org.springframework.dao.DataAccessException data) {
                return data.getMostSpecificCause().getMessage(); // the database's words, not the SQL text
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failures.get(0).getClass().getSimpleName();
    }

    private void printSummary(LocalDate runDate, JobExecution execution, Optional<String> startedOver) {
        StringBuilder steps = new StringBuilder(String.format("steps of night %s (this run)%n  %-26s %10s %10s %9s %12s",
                runDate, "step", "read", "written", "seconds", "per second"));
        double total = 0;
        for (var step : execution.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(s -> s.getId())).toList()) {
            double seconds = step.getStartTime() == null || step.getEndTime() == null ? 0
                    : java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
            total += seconds;
            long items = Math.max(step.getReadCount(), step.getWriteCount());
            steps.append(String.format("%n  %-26s %10d %10d %9.1f %12s", step.getStepName(), step.getReadCount(),
                    step.getWriteCount(), seconds, seconds > 0 && items > 0 ? String.format("%,.0f", items / seconds)
                            : "-"));
        }
        steps.append(String.format("%n  %-26s %10s %10s %9.1f", "total", "", "", total));
        log.info(steps.toString());
        List<FeedCount> counts = ingestLedger.counts(runDate);
        StringBuilder table = new StringBuilder(String.format("ingest summary for %s%n  %-18s %-24s %9s %9s %9s %9s",
                runDate, "feed", "file", "read", "accepted", "skipped", "rejected"));
        for (FeedCount c : counts) {
            table.append(String.format("%n  %-18s %-24s %9d %9d %9d %9d", c.feed().id(),
                    c.fileName() == null ? "(none)" : c.fileName(), c.rowsRead(), c.accepted(), c.skipped(),
                    c.rejected()));
        }
        startedOver.ifPresent(line -> table.append(String.format("%n  started over: %s", line)));
        log.info(table.toString());
        // rows lost in a merged reject are otherwise only a line of a rejects file (issue 38)
        for (String merged : ingestLedger.mergedRows(runDate)) {
            log.warn("rows lost to a merge: {}", merged);
        }
    }

    /** Sub-folders of the input folder named as dates, oldest first. */
    static TreeSet<LocalDate> dateFolders(Path input) {
        if (!Files.isDirectory(input)) {
            throw new NightRefusedException("input folder " + input + " does not exist");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> children = Files.list(input)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                String name = child.getFileName().toString();
                try {
                    dates.add(LocalDate.parse(name));
                } catch (DateTimeParseException e) {
                    ignored.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
        if (!ignored.isEmpty()) {
            log.warn("ignoring folders of {} not named YYYY-MM-DD: {}", input, ignored);
        }
        return dates;
    }
}
