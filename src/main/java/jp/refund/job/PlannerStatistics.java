package jp.refund.job;

import java.util.List;
import javax.sql.DataSource;
import jp.refund.shared.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After each step of the night on PostgreSQL, refreshes the planner's statistics of every table
 * the night has changed by more than a tenth since they were last taken ({@code ANALYZE}).
 *
 * <p>Why: PostgreSQL plans a statement the night prepares once and reuses the plan. Planned
 * while the statistics still described the empty table of before the night's bulk load, the
 * scheduler's update of each claim by its number walked the status index instead of the
 * primary key for each row, and the night stalled in scheduling
 * (docs/benchmarks/2026-12-07-planner-statistics-and-indexes.md). Autovacuum takes them too, but
 * up to a minute later. H2 keeps its own selectivity up to date as rows change, so nothing is done
 * there.
 */
@Component
class PlannerStatistics implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** Below this many changed rows a table's statistics are left to autovacuum. */
    private static final long MIN_CHANGED_ROWS = 1_000;

    private final JdbcTemplate jdbc;
    private Boolean postgres;

    PlannerStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (!onPostgres()) {
            return step.getExitStatus();
        }
        List<String> stale = jdbc.queryForList("SELECT quote_ident(schemaname) || '.' || quote_ident(relname)"
                + " FROM pg_stat_user_tables WHERE schemaname = current_schema() AND n_mod_since_analyze >= ?"
                + " AND n_mod_since_analyze * 10 >= n_live_tup ORDER BY relname", String.class, MIN_CHANGED_ROWS);
        if (!stale.isEmpty()) {
            long start = System.nanoTime();
            for (String table : stale) {
                jdbc.execute("ANALYZE " + table);
            }
            log.debug("after step {}: statistics of {} refreshed in {} ms", step.getStepName(), stale,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return step.getExitStatus();
    }

    private boolean onPostgres() {
        if (postgres == null) {
            postgres = DatabaseKind.of(jdbc) == DatabaseKind.POSTGRESQL;
        }
        return postgres;
    }
}
