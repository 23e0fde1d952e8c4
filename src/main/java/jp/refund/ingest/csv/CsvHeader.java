package jp.refund.ingest.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of a CSV file checked against the columns it must have: which
 * position holds which column. Column order is free, names are exact, every expected
 * column must be there and no other; {@link #problems()} lists every deviation at once.
 */
public final class CsvHeader {

    private final Map<String, Integer> positions;
    private final int size;
    private final List<String> problems;

    private CsvHeader(Map<String, Integer> positions, int size, List<String> problems) {
        this.positions = positions;
        this.size = size;
        this.problems = List.copyOf(problems);
    }

    public static CsvHeader of(List<String> names, Collection<String> expected) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i);
            if (!expected.contains(name)) {
                unknown.add(name);
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add("column '" + name + "' appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown column" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown));
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(positions.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing column" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
        }
        return new CsvHeader(positions, names.size(), problems);
    }

    /**
     * At most {@value #NAMES_SHOWN} names, each cut: a file without line breaks where the
     * header should be (CR-only line ends) makes every value of the file an "unknown column".
     */
    private static String quoted(Set<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN)
                .map(n -> "'" + (n.length() > 30 ? n.substring(0, 30) + "…" : n) + "'")
                .reduce((a, b) -> a + ", " + b).orElse("");
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }

    private static final int NAMES_SHOWN = 5;

    /** Duplicate, unknown and missing columns, in that order; empty when the header is right. */
    public List<String> problems() {
        return problems;
    }

    /** Number of fields in the header row: every record must have as many. */
    public int size() {
        return size;
    }

    /** The column at a position of the file's header (null for a position no expected column has). */
    public String nameAt(int position) {
        return positions.entrySet().stream().filter(e -> e.getValue() == position).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public int position(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("not a column of this file: " + column);
        }
        return position;
    }
}
