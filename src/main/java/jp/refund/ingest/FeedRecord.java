package jp.refund.ingest;

import java.util.List;
import jp.refund.ingest.csv.CsvHeader;
import jp.refund.ingest.csv.CsvRecord;

/**
 * One record of a feed file as read, with the file's header that names its fields: the
 * item an ingest step reads. Public only as the item type of the ingest steps' reader
 * and parser; what it holds is for this package.
 */
public final class FeedRecord {

    private final CsvHeader header;
    private final CsvRecord record;

    FeedRecord(CsvHeader header, CsvRecord record) {
        this.header = header;
        this.record = record;
    }

    CsvHeader header() {
        return header;
    }

    /** The physical line the record starts on (header = 1). */
    int lineNumber() {
        return record.lineNumber();
    }

    List<String> fields() {
        return record.fields();
    }

    /** The cell of {@code column} exactly as the file gave it (after CSV unquoting). */
    String cell(String column) {
        return record.fields().get(header.position(column));
    }

    /** The record's text for the rejects file, invalid bytes shown as {@code \xNN}. */
    String raw() {
        return record.raw();
    }

    /** The physical lines the record spans. */
    int lineCount() {
        return record.lineCount();
    }

    boolean validEncoding() {
        return record.validEncoding();
    }

    boolean unterminatedQuote() {
        return record.unterminatedQuote();
    }

    /** The record's first quote where RFC 4180 allows none, or null. */
    CsvRecord.StrayQuote strayQuote() {
        return record.strayQuote();
    }
}
