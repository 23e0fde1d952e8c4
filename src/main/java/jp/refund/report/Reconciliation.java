package jp.refund.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.ConfirmationSettings;
import jp.refund.claim.PayoutMethod;
import jp.refund.shared.CsvOutput;
import jp.refund.shared.KeysetPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Money conservation over the whole book (SPEC section 4):
 * {@code Σ balance = Σ disputed + emitted by bank (not returned) + certificates issued
 * + approved not yet scheduled + pending review + unclaimed}, to the yen.
 *
 * <p>Buckets of SPEC section 10, each wallet with something refundable in exactly one:
 * EMITTED_BANK, ISSUED_CERTIFICATE (scheduled, not redeemed), REDEEMED_CERTIFICATE (PAID),
 * EXPIRED_CERTIFICATE, AWAITING_CONFIRMATION (SPEC section 9), APPROVED_UNSCHEDULED, PENDING_REVIEW,
 * UNCLAIMED. The wallet column adds
 * up as the yen do: DIFFERENCE is (wallets with refundable &gt; 0) − (wallets in the buckets), so
 * a partly disputed wallet counts in DISPUTED and in its bucket, an empty or wholly disputed one
 * in no bucket.
 *
 * <p>Each bucket is counted on its own: claim buckets from the live claims joined to
 * their wallets (a wallet with two live claims would be counted twice and show up in
 * DIFFERENCE), UNCLAIMED from the wallets with something refundable and no live claim.
 */
@Component
public class Reconciliation {

    static final String[] HEADER = {"bucket", "wallets", "amount_yen"};
    static final List<String> CLAIM_BUCKETS = List.of("EMITTED_BANK", "ISSUED_CERTIFICATE", "REDEEMED_CERTIFICATE",
            "EXPIRED_CERTIFICATE", "AWAITING_CONFIRMATION", "APPROVED_UNSCHEDULED", "PENDING_REVIEW");
    /**
     * SPEC section 9's bucket: its line is written when confirmation is required or a claim awaits
     * one, so a book that never used confirmation keeps the file's bytes.
     */
    static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";

    private final JdbcTemplate jdbc;
    private final boolean confirmationRequired;

    Reconciliation(JdbcTemplate jdbc) {
        this(jdbc, new ConfirmationSettings(false, 30, 7));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Reconciliation(JdbcTemplate jdbc, ConfirmationSettings confirmation) {
        this.jdbc = jdbc;
        this.confirmationRequired = confirmation.required();
    }

    public List<ReconciliationLine> compute() {
        Totals totals = new Totals();
        // Live claims sorted by wallet here, then merged with the wallets in their key order. H2
        // would sort the live claims of a full night on disk; written as joins, it probed one
        // table's index for each row of the other (figures: docs/benchmarks/2026-12-07-figures-from-code-comments.md).
        List<LiveClaim> claims = new ArrayList<>();
        KeysetPages.<ClaimRow>forEach(last -> jdbc.query("SELECT claim_no, wallet_id, status, payout_method,"
                        + " amount_yen FROM claim WHERE claim_no > ? ORDER BY claim_no FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new ClaimRow(rs.getString(1), rs.getString(2), ClaimStatus.valueOf(rs.getString(3)),
                        PayoutMethod.valueOf(rs.getString(4)), rs.getLong(5)),
                last == null ? "" : last.claimNo(), KeysetPages.PAGE), claim -> {
                    if (claim.walletId() != null && claim.status().isLive()) {
                        claims.add(new LiveClaim(claim.walletId(), bucket(claim.status(), claim.payoutMethod()),
                                claim.amountYen()));
                    }
                });
        claims.sort(Comparator.comparing(LiveClaim::walletId));
        int[] next = {0};
        KeysetPages.<WalletBalance>forEach(last -> jdbc.query("SELECT wallet_id, balance_yen, disputed_yen FROM wallet"
                        + " WHERE wallet_id > ? ORDER BY wallet_id FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new WalletBalance(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                last == null ? "" : last.walletId(), KeysetPages.PAGE), wallet -> {
                    // claims of wallets that do not exist count nowhere, as in the join they replace
                    while (next[0] < claims.size() && claims.get(next[0]).walletId().compareTo(wallet.walletId()) < 0) {
                        next[0]++;
                    }
                    int live = 0;
                    while (next[0] < claims.size() && claims.get(next[0]).walletId().equals(wallet.walletId())) {
                        LiveClaim claim = claims.get(next[0]++);
                        if (wallet.balance() > wallet.disputed()) {
                            totals.claim(claim.bucket(), claim.amountYen());
                        }
                        live++;
                    }
                    totals.wallet(wallet.balance(), wallet.disputed(), live);
                });
        return totals.lines(confirmationRequired);
    }

    private record ClaimRow(String claimNo, String walletId, ClaimStatus status, PayoutMethod payoutMethod,
                            long amountYen) {
    }

    private record WalletBalance(String walletId, long balance, long disputed) {
    }

    /** A claim that holds money for its wallet: pending review, approved, or scheduled. */
    private record LiveClaim(String walletId, String bucket, long amountYen) {
    }

