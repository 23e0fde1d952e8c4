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

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_CLOSED }

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private State state = State.FIELD_START;
    private CsvRecord.StrayQuote strayQuote;

    /**
     * Reads the record's next physical line; true when the record is complete, false when a
     * quoted field runs on into the next line.
     */
    boolean add(String line, int lineNumber) {
        if (state == State.QUOTED) {
            field.append('\n');
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (c == ',') {
                        endField();
                    } else if (c == '"' && state == State.FIELD_START) {
                        state = State.QUOTED;
                    } else {
                        if (c == '"') {
                            stray(lineNumber);
                        }
                        field.append(c);
                        state = State.UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c != '"') {
                        field.append(c);
                    } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        state = State.QUOTE_CLOSED;
                    }
                }
                case QUOTE_CLOSED -> {
                    if (c == ',') {
                        endField();
                    } else {
                        stray(lineNumber); // the quote before c did not end the field
                        field.append(c);
                        state = State.UNQUOTED;
                    }
                }
            }
        }
        if (state == State.QUOTED) {
            return false;
        }
        endField();
        return true;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        state = State.FIELD_START;
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
