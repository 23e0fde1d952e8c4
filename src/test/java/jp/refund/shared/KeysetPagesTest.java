package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysetPagesTest {

    /** A "table" of keys 1..rows, paged as the SQL pages it: the next PAGE keys after the last one. */
    private static List<Integer> pageAfter(Integer last, int rows, List<Integer> asked) {
        int after = last == null ? 0 : last;
        asked.add(after);
        return IntStream.rangeClosed(after + 1, Math.min(rows, after + KeysetPages.PAGE)).boxed().toList();
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {0, 1, KeysetPages.PAGE - 1, KeysetPages.PAGE, 2 * KeysetPages.PAGE, 2 * KeysetPages.PAGE + 7})
    void everyRowOnceInOrderAndOnePageAfterTheLastFullOne(int rows) {
        List<Integer> asked = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();

        KeysetPages.<Integer>forEach(last -> pageAfter(last, rows, asked), seen::add);

        assertThat(seen).isEqualTo(IntStream.rangeClosed(1, rows).boxed().toList());
        // pages start after the last row of the page before; a short page (maybe empty) ends it
        assertThat(asked).hasSize(rows / KeysetPages.PAGE + 1);
        assertThat(asked.get(asked.size() - 1)).isEqualTo(rows / KeysetPages.PAGE * KeysetPages.PAGE);
    }

    @org.junit.jupiter.api.Test
    void theIteratorAsksForAPageOnlyWhenThePreviousOneIsUsedUp() {
        List<Integer> asked = new ArrayList<>();
        java.util.Iterator<Integer> rows = KeysetPages.<Integer>iterator(KeysetPages.PAGE, last -> pageAfter(last, 15_000, asked));

        assertThat(asked).isEmpty();
        for (int i = 1; i <= KeysetPages.PAGE; i++) {
            assertThat(rows.next()).isEqualTo(i);
        }
        assertThat(asked).containsExactly(0);
        assertThat(rows.hasNext()).isTrue();
        assertThat(asked).containsExactly(0, KeysetPages.PAGE);
    }
}
