package jp.refund.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the physical lines of one record into its RFC 4180 fields. A field is either
 * unquoted, holding no quote, or quoted from its first to its last character, a quote
 * inside it doubled; only a quoted field may hold a comma or a line break (kept as LF,
 * whatever ended the line in the file).
 *
 * <p>A stray quote, one that breaks those rules (inside an unquoted field, {@code ab"c}, or
 * closing a quoted field that goes on, {@code "ab"c}), is noted ({@link #strayQuote()}) and
 * read on as text to the next comma or line end, wherever the field stands: the record keeps
 * its own line and width, and the rows after it are read as they are. Only a quote that opens
 * a field may run past its line.
 */
final class FieldSplitter {

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inQuotes; // a quoted field runs on into the next line
    private CsvRecord.StrayQuote strayQuote;

    /**
     * Reads the record's next physical line; true when the record is complete, false when a
     * quoted field runs on into the next line.
     */
    boolean add(String line, int lineNumber) {
        int n = line.length();
        int i = 0;
        boolean runsOn = inQuotes; // the line starts inside the quoted field of the line before
        if (runsOn) {
            field.append('\n');
        }
        while (true) {
            int end;
            if (runsOn) {
                end = quoted(line, 0, lineNumber);
                runsOn = false;
            } else {
                end = i < n && line.charAt(i) == '"' ? quoted(line, i + 1, lineNumber) : unquoted(line, i, lineNumber);
            }
            if (end < 0) {
                return false;
            }
            endField();
            if (end == n) {
                return true;
            }
            i = end + 1;
        }
    }

    /** Reads an unquoted field from {@code from}; returns where it ends (its comma, or the line's end). */
    private int unquoted(String line, int from, int lineNumber) {
        int comma = line.indexOf(',', from);
        int end = comma < 0 ? line.length() : comma;
        int quote = line.indexOf('"', from);
        if (quote >= 0 && quote < end) {
            stray(lineNumber);
        }
        field.append(line, from, end);
        return end;
    }

    /**
     * Reads a quoted field's text from {@code from}, just after its opening quote or at the start
     * of a line it runs on into; returns where the field ends (its comma, or the line's end), or
     * -1 when the line ends inside the quotes.
     */
    private int quoted(String line, int from, int lineNumber) {
        int i = from;
        while (true) {
            int quote = line.indexOf('"', i);
            if (quote < 0) {
                field.append(line, i, line.length());
                inQuotes = true;
                return -1;
            }
            field.append(line, i, quote);
            if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                field.append('"');
                i = quote + 2;
                continue;
            }
            inQuotes = false;
            int after = quote + 1;
            if (after == line.length() || line.charAt(after) == ',') {
                return after;
            }
            stray(lineNumber); // the quote did not end the field: it and what follows are text
            field.append('"');
            return unquoted(line, after, lineNumber);
        }
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void stray(int lineNumber) {
        if (strayQuote == null) {
            strayQuote = new CsvRecord.StrayQuote(fields.size() + 1, lineNumber);
        }
    }

    /** The fields completed so far (all of them once {@link #add} returned true). */
    List<String> fields() {
        return fields;
    }

    /** The first stray quote of the record, or null. */
    CsvRecord.StrayQuote strayQuote() {
        return strayQuote;
    }
}
