package jp.refund.claim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import jp.refund.ingest.ApplicationRow;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The applications not decided yet, oldest submission first, read a page at a time after
 * the last one read (keyset paging along the application_submitted index). One cursor over
 * the whole list made H2 build the 1.2 M-row result of a full night in a temporary file
 * before the first decision and read it back from there; a page walks the index and stops.
 *
 * <p>Restart needs no saved position: a decided application has a claim, and the query
 * leaves it out. Each page is read after the previous chunk has committed.
 */
class UndecidedApplications implements ItemReader<ApplicationRow> {

    private final ClaimBook book;
    private final int pageSize;
    private final Deque<ApplicationRow> page = new ArrayDeque<>();
    private ApplicationRow last;
    private boolean exhausted;

    UndecidedApplications(ClaimBook book, int pageSize) {
        this.book = book;
        this.pageSize = pageSize;
    }

    @Override
    public ApplicationRow read() {
        if (page.isEmpty() && !exhausted) {
            List<ApplicationRow> next = book.undecidedAfter(last, pageSize);
            exhausted = next.size() < pageSize;
            if (!next.isEmpty()) {
                last = next.get(next.size() - 1);
                page.addAll(next);
            }
        }
        return page.poll();
    }
}
