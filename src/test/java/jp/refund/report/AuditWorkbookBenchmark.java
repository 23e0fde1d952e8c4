package jp.refund.report;

import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.RefundBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the audit workbook takes on a night already run (e.g. the database and folder
 * {@code bench/night.sh} leaves), several times: each run's sheets are logged by the workbook.
 * {@code java -cp ... jp.refund.report.AuditWorkbookBenchmark JDBC_URL RUN_DATE NIGHT_FOLDER [RUNS]}; the
 * workbook is written into a copy's place ({@code reports/} of the folder given), so give a scratch copy.
 */
public final class AuditWorkbookBenchmark {

    public static void main(String[] args) {
        LocalDate runDate = LocalDate.parse(args[1]);
        Path folder = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (ConfigurableApplicationContext context = RefundBatchApplication.start(WebApplicationType.NONE,
                "--spring.datasource.url=" + args[0], "--logging.level.jp.refund=WARN",
                "--logging.level.jp.refund.report=INFO")) {
            AuditWorkbook workbook = context.getBean(AuditWorkbook.class);
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                workbook.write(runDate, folder);
                System.out.printf("audit workbook run %d: %.1f s%n", run, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private AuditWorkbookBenchmark() {
    }
}
