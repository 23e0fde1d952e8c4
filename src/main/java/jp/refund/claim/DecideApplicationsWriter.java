package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.ProgressMeter;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Decides a chunk of applications in order and records each as a claim with its first
 * event. Decisions inside a chunk see each other (a second application of a member is a
 * duplicate even in the same chunk). Claim numbers follow the order of decision, so a
 * repeated or resumed run numbers every claim the same.
 */
public class DecideApplicationsWriter implements ItemWriter<Application>, StepExecutionListener {

    private final DecisionBook book;
    private final ClaimLifecycle lifecycle;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final LocalDate runDate;
    private final CrashPoint crashPoint;
    private final ConfirmationSettings confirmation;
    private ProgressMeter progress;
    private long total;
    private long done;

    DecideApplicationsWriter(DecisionBook book, ClaimLifecycle lifecycle, ClaimDecider decider,
                             BankMaster bankMaster, LocalDate runDate, CrashPoint crashPoint,
                             ConfirmationSettings confirmation) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.decider = decider;
        this.bankMaster = bankMaster;
        this.runDate = runDate;
        this.crashPoint = crashPoint;
        this.confirmation = confirmation;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = book.countUndecided();
        progress = new ProgressMeter("decisions", "applications");
    }

    @Override
    public void write(Chunk<? extends Application> chunk) {
        List<Application> applications = new ArrayList<>(chunk.getItems());
        DecisionBook.ChunkBook chunkBook = book.chunkBook(applications, bankMaster);
        List<ClaimDecision> decisions = new ArrayList<>(applications.size());
        for (Application application : applications) {
            ClaimDecision decision = awaitingConfirmationIfRequired(decider.decide(application, chunkBook));
            if (decision.status().isLive()) {
                chunkBook.recordLiveClaim(decision.memberId(), decision.account());
            }
            decisions.add(decision);
        }
        lifecycle.decide(runDate, applications, decisions, confirmation.deadline(runDate));
        crashPoint.reached("decision-chunk");
        done += applications.size();
        progress.update(done, total > 0 ? (double) done / total : -1);
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
