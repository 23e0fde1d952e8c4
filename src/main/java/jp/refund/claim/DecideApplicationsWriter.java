package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.ProgressMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides a chunk of applications in order and records each as a claim with its first
 * event. Every decision sees the ones before it, in its chunk and before (a second
 * application of a member is a duplicate). Claim numbers follow the order of decision, so a
 * repeated or resumed run numbers every claim the same.
 *
 * <p>The book a decision reads is held in memory for the whole step ({@link NightDecisionBook},
 * read from the database when the step execution starts, so a restart reads what was
 * committed); a chunk only writes.
 *
 * <p>On a partitioned night the registry half of each decision was made before, in
 * partitions ({@link AssessApplicationsWriter}); this pass takes those assessments (and makes
 * any that are missing) and adds the rules that cross applications, in the one order.
 */
public class DecideApplicationsWriter implements ItemWriter<Application>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DecideApplicationsWriter.class);

    private final DecisionBook book;
    private final ApplicationAssessments assessments;
    private final ClaimLifecycle lifecycle;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final LocalDate runDate;
    private final CrashPoint crashPoint;
    /** Whether a partitioned pass assessed the night's applications before (else every one is assessed here). */
    private final boolean assessedInPartitions;
    private final ConfirmationSettings confirmation;
    /** The book's connection for the claim tables' secondary indexes ({@link ClaimIndexes}). */
    private final JdbcTemplate jdbc;
    /**
     * The book in memory, read when the step starts: on a one-step night the registry and the
     * live claims; on a partitioned night the live claims (the registry half was assessed before).
     */
    private NightDecisionBook nightBook;
    private ProgressMeter progress;
    private long total;
    private long done;

    DecideApplicationsWriter(DecisionBook book, ApplicationAssessments assessments, ClaimLifecycle lifecycle, ClaimDecider decider,
                             BankMaster bankMaster, LocalDate runDate, CrashPoint crashPoint,
                             boolean assessedInPartitions, ConfirmationSettings confirmation, JdbcTemplate jdbc) {
        this.book = book;
        this.assessments = assessments;
        this.lifecycle = lifecycle;
        this.decider = decider;
        this.bankMaster = bankMaster;
        this.runDate = runDate;
        this.crashPoint = crashPoint;
        this.assessedInPartitions = assessedInPartitions;
        this.confirmation = confirmation;
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = book.countUndecided();
        if (total > 0 && ClaimIndexes.builtInBulk(jdbc)) {
            long existing = book.countClaims();
            if (ClaimIndexes.worthRebuilding(total, existing)) {
                // after a killed load some are gone already; the step's end builds every missing one
                ClaimIndexes.dropAll(jdbc);
                log.info("decisions: {} application(s) to add to {} claim(s): the claim tables' secondary indexes"
                        + " are dropped for the load and built again after it", total, existing);
            }
        }
        nightBook = total == 0 ? null : readNightBook();
        progress = new ProgressMeter("decisions", "applications");
    }

    private NightDecisionBook readNightBook() {
        long start = System.nanoTime();
        NightDecisionBook read = assessedInPartitions ? book.concludingBook(bankMaster, decider.review())
                : book.nightBook(bankMaster, decider.review());
        log.info("decisions: {} read in {} s", assessedInPartitions ? "the live claims"
                        : "the registry, the web applicants' candidates and the live claims",
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return read;
    }

    /** Builds every secondary index the load dropped (also after a failed chunk: the book stays usable). */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long start = System.nanoTime();
        Set<ClaimIndexes> built = ClaimIndexes.createMissing(jdbc);
        if (!built.isEmpty()) {
            log.info("decisions: {} secondary index(es) built in {} s", built.size(),
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
        return stepExecution.getExitStatus();
    }

    @Override
    public void write(Chunk<? extends Application> chunk) {
        List<Application> applications = new ArrayList<>(chunk.getItems());
        if (!assessedInPartitions) {
            decideInMemory(applications);
        } else {
            decideAssessed(applications);
        }
        crashPoint.reached("decision-chunk");
        done += applications.size();
        progress.update(done, total > 0 ? (double) done / total : -1);
    }

    /** Every rule against the book in memory, in order; the chunk's claims written in one batch. */
    private void decideInMemory(List<Application> applications) {
        List<ClaimDecision> decisions = new ArrayList<>(applications.size());
        for (Application application : applications) {
            ClaimDecision decision = awaitingConfirmationIfRequired(
                    decider.conclude(decider.assess(application, nightBook), application, nightBook));
            if (decision.status().isLive()) {
                nightBook.recordLiveClaim(decision, application);
            }
            decisions.add(decision);
        }
        lifecycle.decide(runDate, applications, decisions, confirmation.deadline(runDate));
    }

    /** The partitioned night's ordered pass: assessments made before, the rules that cross applications here. */
    private void decideAssessed(List<Application> applications) {
        Map<String, ApplicationAssessment> stored = assessments.madeOn(runDate, applications);
        List<Application> unassessed = applications.stream().filter(a -> !stored.containsKey(a.applicationId()))
                .toList();
        DecisionBook.ChunkBook registry = unassessed.isEmpty() ? null : book.registry(unassessed, bankMaster);
        List<ApplicationAssessment> assessed = new ArrayList<>(applications.size());
        for (Application application : applications) {
            ApplicationAssessment kept = stored.get(application.applicationId());
            assessed.add(kept != null ? kept : decider.assess(application, registry));
        }
        List<ClaimDecision> decisions = new ArrayList<>(applications.size());
        for (int i = 0; i < applications.size(); i++) {
            Application application = applications.get(i);
            ClaimDecision decision = awaitingConfirmationIfRequired(
                    decider.conclude(assessed.get(i), application, nightBook));
            if (decision.status().isLive()) {
                nightBook.recordLiveClaim(decision, application);
            }
            decisions.add(decision);
        }
        lifecycle.decide(runDate, applications, decisions, confirmation.deadline(runDate));
        if (!stored.isEmpty()) {
            assessments.forget(applications);
        }
    }

    /** With confirmation required, an approval waits for the applicant (SPEC section 9), with the same reasons. */
    private ClaimDecision awaitingConfirmationIfRequired(ClaimDecision d) {
        if (!confirmation.required() || d.status() != ClaimStatus.APPROVED) {
            return d;
        }
        return new ClaimDecision(ClaimStatus.AWAITING_CONFIRMATION, d.reasons(), d.memberId(), d.walletId(),
                d.amountYen(), d.account(), d.holderName());
    }
}
