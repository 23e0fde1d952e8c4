package jp.refund.ingest;

import static jp.refund.ingest.WalletColumns.MEMBER_ID;
import static jp.refund.ingest.WalletColumns.WALLET_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A member has at most one wallet; a wallet may name a member not yet known. */
record OneWalletPerMember(KeyLookup lookup) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        Map<String, String> walletOfMember = lookup.find("wallet", "member_id", "wallet_id",
                candidates.stream().map(row -> row.get(MEMBER_ID)).toList());
        return new Check() {
            @Override
            public RowRejection check(FeedRow row) {
                String other = walletOfMember.get(row.get(MEMBER_ID));
                return other == null ? null : new RowRejection(RejectReason.CONFLICTING_DUPLICATE, MEMBER_ID.name(),
                        "member " + row.get(MEMBER_ID) + " already has wallet " + other);
            }

            @Override
            public void accepted(FeedRow row) {
                walletOfMember.put(row.get(MEMBER_ID), row.get(WALLET_ID));
            }
        };
    }
}