    private static String bucket(ClaimStatus status, PayoutMethod payoutMethod) {
        return switch (status) {
            case SCHEDULED -> payoutMethod == PayoutMethod.BANK ? "EMITTED_BANK" : "ISSUED_CERTIFICATE";
            case PAID -> "REDEEMED_CERTIFICATE";
            case EXPIRED -> "EXPIRED_CERTIFICATE";
            case APPROVED -> "APPROVED_UNSCHEDULED";
            case PENDING_REVIEW -> "PENDING_REVIEW";
            case AWAITING_CONFIRMATION -> AWAITING_CONFIRMATION;
            default -> throw new IllegalArgumentException("a " + status + " claim holds no money");
        };
    }

    /** The buckets as the merge fills them. */
    private static final class Totals {
        private long wallets;
        private long balanceYen;
        private long disputedWallets;
        private long disputedYen;
        private long refundableWallets;
        private long refundableYen;
        private long unclaimedWallets;
        private long unclaimedYen;
        private final Map<String, long[]> claimed = new LinkedHashMap<>();

        Totals() {
            CLAIM_BUCKETS.forEach(b -> claimed.put(b, new long[2]));
        }

        void claim(String bucket, long amountYen) {
            long[] c = claimed.get(bucket);
            c[0]++;
            c[1] += amountYen;
        }

        void wallet(long balance, long disputed, int liveClaims) {
            wallets++;
            balanceYen += balance;
            if (disputed > 0) {
                disputedWallets++;
                disputedYen += disputed;
            }
            if (balance > disputed) {
                refundableWallets++;
                refundableYen += balance - disputed;
                if (liveClaims == 0) {
                    unclaimedWallets++;
                    unclaimedYen += balance - disputed;
                }
            }
        }

        List<ReconciliationLine> lines(boolean confirmationRequired) {
            List<ReconciliationLine> lines = new ArrayList<>();
            lines.add(new ReconciliationLine("CLOSING_TOTAL", wallets, balanceYen));
            lines.add(new ReconciliationLine("DISPUTED", disputedWallets, disputedYen));
            long bucketWallets = unclaimedWallets;
            long bucketYen = unclaimedYen;
            for (Map.Entry<String, long[]> c : claimed.entrySet()) {
                if (c.getKey().equals(AWAITING_CONFIRMATION) && !confirmationRequired && c.getValue()[0] == 0) {
                    continue;
                }
                lines.add(new ReconciliationLine(c.getKey(), c.getValue()[0], c.getValue()[1]));
                bucketWallets += c.getValue()[0];
                bucketYen += c.getValue()[1];
            }
            lines.add(new ReconciliationLine("UNCLAIMED", unclaimedWallets, unclaimedYen));
            lines.add(new ReconciliationLine("DIFFERENCE", refundableWallets - bucketWallets,
                    balanceYen - disputedYen - bucketYen));
            return lines;
        }
    }

    /**
     * Computes the night's reconciliation, fails when the DIFFERENCE line is not 0,0, and keeps
     * the lines as the night's (in the caller's transaction): what the report and the workbook show.
     */
    public List<ReconciliationLine> check(LocalDate runDate) {
        List<ReconciliationLine> lines = compute();
        ReconciliationLine difference = lines.get(lines.size() - 1);
        if (difference.wallets() != 0 || difference.amountYen() != 0) {
            throw new BooksDoNotBalanceException("the book does not balance: DIFFERENCE is " + difference.wallets()
                    + " wallet(s), " + difference.amountYen() + " yen (" + lines + "); no file was written");
        }
        jdbc.update("DELETE FROM night_reconciliation WHERE run_date = ?", runDate);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Object[]{runDate, i, lines.get(i).bucket(), lines.get(i).wallets(), lines.get(i).amountYen()});
        }
        jdbc.batchUpdate("INSERT INTO night_reconciliation (run_date, line_no, bucket, wallets, amount_yen)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        return lines;
    }

    /** A night that starts over from its ingest (issue 38): the lines it checked go, in the caller's transaction. */
    public void forgetNight(LocalDate runDate) {
        jdbc.update("DELETE FROM night_reconciliation WHERE run_date = ?", runDate);
    }

    /** The lines the night's balance check kept; empty if that check has not run for the night. */
    public List<ReconciliationLine> recorded(LocalDate runDate) {
        return jdbc.query("SELECT bucket, wallets, amount_yen FROM night_reconciliation WHERE run_date = ?"
                + " ORDER BY line_no", (rs, i) -> new ReconciliationLine(rs.getString(1), rs.getLong(2),
                rs.getLong(3)), runDate);
    }

    /** The night's checked lines; checked now if the night has none (a night checked before they were kept). */
    public List<ReconciliationLine> checked(LocalDate runDate) {
        List<ReconciliationLine> lines = recorded(runDate);
        return lines.isEmpty() ? check(runDate) : lines;
    }

    public void write(LocalDate runDate, Path nightFolder) {
        List<ReconciliationLine> lines = checked(runDate);
        CsvOutput.write(nightFolder.resolve("reports/reconciliation.csv"), HEADER, out -> lines.forEach(l ->
                out.accept(new String[]{l.bucket(), String.valueOf(l.wallets()), String.valueOf(l.amountYen())})));
    }

}
