package jp.refund.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * A feed's rule that needs other rows or the book (a second wallet for a member, a check
 * on an unknown application, a return that matches no transfer), checked for the new
 * rows of one chunk at a time.
 */
@FunctionalInterface
interface BookRule {

    BookRule NONE = (candidates, runDate) -> row -> null;

    /** Looks up what the chunk's candidates need; the check then sees rows accepted earlier in the chunk. */
    Check prepare(List<FeedRow> candidates, LocalDate runDate);

    /** The rule for one chunk. */
    interface Check {

        /** Null when the row may be accepted. */
        RowRejection check(FeedRow row);

        default void accepted(FeedRow row) {
        }

        /**
         * The row was rejected (by this rule or another, for its shape or as a conflicting
         * duplicate too), in the chunk's transaction; {@code received} is the record as the file
         * gave it (its cells as received, for what goes back to the sender). {@code row} is null
         * when the record was rejected before it became a row (its shape).
         */
        default void rejected(FeedRow row, FeedRecord received, FeedReject reject) {
        }
    }
}
