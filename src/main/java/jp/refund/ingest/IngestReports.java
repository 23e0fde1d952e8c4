package jp.refund.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.refund.shared.CsvOutput;
import org.springframework.stereotype.Component;

/**
 * The ingest outputs of a night: {@code rejects/<feed>.csv} for every feed that had a
 * rejected row, and {@code reports/ingest-summary.csv} with one line per feed.
 */
@Component
public class IngestReports {

    static final String[] REJECT_HEADER = {"line_number", "reason", "field", "message", "raw"};
    static final String[] SUMMARY_HEADER = {"feed", "file", "rows_read", "accepted", "skipped", "rejected"};

    private final IngestLedger ledger;

    IngestReports(IngestLedger ledger) {
        this.ledger = ledger;
    }

    public void write(LocalDate runDate, Path nightFolder) {
        for (Feed feed : Feed.values()) {
            List<FeedReject> rejects = ledger.rejects(runDate, feed);
            if (!rejects.isEmpty()) {
                CsvOutput.write(nightFolder.resolve("rejects").resolve(feed.fileName()), REJECT_HEADER,
                        out -> rejects.forEach(r -> out.accept(new String[]{String.valueOf(r.lineNumber()),
                                r.reason().name(), r.field() == null ? "" : r.field(), r.message(), r.raw()})));
            }
        }
        List<FeedCount> counts = ledger.counts(runDate);
        CsvOutput.write(nightFolder.resolve("reports").resolve("ingest-summary.csv"), SUMMARY_HEADER,
                out -> counts.forEach(c -> out.accept(new String[]{c.feed().id(),
                        c.fileName() == null ? "" : c.fileName(), String.valueOf(c.rowsRead()),
                        String.valueOf(c.accepted()), String.valueOf(c.skipped()), String.valueOf(c.rejected())})));
    }
}
