package jp.refund.claim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.refund.shared.CsvOutput;
import org.springframework.stereotype.Component;

/**
 * {@code reports/claim-events.csv} (every status change of the night, the first
 * decision included) and {@code reports/review-queue.csv} (every claim pending review
 * after the night, with its flags and since when: the back office's work list).
 */
@Component
public class ClaimReports {

    static final String[] EVENTS_HEADER = {"run_date", "claim_no", "application_id", "channel", "member_id",
            "status", "reasons", "amount_yen", "payout_method", "payout_date", "reference"};
    static final String[] REVIEW_HEADER = {"claim_no", "application_id", "channel", "member_id", "amount_yen",
            "payout_method", "flags", "pending_since", "submitted_at"};

    /** ISO-8601 with seconds always written (OffsetDateTime.toString drops zero seconds). */
    static final DateTimeFormatter TIMESTAMP = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendOffset("+HH:MM", "Z").toFormatter();

    private final ClaimBook book;

    ClaimReports(ClaimBook book) {
        this.book = book;
    }

    public void write(LocalDate runDate, Path nightFolder) {
        writeEvents(runDate, nightFolder);
        List<ClaimBook.PendingClaim> pending = book.pendingReview();
        CsvOutput.write(nightFolder.resolve("reports/review-queue.csv"), REVIEW_HEADER, out -> pending.forEach(p ->
                out.accept(new String[]{p.claimNo(), p.applicationId(), p.channel().name(), text(p.memberId()),
                        String.valueOf(p.amountYen()), p.payoutMethod().name(), text(p.flags()),
                        p.pendingSince().toString(), TIMESTAMP.format(p.submittedAt())})));
    }

    /** The night's events: they never change once the night is done. */
    public void writeEvents(LocalDate runDate, Path nightFolder) {
        CsvOutput.write(nightFolder.resolve("reports/claim-events.csv"), EVENTS_HEADER, out -> book.forEachEvent(runDate, e ->
                out.accept(new String[]{e.runDate().toString(), e.claimNo(), e.applicationId(), e.channel().name(),
                        text(e.memberId()), e.status().name(), text(e.reasons()), String.valueOf(e.amountYen()),
                        e.payoutMethod().name(), e.payoutDate() == null ? "" : e.payoutDate().toString(),
                        text(e.reference())})));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
