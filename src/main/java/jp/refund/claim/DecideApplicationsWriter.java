package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.refund.ingest.ApplicationRow;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashTestHook;
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
class DecideApplicationsWriter implements ItemWriter<ApplicationRow>, StepExecutionListener {

    private final ClaimBook book;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final LocalDate runDate;
    private ProgressMeter progress;
    private long total;
    private long done;
    /** Last claim serial and event sequence number committed; read once per step execution. */
    private long serial;
    private int seq;

    DecideApplicationsWriter(ClaimBook book, ClaimDecider decider, BankMaster bankMaster, LocalDate runDate) {
        this.book = book;
        this.decider = decider;
        this.bankMaster = bankMaster;
        this.runDate = runDate;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = book.countUndecided();
        serial = book.lastSerial();
        seq = book.lastEventSeq(runDate);
        progress = new ProgressMeter("decisions", "applications");
    }

    @Override
    public void write(Chunk<? extends ApplicationRow> chunk) {
        List<ApplicationRow> applications = new ArrayList<>(chunk.getItems());
        ClaimBook.ChunkBook chunkBook = book.chunkBook(applications, bankMaster);
        // A failed chunk fails the step; its restart is a new step execution that reads both again.
        long serial = this.serial;
        int seq = this.seq;
        List<String> claimNos = new ArrayList<>();
        List<ClaimDecision> decisions = new ArrayList<>();
        List<ClaimEvent> events = new ArrayList<>();
        for (ApplicationRow application : applications) {
            ClaimDecision decision = decider.decide(application, chunkBook);
            String claimNo = ClaimNumber.of(++serial);
            if (decision.status().isLive()) {
                chunkBook.recordLiveClaim(decision.memberId(), decision.account());
            }
            claimNos.add(claimNo);
            decisions.add(decision);
            events.add(new ClaimEvent(runDate, ++seq, claimNo, application.applicationId(), application.channel(),
                    decision.memberId(), decision.status(), Reasons.join(decision.reasons()), decision.amountYen(),
                    application.payoutMethod(), null, null));
        }
        book.insertDecided(applications, claimNos, decisions, runDate);
        book.insertEvents(events);
        this.serial = serial;
        this.seq = seq;
        CrashTestHook.reached("decision-chunk");
        done += applications.size();
        progress.update(done, total > 0 ? (double) done / total : -1);
    }
}
