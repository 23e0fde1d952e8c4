package jp.refund.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a large ordered result a page at a time: each page is the next rows after the last
 * row of the previous one, in the order of an index ({@code WHERE key > ? ORDER BY key FETCH
 * FIRST ? ROWS ONLY}, the ORDER BY naming the index's columns).
 *
 * <p>Why: H2 builds the whole result of a query before handing over its first row, and a
 * result of more than about 80,000 rows (MAX_MEMORY_ROWS at -Xmx2g) goes to a temporary
 * file first. A full night's events were written there and read back twice. A page
 * walks the index and stops at the page size; each page stays in memory.
 */
public final class KeysetPages {

    /** Rows per page of {@link #forEach}; pass it as the FETCH FIRST parameter. */
    public static final int PAGE = 10_000;

    private KeysetPages() {
    }

    /**
     * Gives {@code action} every row of the pages {@code pageAfter} returns: first
     * {@code pageAfter(null)}, then the page after the last row of each full page of {@link #PAGE}.
     */
    public static <T> void forEach(Function<T, List<T>> pageAfter, Consumer<? super T> action) {
        iterator(PAGE, pageAfter).forEachRemaining(action);
    }

    /**
     * The rows of those pages one at a time; a page is asked for only when the one before is
     * used up (a batch reader's next page then sees what the previous chunk committed).
     */
    public static <T> Iterator<T> iterator(int pageSize, Function<T, List<T>> pageAfter) {
        return new Iterator<>() {
            private final Deque<T> page = new ArrayDeque<>();
            private T last;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    List<T> next = pageAfter.apply(last);
                    exhausted = next.size() < pageSize;
                    if (!next.isEmpty()) {
                        last = next.get(next.size() - 1);
                        page.addAll(next);
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.poll();
            }
        };
    }
}
