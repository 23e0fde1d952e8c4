package jp.refund.ingest;

import static jp.refund.ingest.BankReturnColumns.AMOUNT_YEN;
import static jp.refund.ingest.BankReturnColumns.CLAIM_NO;
import static jp.refund.ingest.BankReturnColumns.VALUE_DATE;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.claim.EmittedTransfers;

/**
 * A bank return must name a bank transfer emitted on an earlier night, with that
 * transfer's value date and amount, and a transfer is returned at most once.
 */
record EmittedTransferReturns(KeyLookup lookup, EmittedTransfers emittedTransfers) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        List<String> claims = candidates.stream().map(row -> row.get(CLAIM_NO)).distinct().toList();
        Map<String, EmittedTransfers.Transfer> transfers = emittedTransfers.emittedBefore(claims, runDate);
        Set<String> returned = new HashSet<>(lookup.find("bank_return", "claim_no", "claim_no", claims).keySet());
        return new Check() {
            @Override
            public RowRejection check(FeedRow row) {
                String claimNo = row.get(CLAIM_NO);
                LocalDate valueDate = row.get(VALUE_DATE);
                long amountYen = row.get(AMOUNT_YEN);
                EmittedTransfers.Transfer transfer = transfers.get(claimNo);
                if (transfer == null) {
                    return unmatched(CLAIM_NO, "no bank transfer was emitted for claim " + claimNo);
                }
                if (returned.contains(claimNo)) {
                    return unmatched(CLAIM_NO, "the transfer of claim " + claimNo + " was already returned");
                }
                if (!transfer.valueDate().equals(valueDate)) {
                    return unmatched(VALUE_DATE, "the transfer of claim " + claimNo + " has value date "
                            + transfer.valueDate() + ", not " + valueDate);
                }
                if (transfer.amountYen() != amountYen) {
                    return unmatched(AMOUNT_YEN, "the transfer of claim " + claimNo + " was "
                            + transfer.amountYen() + " yen, not " + amountYen);
                }
                return null;
            }

            @Override
            public void accepted(FeedRow row) {
                returned.add(row.get(CLAIM_NO));
            }
        };
    }

    private static RowRejection unmatched(FeedColumn<?> column, String message) {
        return new RowRejection(RejectReason.UNMATCHED_RETURN, column.name(), message);
    }
}
