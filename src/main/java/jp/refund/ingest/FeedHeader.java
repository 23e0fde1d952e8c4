package jp.refund.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of a feed file: which position holds which column. Column order is
 * free, names are exact, every column of the feed must be there and no other.
 */
public final class FeedHeader {

    private final Map<String, Integer> positions;
    private final int size;

    private FeedHeader(Map<String, Integer> positions, int size) {
        this.positions = positions;
        this.size = size;
    }

    /** Checks the header against the feed; names the file and every problem at once. */
    static FeedHeader of(Feed feed, String fileName, String[] names) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i];
            if (!feed.columns().contains(name)) {
                unknown.add(name);
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add("column '" + name + "' appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown column" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown));
        }
        Set<String> missing = new LinkedHashSet<>(feed.columns());
        missing.removeAll(positions.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing column" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
        }
        if (!problems.isEmpty()) {
            throw new BrokenFeedException(fileName + " line 1: not a " + feed.id() + " header: "
                    + String.join("; ", problems));
        }
        return new FeedHeader(positions, names.length);
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }

    int size() {
        return size;
    }

    int position(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("not a column of this feed: " + column);
        }
        return position;
    }
}
