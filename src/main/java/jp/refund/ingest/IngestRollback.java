package jp.refund.ingest;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back everything a night's ingest kept, so that a night stopped by a broken
 * file leaves no trace and runs again as if for the first time once the file is fixed.
 */
@Service
public class IngestRollback {

    private final FeedTables tables;
    private final IngestLedger ledger;

    IngestRollback(FeedTables tables, IngestLedger ledger) {
        this.tables = tables;
        this.ledger = ledger;
    }

    @Transactional
    public void forgetNight(LocalDate runDate) {
        for (Feed feed : Feed.values()) {
            tables.of(feed).deleteIngestedOn(runDate);
        }
        ledger.deleteNight(runDate);
        tables.deleteRedemptionAlerts(runDate);
    }
}
