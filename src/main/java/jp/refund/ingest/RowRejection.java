package jp.refund.ingest;

/**
 * A row broke a rule: the reason code, the field it is about (null for whole-row
 * problems) and a message a person can act on. Thrown while parsing a row; cheap
 * because it carries no stack trace.
 */
public final class RowRejection extends Exception {

    private final RejectReason reason;
    private final String field;

    public RowRejection(RejectReason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
