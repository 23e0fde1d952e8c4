package jp.refund.ingest;

/** closing_balances.csv: a wallet's balance at 2019-09-30 24:00. */
public record WalletRow(String walletId, String memberId, long balanceYen, long disputedYen, boolean compromised)
        implements FeedRow {

    static WalletRow parse(RowFields f) throws RowRejection {
        String walletId = f.key("wallet_id", 40);
        String memberId = f.identifier("member_id");
        long balance = f.amount("balance_yen");
        long disputed = f.amount("disputed_yen");
        if (disputed > balance) {
            throw new RowRejection(RejectReason.INVALID_FORMAT, "disputed_yen",
                    "disputed_yen " + disputed + " is more than balance_yen " + balance);
        }
        return new WalletRow(walletId, memberId, balance, disputed, f.bool("compromised"));
    }

    @Override
    public String key() {
        return walletId;
    }
}
