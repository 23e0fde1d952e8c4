package jp.refund.bankfile;

/** A Zengin record or file that breaks the format, naming the record, the field and the byte position. */
public class ZenginFormatException extends RuntimeException {

    private final String record;
    private final String field;
    private final int position;

    public ZenginFormatException(String record, String field, int position, String message) {
        super(record + (field == null ? "" : " field " + field) + (position > 0 ? " (byte " + position + ")" : "")
                + ": " + message);
        this.record = record;
        this.field = field;
        this.position = position;
    }

    public String record() {
        return record;
    }

    public String field() {
        return field;
    }

    /** 1-based byte position of the field in its record (0 when the whole file is meant). */
    public int position() {
        return position;
    }
}
