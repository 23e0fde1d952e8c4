package jp.refund.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.CsvOutput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Money conservation over the whole book (SPEC section 4):
 * {@code Σ balance = Σ disputed + emitted by bank (not returned) + certificates issued
 * + approved not yet scheduled + pending review + unclaimed}, to the yen.
 *
 * <p>Each bucket is counted on its own: claim buckets from the live claims joined to
 * their wallets (a wallet with two live claims would be counted twice and show up in
 * DIFFERENCE), UNCLAIMED from the wallets with something refundable and no live claim.
 */
@Component
public class Reconciliation {

    static final String[] HEADER = {"bucket", "wallets", "amount_yen"};
    static final List<String> CLAIM_BUCKETS = List.of("EMITTED_BANK", "ISSUED_CERTIFICATE", "APPROVED_UNSCHEDULED",
            "PENDING_REVIEW");

    private final JdbcTemplate jdbc;

    Reconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReconciliationLine> compute() {
        List<ReconciliationLine> lines = new ArrayList<>();
        ReconciliationLine closing = line("CLOSING_TOTAL",
                "SELECT COUNT(*), COALESCE(SUM(balance_yen), 0) FROM wallet");
        ReconciliationLine disputed = line("DISPUTED",
                "SELECT COUNT(*), COALESCE(SUM(disputed_yen), 0) FROM wallet WHERE disputed_yen > 0");
        lines.add(closing);
        lines.add(disputed);
        Map<String, ReconciliationLine> claimed = new LinkedHashMap<>();
        CLAIM_BUCKETS.forEach(b -> claimed.put(b, new ReconciliationLine(b, 0, 0)));
        jdbc.query("SELECT CASE WHEN c.status = 'SCHEDULED' AND c.payout_method = 'BANK' THEN 'EMITTED_BANK'"
                + " WHEN c.status = 'SCHEDULED' THEN 'ISSUED_CERTIFICATE'"
                + " WHEN c.status = 'APPROVED' THEN 'APPROVED_UNSCHEDULED' ELSE 'PENDING_REVIEW' END AS bucket,"
                + " COUNT(*), SUM(c.amount_yen) FROM claim c JOIN wallet w ON w.wallet_id = c.wallet_id"
                + " WHERE c.status IN ('PENDING_REVIEW', 'APPROVED', 'SCHEDULED') AND w.balance_yen > w.disputed_yen"
                + " GROUP BY bucket", rs -> {
                    claimed.put(rs.getString(1), new ReconciliationLine(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                });
        lines.addAll(claimed.values());
        ReconciliationLine unclaimed = line("UNCLAIMED", "SELECT COUNT(*), COALESCE(SUM(w.balance_yen - w.disputed_yen), 0)"
                + " FROM wallet w WHERE w.balance_yen > w.disputed_yen AND NOT EXISTS (SELECT 1 FROM claim c"
                + " WHERE c.wallet_id = w.wallet_id AND c.status IN ('PENDING_REVIEW', 'APPROVED', 'SCHEDULED'))");
        lines.add(unclaimed);
        ReconciliationLine refundable = line("REFUNDABLE",
                "SELECT COUNT(*), COALESCE(SUM(balance_yen - disputed_yen), 0) FROM wallet WHERE balance_yen > disputed_yen");
        long bucketWallets = unclaimed.wallets();
        long bucketYen = unclaimed.amountYen();
        for (ReconciliationLine c : claimed.values()) {
            bucketWallets += c.wallets();
            bucketYen += c.amountYen();
        }
        lines.add(new ReconciliationLine("DIFFERENCE", refundable.wallets() - bucketWallets,
                closing.amountYen() - disputed.amountYen() - bucketYen));
        return lines;
    }

    /** Fails when the DIFFERENCE line is not 0,0. */
    public List<ReconciliationLine> check() {
        List<ReconciliationLine> lines = compute();
        ReconciliationLine difference = lines.get(lines.size() - 1);
        if (difference.wallets() != 0 || difference.amountYen() != 0) {
            throw new BooksDoNotBalanceException("the book does not balance: DIFFERENCE is " + difference.wallets()
                    + " wallet(s), " + difference.amountYen() + " yen (" + lines + "); no file was written");
        }
        return lines;
    }

    public void write(Path nightFolder) {
        List<ReconciliationLine> lines = check();
        CsvOutput.write(nightFolder.resolve("reports/reconciliation.csv"), HEADER, out -> lines.forEach(l ->
                out.accept(new String[]{l.bucket(), String.valueOf(l.wallets()), String.valueOf(l.amountYen())})));
    }

    private ReconciliationLine line(String bucket, String sql) {
        return jdbc.queryForObject(sql, (rs, i) -> new ReconciliationLine(bucket, rs.getLong(1), rs.getLong(2)));
    }
}
