package jp.refund.job;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** A night that started and failed; running the same date again resumes it. */
public class NightFailedException extends RuntimeException {

    public NightFailedException(String message) {
        super(message);
    }

    /**
     * With what the step failed of, for the log file. A JDBC batch reports the row that failed
     * as its "next exception", which no cause chain reaches (H2: "Check constraint invalid"
     * names the constraint, the next exception why): those are added as suppressed, so the
     * log shows them.
     */
    public NightFailedException(String message, Throwable failure) {
        super(message, failure);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                     next = next.getNextException()) {
                    addSuppressed(next);
                }
            }
        }
    }
}
