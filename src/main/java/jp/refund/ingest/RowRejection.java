package jp.refund.ingest;

/**
 * A row broke a rule: the reason code, the field it is about (null for whole-row
 * problems) and a message a person can act on. Thrown while parsing a row; cheap
 * because it carries no stack trace.
 */
final class RowRejection extends Exception {

    private final RejectReason reason;
    private final String field;

    RowRejection(RejectReason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    RejectReason reason() {
        return reason;
    }

    String field() {
        return field;
    }
}
