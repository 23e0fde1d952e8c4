package jp.refund.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The migration crash test's seam (issue 38): with {@code refund.crash-test.fail-migration=<version>}
 * the migration to that version fails after its statements ran, as a full disk would (the
 * command puts the book's copy back itself); with {@code <version>:kill} it stops there as a
 * kill would, leaving the copy for the next command. Empty (the default): nothing happens.
 */
@Component
class MigrationCrashTest implements Callback {

    /** Stands for the end of the process: nothing catches it on its way out. */
    static final class Killed extends Error {
        Killed(String message) {
            super(message);
        }
    }

    private final String version;
    private final boolean kill;

    MigrationCrashTest(@Value("${refund.crash-test.fail-migration:}") String failMigration) {
        this.kill = failMigration.endsWith(":kill");
        this.version = kill ? failMigration.substring(0, failMigration.length() - ":kill".length()) : failMigration;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE && !version.isEmpty();
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
            if (kill) {
                throw new Killed(what);
            }
            throw new IllegalStateException(what + " (as a full disk would)");
        }
    }

    @Override
    public String getCallbackName() {
        return "migration crash test";
    }
}
