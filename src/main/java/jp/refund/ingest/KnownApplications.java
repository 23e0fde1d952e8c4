package jp.refund.ingest;

import static jp.refund.ingest.IdentityCheckColumns.APPLICATION_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An identity check must name an application delivered this night or before. */
record KnownApplications(KeyLookup lookup) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Set<String> known = lookup.find("application", "application_id", "application_id",
                candidates.stream().map(row -> row.get(APPLICATION_ID)).toList()).keySet();
        return row -> known.contains(row.get(APPLICATION_ID)) ? null
                : new RowRejection(RejectReason.UNKNOWN_APPLICATION, APPLICATION_ID.name(),
                        "no application " + row.get(APPLICATION_ID) + " was ever delivered");
    }
}
