package jp.refund.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the accepted rows of one feed are kept: key look-up, batch insert (PostgreSQL:
 * {@code COPY}, {@link FeedCopy}) and the
 * night's clean-up, all from the feed's {@link FeedLayout}; plus the feed's
 * {@link BookRule}.
 */
record FeedTable(Feed feed, BookRule bookRule, KeyLookup lookup) {

    /** Content hash of every already ingested row among these keys. */
    Map<String, String> contentHashes(Collection<String> keys) {
        FeedLayout layout = feed.layout();
        return lookup.find(layout.table(), layout.key().sqlColumn(), "content_hash", keys);
    }

    void insert(List<ParsedRow> rows, LocalDate runDate) {
        if (rows.isEmpty()) {
            return;
        }
        FeedLayout layout = feed.layout();
        if (FeedCopy.into(lookup.jdbc(), layout, rows, runDate)) {
            return;
        }
        lookup.jdbc().batchUpdate(layout.insertSql(), rows, rows.size(), (ps, parsed) -> layout.bind(ps,
                parsed.row(), parsed.contentHash(), runDate, parsed.source().lineNumber()));
    }

    /** Removes what the given night ingested into this table (a broken night leaves no trace). */
    int deleteIngestedOn(LocalDate runDate) {
        FeedLayout layout = feed.layout();
        return lookup.jdbc().update(layout.deleteSql(), layout.deleteArguments(runDate));
    }
}
