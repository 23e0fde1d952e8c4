package jp.refund.shared;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a large ordered result a page at a time: each page is the next {@link #PAGE} rows
 * after the last row of the previous one, in the order of an index ({@code WHERE key > ?
 * ORDER BY key FETCH FIRST ? ROWS ONLY}, the ORDER BY naming the index's columns).
 *
 * <p>Why: H2 builds the whole result of a query before handing over its first row, and a
 * result of more than about 80,000 rows (MAX_MEMORY_ROWS at -Xmx2g) goes to a temporary
 * file first. A full night's 1.3 M events were written there and read back twice. A page
 * walks the index and stops at the page size; each page stays in memory.
 */
public final class KeysetPages {

    /** Rows per page; pass it as the FETCH FIRST parameter. */
    public static final int PAGE = 10_000;

    private KeysetPages() {
    }

    /**
     * Gives {@code action} every row of the pages {@code pageAfter} returns: first
     * {@code pageAfter(null)}, then the page after the last row of each full page.
     */
    public static <T> void forEach(Function<T, List<T>> pageAfter, Consumer<? super T> action) {
        T last = null;
        while (true) {
            List<T> page = pageAfter.apply(last);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }
}
