package jp.refund.ingest.csv;

import java.util.List;

/**
 * One RFC 4180 record as read: the physical line it starts on, its decoded fields in
 * file order, and its raw text (lines joined by LF, invalid bytes as {@code \xNN}).
 * A record spans several physical lines when a quoted field holds a line break.
 *
 * @param validEncoding false when a byte of the record is not valid in the charset
 * @param unterminatedQuote true when the file ended inside a quoted field
 * @param lineCount the physical lines the record spans (1 unless a quoted field holds a line break)
 * @param strayQuote the record's first quote where RFC 4180 allows none, or null
 */
public record CsvRecord(int lineNumber, List<String> fields, String raw, boolean validEncoding,
                        boolean unterminatedQuote, int lineCount, StrayQuote strayQuote) {

    /**
     * A quote inside an unquoted field ({@code ab"c}) or after the closing quote of a quoted one
     * ({@code "ab"c}): the field's position in the file's header order (from 1) and the physical
     * line it is on.
     */
    public record StrayQuote(int field, int line) {
    }

    /** The physical lines after the first, as read: where a quoted field ran on. */
    public List<String> continuationLines() {
        if (lineCount == 1) {
            return List.of();
        }
        List<String> lines = List.of(raw.split("\n", -1));
        return lines.subList(1, lines.size());
    }
}
