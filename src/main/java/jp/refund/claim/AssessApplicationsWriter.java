package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.refund.reference.BankMaster;
import jp.refund.shared.CrashPoint;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The partitioned pass of a night's decisions: assesses a chunk of one partition's
 * applications against the registry ({@link ClaimDecider#assess}) and keeps the assessments
 * for the ordered pass. It reads no claim and numbers nothing, so partitions may run in any
 * order, at once, and again after a crash (a kept assessment is not read again).
 */
public class AssessApplicationsWriter implements ItemWriter<Application> {

    /** The crash test's moment: a chunk of assessments written, transaction not committed. */
    static final String WRITTEN = "assessment-chunk";

    private final DecisionBook book;
    private final ApplicationAssessments assessments;
    private final ClaimDecider decider;
    private final BankMaster bankMaster;
    private final LocalDate runDate;
    private final CrashPoint crashPoint;

    AssessApplicationsWriter(DecisionBook book, ApplicationAssessments assessments, ClaimDecider decider,
                             BankMaster bankMaster, LocalDate runDate, CrashPoint crashPoint) {
        this.book = book;
        this.assessments = assessments;
        this.decider = decider;
        this.bankMaster = bankMaster;
        this.runDate = runDate;
        this.crashPoint = crashPoint;
    }

    @Override
    public void write(Chunk<? extends Application> chunk) {
        List<Application> applications = new ArrayList<>(chunk.getItems());
        DecisionBook.ChunkBook registry = book.registry(applications, bankMaster);
        List<ApplicationAssessment> assessed = new ArrayList<>(applications.size());
        for (Application application : applications) {
            assessed.add(decider.assess(application, registry));
        }
        assessments.save(runDate, assessed);
        crashPoint.reached(WRITTEN);
    }
}
