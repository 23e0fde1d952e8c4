package jp.refund.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The migration crash test's seam (issue 38), set by {@code refund.crash-test.fail-migration}:
 * <ul>
 *   <li>{@code <version>}: the migration to that version fails after its statements ran, as a
 *       full disk would (the command puts the book's copy back itself);</li>
 *   <li>{@code <version>:kill}: it stops there with an error nothing catches, as a kill would,
 *       leaving the copy for the next command (for tests that run the command in their own JVM);</li>
 *   <li>{@code <version>:halt}: the JVM halts there — no finally block, no shutdown hook, exactly
 *       as after {@code kill -9} — with the migration's statements committed (H2 commits each DDL
 *       statement) and Flyway's history not yet written;</li>
 *   <li>{@code copy:halt}: the JVM halts while the copy before migrating is being written
 *       (the whole file written under its temporary name, not yet renamed).</li>
 * </ul>
 * Empty (the default): nothing happens.
 */
@Component
class MigrationCrashTest implements Callback {

    /** Stands for the end of the process: nothing catches it on its way out. */
    static final class Killed extends Error {
        Killed(String message) {
            super(message);
        }
    }

    private enum Stop { FAIL, KILL, HALT }

    private static final String COPY = "copy";

    private final String version;
    private final Stop stop;

    MigrationCrashTest(@Value("${refund.crash-test.fail-migration:}") String failMigration) {
        int colon = failMigration.indexOf(':');
        this.version = colon < 0 ? failMigration : failMigration.substring(0, colon);
        this.stop = colon < 0 ? Stop.FAIL : switch (failMigration.substring(colon + 1)) {
            case "kill" -> Stop.KILL;
            case "halt" -> Stop.HALT;
            default -> throw new IllegalArgumentException("refund.crash-test.fail-migration: " + failMigration
                    + " is not <version>, <version>:kill, <version>:halt or copy:halt");
        };
    }

    /** Reached once the copy before migrating is written under its temporary name. */
    void copyWritten() {
        if (COPY.equals(version) && stop == Stop.HALT) {
            halt("crash test: halting while copying the book before migrating it");
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE && !version.isEmpty() && !COPY.equals(version);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (context.getMigrationInfo() != null && context.getMigrationInfo().getVersion() != null
                && context.getMigrationInfo().getVersion().getVersion().equals(version)) {
            String what = "crash test: migration " + version + " stopped after its statements";
            switch (stop) {
                case HALT -> halt("crash test: halting in migration " + version + " (its statements ran)");
                case KILL -> throw new Killed(what);
                case FAIL -> throw new IllegalStateException(what + " (as a full disk would)");
            }
        }
    }

    private static void halt(String what) {
        System.err.println(what);
        System.err.flush();
        Runtime.getRuntime().halt(137);
    }

    @Override
    public String getCallbackName() {
        return "migration crash test";
    }
}
