package jp.refund.ingest.csv;

import java.io.IOException;

/**
 * A quoted field that does not end where a field can end: it runs past its line into a
 * line that reads as a record of its own, or over more lines or bytes than any real field
 * holds. One damaged quote would otherwise swallow the records that follow into a single
 * rejected row, so the file is broken, not one row. The message names lines, never content.
 */
public final class RunawayQuoteException extends IOException {

    private final int startLine;

    RunawayQuoteException(int startLine, String message) {
        super(message);
        this.startLine = startLine;
    }

    /** The physical line where the quoted field's record starts. */
    public int startLine() {
        return startLine;
    }
}
