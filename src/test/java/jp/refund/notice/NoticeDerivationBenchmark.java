package jp.refund.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import jp.refund.RefundBatchApplication;
import jp.refund.shared.KeyRange;
import jp.refund.shared.ParallelTasks;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long deriving a decided night's notices takes with each way of finding the members
 * ({@link MemberRecipients.Lookup}), alternated round by round on the same database: the
 * derivation only (the night's changes read in claim ranges on 2 threads as the step does, no
 * notice stored), so the book is not changed between runs and the ways compare in one hour.
 * {@code java -cp ... jp.refund.notice.NoticeDerivationBenchmark JDBC_URL RUN_DATE [ROUNDS]}.
 */
public final class NoticeDerivationBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        LocalDate runDate = LocalDate.parse(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int threads = 2;
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                "--spring.datasource.url=" + url, "--logging.level.jp.refund=WARN")) {
            NoticeDerivation derivation = context.getBean(NoticeDerivation.class);
            Recipients rule = context.getBean(Recipients.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            NoticeDerivation.Changes changes = derivation.changes(runDate, threads);
            for (int round = 1; round <= rounds; round++) {
                for (MemberRecipients.Lookup lookup : List.of(MemberRecipients.Lookup.PER_CHANGE,
                        MemberRecipients.Lookup.WHOLE_REGISTRY)) {
                    long start = System.nanoTime();
                    MemberRecipients members = MemberRecipients.forNight(jdbc, runDate, rule, lookup, changes.count());
                    double registry = (System.nanoTime() - start) / 1e9;
                    AtomicLong notices = new AtomicLong();
                    List<Callable<Long>> ranges = new ArrayList<>();
                    for (KeyRange claims : changes.claimRanges()) {
                        ranges.add(() -> {
                            derivation.forEachCaused(runDate, claims, members, n -> notices.incrementAndGet(), n -> {
                            });
                            return 0L;
                        });
                    }
                    ParallelTasks.run(threads, ranges, "deriving notices");
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d %-14s %,d changes, %,d notices in %.1f s (registry %.1f s)%n", round,
                            lookup, changes.count(), notices.get(), seconds, registry);
                }
            }
        }
    }

    private NoticeDerivationBenchmark() {
    }
}
