package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRangeTest {

    @Test
    void tenKeysInFourRangesAreCutIntoThreeThreeTwoTwo() {
        assertThat(KeyRange.cutPositions(10, 4)).containsExactly(2L, 4L, 7L);
        assertThat(KeyRange.cutAt(List.of("c", "e", "h"))).containsExactly(new KeyRange("", "c"),
                new KeyRange("c", "e"), new KeyRange("e", "h"), new KeyRange("h", null));
    }

    @Test
    void oneRangeIsEveryKey() {
        assertThat(KeyRange.cutPositions(1_200_000, 1)).isEmpty();
        assertThat(KeyRange.cutAt(List.of())).containsExactly(new KeyRange("", null));
        assertThat(new KeyRange("", null).contains("A-000001")).isTrue();
    }

    @Test
    void fewerKeysThanRangesLeaveSomeRangesEmpty() {
        assertThat(KeyRange.cutPositions(0, 3)).containsExactly(-1L, -1L);
        assertThat(KeyRange.cutPositions(2, 4)).containsExactly(0L, 0L, 1L);
    }

    /** Every key falls in exactly one range, whatever the count of keys and of ranges. */
    @ParameterizedTest(name = "{0} keys in {1} ranges")
    @CsvSource({"0,1", "0,4", "1,4", "3,4", "4,4", "10,4", "97,7", "1000,16"})
    void everyKeyIsInExactlyOneRange(int total, int partitions) {
        List<String> keys = IntStream.range(0, total).mapToObj(i -> String.format("P%010d", i)).toList();
        List<String> bounds = KeyRange.cutPositions(total, partitions).stream()
                .map(p -> p < 0 ? "" : keys.get(p.intValue())).toList();
        List<KeyRange> ranges = KeyRange.cutAt(bounds);

        assertThat(ranges).hasSize(partitions);
        for (String key : keys) {
            assertThat(ranges.stream().filter(r -> r.contains(key))).as(key).hasSize(1);
        }
        assertThat(ranges.stream().mapToLong(r -> keys.stream().filter(r::contains).count()).max().orElse(0))
                .isLessThanOrEqualTo((total + partitions - 1) / partitions);
    }
}
