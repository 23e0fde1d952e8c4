package jp.refund.closeout;

/** The program cannot be closed out (yet) on that date: nothing was written. */
public class CloseOutRefusedException extends RuntimeException {

    public CloseOutRefusedException(String message) {
        super(message);
    }
}
