package jp.refund.rehearsal;

/** The attack report cannot be made: the key or the output folders do not fit the book. Nothing was written. */
public class AttackReportException extends RuntimeException {

    AttackReportException(String message) {
        super(message);
    }
}
