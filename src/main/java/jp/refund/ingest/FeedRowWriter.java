package jp.refund.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.refund.shared.CrashPoint;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Decides the fate of each parsed row of a chunk and records it: a key seen before
 * (accepted on an earlier night, or any earlier row of this file, accepted or rejected by a
 * book rule) with the same content is skipped, with other content it is a conflicting
 * duplicate; new rows then pass the rules that need the book, each key by its first row
 * only; the rest is accepted. Counts and rejects go in the same transaction.
 */
class FeedRowWriter implements ItemWriter<ParsedRow> {

    /** The crash test's moment: a chunk's rows written, its transaction not committed. */
    static final String CHUNK_WRITTEN = "ingest-chunk";

    private final FeedTable table;
    private final IngestLedger ledger;
    private final LocalDate runDate;
    private final CrashPoint crashPoint;
    /**
     * Keys of this file's rows that a book rule rejected, with their content hash (accepted rows are
     * in the table): SPEC section 3's "ingested before" includes earlier rows of the same file, so a
     * later row of such a key is skipped (same content) or CONFLICTING_DUPLICATE, never judged again.
     */
    private final Map<String, String> rejectedEarlierInFile = new HashMap<>();

    FeedRowWriter(FeedTable table, IngestLedger ledger, LocalDate runDate, CrashPoint crashPoint) {
        this.crashPoint = crashPoint;
        this.table = table;
        this.ledger = ledger;
        this.runDate = runDate;
    }

    @Override
    public void write(Chunk<? extends ParsedRow> chunk) {
        List<String> keys = new ArrayList<>();
        for (ParsedRow parsed : chunk) {
            if (parsed.row() != null) {
                keys.add(parsed.row().key());
            }
        }
        Map<String, String> knownHashes = new HashMap<>(table.contentHashes(keys));
        knownHashes.putAll(rejectedEarlierInFile);
        // the book rule judges only new keys, each by its first row: a later row of the same key is a
        // duplicate (skipped or CONFLICTING_DUPLICATE) and must not take, say, a claim's one reissue
        List<FeedRow> candidates = new ArrayList<>();
        Set<String> firstRows = new HashSet<>();
        for (ParsedRow parsed : chunk) {
            if (parsed.row() != null && !knownHashes.containsKey(parsed.row().key())
                    && firstRows.add(parsed.row().key())) {
                candidates.add(parsed.row());
            }
        }
        BookRule.Check book = table.bookRule().prepare(candidates, runDate);
        List<ParsedRow> accepted = new ArrayList<>();
        List<FeedReject> rejects = new ArrayList<>();
        long skipped = 0;
        long lines = 0;
        long rejectedLines = 0;
        for (ParsedRow parsed : chunk) {
            lines += parsed.source().lineCount();
            switch (decide(parsed, knownHashes, book, accepted, rejects)) {
                case SKIPPED -> skipped++;
                case REJECTED -> rejectedLines += parsed.source().lineCount();
                case ACCEPTED -> { }
            }
        }
        table.insert(accepted, runDate);
        ledger.add(runDate, table.feed(), new IngestLedger.ChunkCounts(chunk.size(), lines, accepted.size(), skipped,
                rejectedLines), rejects);
        crashPoint.reached(CHUNK_WRITTEN);
    }

    private enum Fate { ACCEPTED, SKIPPED, REJECTED }

    /** Adds the row to the accepted or the rejected ones, or skips it (delivered before with the same content). */
    private Fate decide(ParsedRow parsed, Map<String, String> knownHashes, BookRule.Check book,
                        List<ParsedRow> accepted, List<FeedReject> rejects) {
        if (parsed.rejection() != null) {
            FeedReject reject = FeedReject.of(parsed.source(), parsed.rejection());
            rejects.add(reject);
            book.rejected(null, parsed.source(), reject); // a cashing refused for its shape is still a cashing
            return Fate.REJECTED;
        }
        FeedRow row = parsed.row();
        String known = knownHashes.get(row.key());
        if (Objects.equals(known, parsed.contentHash())) {
            return Fate.SKIPPED;
        }
        if (known != null) {
            FeedReject reject = FeedReject.of(parsed.source(), new RowRejection(RejectReason.CONFLICTING_DUPLICATE,
                    table.feed().keyColumn(), table.feed().keyColumn() + " " + row.key()
                    + " was delivered before with different content"));
            rejects.add(reject);
            book.rejected(row, parsed.source(), reject);
            return Fate.REJECTED;
        }
        RowRejection rejection = book.check(row);
        if (rejection != null) {
            FeedReject reject = FeedReject.of(parsed.source(), rejection);
            rejects.add(reject);
            book.rejected(row, parsed.source(), reject);
            // an earlier row of the file all the same: a later one with its key is a duplicate of it
            knownHashes.put(row.key(), parsed.contentHash());
            rejectedEarlierInFile.put(row.key(), parsed.contentHash());
            return Fate.REJECTED;
        }
        book.accepted(row);
        knownHashes.put(row.key(), parsed.contentHash());
        accepted.add(parsed);
        return Fate.ACCEPTED;
    }
}
