package jp.refund.database;

/**
 * The book could not be migrated, in one line that names the cause and what to do (issue 38):
 * the command prints this message, not the start-up failure around it.
 */
public class BookMigrationException extends RuntimeException {

    BookMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
