package jp.refund.closeout;

import java.util.List;

/** The program cannot be closed out (yet) on that date: nothing was written. */
public class CloseOutRefusedException extends RuntimeException {

    /** What differs from the book, one line each, when the output failed its checks; else empty. */
    private final List<String> differences;

    public CloseOutRefusedException(String message) {
        this(message, List.of());
    }

    CloseOutRefusedException(String message, List<String> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    public List<String> differences() {
        return differences;
    }
}
