package jp.refund.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Support look-up latency on a night's database, as the status service runs them
 * ({@link ClaimLookup#find}: the claims found, their accounts, masking and history).
 * Keys are sampled from the database itself (every n-th row, so the sample is spread over
 * the whole book); each kind is warmed up, then timed one look-up at a time.
 * <pre>java -cp ... jp.refund.status.LookupBenchmark JDBC_URL [LOOKUPS_PER_KIND=2000]</pre>
 * Prints p50/p99/max per kind for {@code bench/night.sh}.
 */
public final class LookupBenchmark {

    public static void main(String[] args) {
        String url = args[0];
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                "--spring.datasource.url=" + url, "--logging.level.root=WARN",
                // a fixed pool: nothing opens connections while the look-ups are timed
                "--spring.datasource.hikari.maximum-pool-size=2", "--spring.datasource.hikari.minimum-idle=2")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ClaimLookup lookup = context.getBean(ClaimLookup.class);
            long claims = jdbc.queryForObject("SELECT COUNT(*) FROM claim", Long.class);
            long step = Math.max(1, claims / perKind);
            Map<String, String> sampleSql = Map.of(
                    "claimNo", "SELECT claim_no FROM claim",
                    "memberId", "SELECT member_id FROM claim WHERE member_id IS NOT NULL",
                    // after a night every application has its claim
                    "phone", "SELECT phone FROM application",
                    "email", "SELECT email FROM application");
            System.out.printf(Locale.ROOT, "lookups on %,d claims, %d per kind%n", claims, perKind);
            for (String kind : List.of("claimNo", "memberId", "phone", "email")) {
                List<String> keys = new ArrayList<>();
                long[] row = {0};
                jdbc.query(sampleSql.get(kind), rs -> {
                    if (row[0]++ % step == 0 && keys.size() < perKind) {
                        keys.add(rs.getString(1));
                    }
                });
                long found = 0;
                for (int i = 0; i < Math.min(200, keys.size()); i++) {
                    found += lookup.find(kind, keys.get(i)).size();
                }
                long[] nanos = new long[keys.size()];
                found = 0;
                for (int i = 0; i < keys.size(); i++) {
                    long start = System.nanoTime();
                    found += lookup.find(kind, keys.get(i)).size();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "lookup.%s p50=%.2f ms p99=%.2f ms max=%.2f ms (%d lookups, %d claims found)%n",
                        kind, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                        nanos[nanos.length - 1] / 1e6, keys.size(), found);
            }
        }
    }
}
