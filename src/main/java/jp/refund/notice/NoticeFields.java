package jp.refund.notice;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A notice's placeholders: text values by name, written as one JSON object with sorted keys
 * and no spaces ({@code {"amount_yen":"8000","claim_no":"1000000001"}}), so the same notice
 * is always the same bytes. Read back by {@link #parse} (only this shape is ever written).
 */
public final class NoticeFields {

    private NoticeFields() {
    }

    public static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        SortedMap<String, String> sorted = fields instanceof SortedMap<String, String> s && s.comparator() == null
                ? s : new TreeMap<>(fields);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, e.getKey());
            json.append(':');
            quote(json, e.getValue());
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The fields of a {@link #json} string. */
    public static SortedMap<String, String> parse(String json) {
        SortedMap<String, String> fields = new TreeMap<>();
        int[] at = {json.indexOf('{') + 1};
        while (true) {
            skipSpace(json, at);
            if (at[0] >= json.length() || json.charAt(at[0]) == '}') {
                return Collections.unmodifiableSortedMap(fields);
            }
            if (json.charAt(at[0]) == ',') {
                at[0]++;
                skipSpace(json, at);
            }
            String key = string(json, at);
            skipSpace(json, at);
            at[0]++; // ':'
            skipSpace(json, at);
            fields.put(key, string(json, at));
        }
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static String string(String s, int[] at) {
        if (s.charAt(at[0]) != '"') {
            throw new IllegalArgumentException("not a notice's fields: " + s);
        }
        StringBuilder out = new StringBuilder();
        int i = at[0] + 1;
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        at[0] = i + 1;
        return out.toString();
    }
}
