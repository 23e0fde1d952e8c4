package jp.refund.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the accepted rows of one feed are kept, and the rules that need other rows
 * or the book (a second wallet for a member, a check on an unknown application, a
 * return that matches no transfer).
 */
public interface FeedTable<R extends FeedRow> {

    Feed feed();

    /** The shape checks of SPEC section 3 for one row. */
    R parse(RowFields fields) throws RowRejection;

    /** Content hash of every already ingested row among these keys. */
    Map<String, String> contentHashes(Collection<String> keys);

    /**
     * Rules that need the book, for the new rows of one chunk. The check sees rows
     * accepted earlier in the same chunk through {@link BookCheck#accepted}.
     */
    default BookCheck<R> bookCheck(List<R> candidates, LocalDate runDate) {
        return BookCheck.none();
    }

    void insert(List<ParsedRow<R>> rows, LocalDate runDate);

    /** Removes what the given night ingested into this table (a broken night leaves no trace). */
    int deleteIngestedOn(LocalDate runDate);

    /** Cross-row rules for one chunk. */
    interface BookCheck<R> {

        /** Null when the row may be accepted. */
        RowRejection check(R row);

        default void accepted(R row) {
        }

        static <R> BookCheck<R> none() {
            return row -> null;
        }
    }
}
