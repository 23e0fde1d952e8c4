package jp.refund.ingest;

import static jp.refund.ingest.ConfirmationColumns.ANSWERED_AT;
import static jp.refund.ingest.ConfirmationColumns.CLAIM_NO;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A confirmation cannot be answered after the night it arrives in (IMPOSSIBLE_TIMESTAMP) and must
 * name a claim that exists (else UNKNOWN_CLAIM); its status is the apply step's business.
 */
record KnownClaims(KeyLookup lookup) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Set<String> known = lookup.find("claim", "claim_no", "claim_no",
                candidates.stream().map(row -> row.get(CLAIM_NO)).distinct().toList()).keySet();
        return row -> {
            RowRejection future = NightDates.afterTheNight(ANSWERED_AT, row.get(ANSWERED_AT), runDate);
            if (future != null) {
                return future;
            }
            return known.contains(row.get(CLAIM_NO)) ? null
                    : new RowRejection(RejectReason.UNKNOWN_CLAIM, CLAIM_NO.name(),
                            "no claim " + row.get(CLAIM_NO) + " exists");
        };
    }
}
