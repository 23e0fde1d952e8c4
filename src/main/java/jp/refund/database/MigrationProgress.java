package jp.refund.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * The version of the migration that started last, for the error line of one that failed: after a
 * full disk the database cannot be asked which one it was (issue 38).
 */
@Component
class MigrationProgress implements Callback {

    private volatile String version;

    /** The version of the migration that started last, or null before the first. */
    String version() {
        return version;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (context.getMigrationInfo() != null && context.getMigrationInfo().getVersion() != null) {
            version = context.getMigrationInfo().getVersion().getVersion();
        }
    }

    @Override
    public String getCallbackName() {
        return "migration progress";
    }
}
