package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation's buckets and its two columns on a book where every bucket holds a wallet
 * (SPEC section 10): yen add up, and so do wallets — a partly disputed wallet is counted in
 * DISPUTED and in its bucket, a fully disputed or empty one in no bucket.
 */
class ReconciliationTest {

    private static final LocalDate NIGHT = LocalDate.of(2020, 3, 2);

    private JdbcTemplate jdbc;
    private Reconciliation reconciliation;
    private int claims;

    @BeforeEach
    void book() {
        jdbc = MigratedDatabase.create();
        reconciliation = new Reconciliation(jdbc);
        wallet("W01", 1000, 0, "SCHEDULED", "BANK");
        wallet("W02", 2000, 0, "SCHEDULED", "POSTAL");
        wallet("W03", 3000, 500, "PAID", "POSTAL");          // partly disputed, redeemed
        wallet("W04", 4000, 0, "EXPIRED", "POSTAL");
        wallet("W05", 5000, 0, "APPROVED", "BANK");
        wallet("W06", 6000, 0, "PENDING_REVIEW", "BANK");
        wallet("W07", 7000, 0, null, null);                   // never applied
        wallet("W08", 800, 800, "REJECTED", "BANK");          // all disputed: nothing refundable
        wallet("W09", 0, 0, null, null);                      // empty
        wallet("W10", 1000, 0, "RETURNED", "BANK");           // returned: owed again
        wallet("W11", 2000, 1000, null, null);                // partly disputed, never applied
    }

    private void wallet(String walletId, long balance, long disputed, String status, String method) {
        String memberId = "M" + walletId.substring(1);
        jdbc.update("INSERT INTO wallet (wallet_id, member_id, balance_yen, disputed_yen, compromised, content_hash,"
                + " ingested_on, source_line) VALUES (?, ?, ?, ?, FALSE, 'h', ?, 2)", walletId, memberId, balance,
                disputed, NIGHT);
        if (status != null) {
            claims++;
            jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, wallet_id, status,"
                    + " amount_yen, payout_method, submitted_at, decided_on, status_since) VALUES (?, ?, 'APP', ?, ?,"
                    + " ?, ?, ?, ?, ?, ?)", String.format("%010d", claims), "A" + claims, memberId, walletId, status,
                    balance - disputed, method, OffsetDateTime.parse("2019-10-02T10:00:00+09:00"), NIGHT, NIGHT);
        }
    }

    @Test
    void everyBucketHoldsItsWalletsAndBothColumnsAddUp() {
        assertThat(reconciliation.compute()).containsExactly(
                new ReconciliationLine("CLOSING_TOTAL", 11, 31_800),
                new ReconciliationLine("DISPUTED", 3, 2_300),
                new ReconciliationLine("EMITTED_BANK", 1, 1_000),
                new ReconciliationLine("ISSUED_CERTIFICATE", 1, 2_000),
                new ReconciliationLine("REDEEMED_CERTIFICATE", 1, 2_500),
                new ReconciliationLine("EXPIRED_CERTIFICATE", 1, 4_000),
                new ReconciliationLine("APPROVED_UNSCHEDULED", 1, 5_000),
                new ReconciliationLine("PENDING_REVIEW", 1, 6_000),
                new ReconciliationLine("UNCLAIMED", 3, 9_000),
                new ReconciliationLine("DIFFERENCE", 0, 0));
    }

    @Test
    void aWalletHeldByTwoLiveClaimsShowsInTheWalletColumnAndStopsTheNight() {
        // W01 is emitted by bank; a second live claim on it (what the decisions never allow) counts it twice
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, wallet_id, status, amount_yen,"
                + " payout_method, submitted_at, decided_on, status_since) VALUES ('9999999999', 'A99', 'APP', 'M01',"
                + " 'W01', 'APPROVED', 1000, 'BANK', ?, ?, ?)", OffsetDateTime.parse("2019-10-02T10:00:00+09:00"),
                NIGHT, NIGHT);
        assertThat(reconciliation.compute()).last().isEqualTo(new ReconciliationLine("DIFFERENCE", -1, -1_000));
        assertThatThrownBy(() -> reconciliation.check(NIGHT)).isInstanceOf(BooksDoNotBalanceException.class)
                .hasMessageContaining("DIFFERENCE is -1 wallet(s), -1000 yen");
    }
}
