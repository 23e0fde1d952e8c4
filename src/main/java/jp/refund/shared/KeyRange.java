package jp.refund.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * One partition of a night's work: the rows whose key is after {@code after} and up to
 * {@code upTo} inclusive, in the order the database sorts the key ({@code after} is empty
 * for the first partition, {@code upTo} null for the last). Consecutive ranges cover every key
 * once, however many partitions there are.
 */
public record KeyRange(String after, String upTo) {

    /**
     * The ranges cut at these upper bounds, in order: {@code ("", b1], (b1, b2], ... (bn, end)}.
     * An empty bound (fewer keys than partitions) makes an empty range.
     */
    public static List<KeyRange> cutAt(List<String> upperBounds) {
        List<KeyRange> ranges = new ArrayList<>(upperBounds.size() + 1);
        String after = "";
        for (String bound : upperBounds) {
            ranges.add(new KeyRange(after, bound));
            after = bound;
        }
        ranges.add(new KeyRange(after, null));
        return ranges;
    }

    /**
     * Where to cut {@code total} keys in key order into {@code partitions} ranges of as equal a
     * size as can be: the 0-based position of the last key of each range but the last, -1
     * for a range that gets no key.
     */
    public static List<Long> cutPositions(long total, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        List<Long> positions = new ArrayList<>(partitions - 1);
        for (int k = 1; k < partitions; k++) {
            positions.add((k * total + partitions - 1) / partitions - 1);
        }
        return positions;
    }

    public boolean contains(String key) {
        return key.compareTo(after) > 0 && (upTo == null || key.compareTo(upTo) <= 0);
    }
}
