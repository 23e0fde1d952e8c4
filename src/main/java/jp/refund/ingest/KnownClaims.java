package jp.refund.ingest;

import static jp.refund.ingest.ConfirmationColumns.CLAIM_NO;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A confirmation must name a claim that exists (else UNKNOWN_CLAIM); its status is the apply step's business. */
record KnownClaims(KeyLookup lookup) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Set<String> known = lookup.find("claim", "claim_no", "claim_no",
                candidates.stream().map(row -> row.get(CLAIM_NO)).distinct().toList()).keySet();
        return row -> known.contains(row.get(CLAIM_NO)) ? null
                : new RowRejection(RejectReason.UNKNOWN_CLAIM, CLAIM_NO.name(),
                        "no claim " + row.get(CLAIM_NO) + " exists");
    }
}
