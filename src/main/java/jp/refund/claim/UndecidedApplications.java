package jp.refund.claim;

import java.util.Iterator;
import jp.refund.shared.KeysetPages;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The applications not decided yet, oldest submission first, read a page at a time after
 * the last one read ({@link KeysetPages} along the application_submitted index).
 * One cursor over the whole list made H2 build the whole result of a full night in a
 * temporary file before the first decision and read it back from there.
 *
 * <p>Restart needs no saved position: a decided application has a claim, and the query
 * leaves it out.
 */
class UndecidedApplications implements ItemReader<Application> {

    private final Iterator<Application> applications;

    UndecidedApplications(DecisionBook book, int pageSize) {
        this.applications = KeysetPages.iterator(pageSize, last -> book.undecidedAfter(last, pageSize));
    }

    @Override
    public Application read() {
        return applications.hasNext() ? applications.next() : null;
    }
}
