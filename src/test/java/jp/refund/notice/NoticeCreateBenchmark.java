package jp.refund.notice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a night's {@code create-notices} step takes on a book a night already decided (e.g.
 * the database {@code bench/night.sh} leaves): forgets the night's notices, then creates them
 * again, several times, and prints each run and the notices per second.
 * {@code java -cp ... jp.refund.notice.NoticeCreateBenchmark JDBC_URL RUN_DATE OUT_DIR [RUNS]}.
 */
public final class NoticeCreateBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        LocalDate runDate = LocalDate.parse(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]).resolve("notices"));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                "--spring.datasource.url=" + url, "--logging.level.jp.refund=WARN")) {
            NightNotices notices = context.getBean(NightNotices.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            for (int run = 1; run <= runs; run++) {
                jdbc.update("DELETE FROM notice WHERE run_date = ?", runDate); // not timed: a first night has none
                long start = System.nanoTime();
                long count = notices.create(runDate, out.getParent());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("create-notices run %d: %,d notices in %.1f s, %,.0f notices/s%n", run, count,
                        seconds, count / seconds);
            }
        }
    }

    private NoticeCreateBenchmark() {
    }
}
