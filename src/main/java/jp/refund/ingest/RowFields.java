package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Named, checked access to the fields of one record: the shape rules of SPEC section 3
 * that the {@link ColumnRule}s of the feeds' declarations apply
 * (required, digits and lengths, dates, timestamps with offset, fixed value lists).
 * Every check that fails throws a {@link RowRejection} naming the field.
 * An empty cell is an absent value.
 */
final class RowFields {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PHONE = Pattern.compile("[0-9]+(-[0-9]+)*");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{7}|[0-9]{3}-[0-9]{4}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{1,20}");
    private static final int MAX_AMOUNT_DIGITS = 15;

    private final FeedRecord record;

    private RowFields(FeedRecord record) {
        this.record = record;
    }

    /** Checks the record as a whole (encoding, quoting, column count) before any field. */
    public static RowFields of(FeedRecord record) throws RowRejection {
        if (!record.validEncoding()) {
            throw new RowRejection(RejectReason.INVALID_ENCODING, null,
                    "bytes that are not valid in the feed's charset (shown as \\xNN in raw)");
        }
        if (record.unterminatedQuote()) {
            throw new RowRejection(RejectReason.INVALID_FORMAT, null, "a quoted field is never closed");
        }
        if (record.strayQuote() != null) {
            throw strayQuote(record);
        }
        int expected = record.header().size();
        if (record.fields().size() != expected) {
            throw new RowRejection(RejectReason.WRONG_COLUMN_COUNT, null,
                    "expected " + expected + " fields as in the header, found " + record.fields().size());
        }
        // no text anywhere may carry a NUL: it ends strings in the systems our files go to
        for (int i = 0; i < record.fields().size(); i++) {
            String value = record.fields().get(i);
            if (value != null && value.indexOf('\u0000') >= 0) {
                String column = record.header().nameAt(i);
                throw new RowRejection(RejectReason.INVALID_FORMAT, column, column + " contains a NUL character");
            }
        }
        return new RowFields(record);
    }

    /**
     * A quote inside an unquoted field or after a quoted field's closing quote (RFC 4180 allows
     * neither), in whichever field it stands: the row is rejected naming the field and the
     * physical line, and the rows after it are read on. The value is not shown (personal data).
     */
    private static RowRejection strayQuote(FeedRecord record) {
        int field = record.strayQuote().field();
        String column = record.header().nameAt(field - 1);
        return new RowRejection(RejectReason.INVALID_FORMAT, column, "a stray quote in field " + field
                + (column == null ? "" : " (" + column + ")") + " on line " + record.strayQuote().line()
                + ": a quote may only enclose a whole field, doubled inside it (RFC 4180)");
    }

    /** The value as delivered; null when the cell is empty. */
    /** Whether the cell has a value (whatever it is): for rules that depend on which columns were filled in. */
    public boolean present(String column) {
        String value = record.fields().get(record.header().position(column));
        return value != null && !value.isEmpty();
    }

    /** An empty cell is an absent value. */
    public String optional(String column) {
        String value = record.fields().get(record.header().position(column));
        return value == null || value.isEmpty() ? null : value;
    }

    public String required(String column) throws RowRejection {
        String value = optional(column);
        if (value == null || value.isBlank()) {
            throw new RowRejection(RejectReason.MISSING_FIELD, column, column + " is required");
        }
        return value;
    }

    /**
     * Required printable text: a name, an address or an e-mail address (issue 38). A control
     * character (C0, DEL, C1) or a line or paragraph separator is no part of one: it would print
     * as nothing or break a line on a letter, and it grows six-fold when a notice stores it as
     * JSON. The message gives its code point and position, not the value (personal data).
     */
    public String text(String column) throws RowRejection {
        return text(column, false);
    }

    /** {@link #text}, line breaks (LF, CR) allowed: an address may be written on two lines. */
    public String lines(String column) throws RowRejection {
        return text(column, true);
    }

    private String text(String column, boolean lineBreaks) throws RowRejection {
        String value = required(column);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (lineBreaks && (c == '\n' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new RowRejection(RejectReason.INVALID_FORMAT, column, column + " contains a control character"
                        + String.format(" (U+%04X at position %d)", (int) c, i + 1) + "; printable text only");
            }
        }
        return value;
    }

    /** An identifier of 1-20 characters from {@code [A-Za-z0-9-]}. */
    public String identifier(String column) throws RowRejection {
        return matching(column, required(column), IDENTIFIER, "1-20 characters of A-Z a-z 0-9 -");
    }

    /**
     * A required key of printable ASCII without surrounding spaces, at most {@code max}
     * characters: a BOM, a zero-width joiner, a no-break space or a control character would
     * make a key that looks like another one and is not.
     */
    public String key(String column, int max) throws RowRejection {
        String value = required(column);
        if (value.length() > max || !value.strip().equals(value) || value.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw invalid(column, value, "at most " + max + " printable ASCII characters without surrounding spaces");
        }
        return value;
    }

    /** Between {@code min} and {@code max} digits. */
    public String digits(String column, int min, int max) throws RowRejection {
        String value = required(column);
        if (!DIGITS.matcher(value).matches() || value.length() < min || value.length() > max) {
            String rule = min == max ? min + " digits" : min + "-" + max + " digits";
            throw invalid(column, value, rule);
        }
        return value;
    }

    /** A non-negative whole number of yen, digits only, no sign or separators. */
    public long amount(String column) throws RowRejection {
        String value = required(column);
        if (!DIGITS.matcher(value).matches() || value.length() > MAX_AMOUNT_DIGITS) {
            throw invalid(column, value, "a non-negative whole number without separators");
        }
        return Long.parseLong(value);
    }

    public LocalDate date(String column) throws RowRejection {
        String value = required(column);
        LocalDate date;
        try {
            date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw invalid(column, value, "a date YYYY-MM-DD");
        }
        if (!inCalendar(date.getYear())) {
            throw invalid(column, value, "a date YYYY-MM-DD with a year of four digits");
        }
        return date;
    }

    /**
     * A year of four digits, as ISO-8601 has without the sender's agreement (issue 37): Java reads
     * years up to ±999,999,999, where moving to JST or adding days leaves its calendar ("Invalid value
     * for EpochDay") and a database cannot store them; such a value is a malformed cell like any other.
     */
    private static boolean inCalendar(int year) {
        return year >= 0 && year <= 9999;
    }

    public OffsetDateTime timestamp(String column) throws RowRejection {
        return parseTimestamp(column, required(column));
    }

    public OffsetDateTime optionalTimestamp(String column) throws RowRejection {
        String value = optional(column);
        return value == null ? null : parseTimestamp(column, value);
    }

    private OffsetDateTime parseTimestamp(String column, String value) throws RowRejection {
        OffsetDateTime timestamp;
        try {
            timestamp = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid(column, value, "an ISO-8601 timestamp with offset, e.g. 2019-10-01T09:15:00+09:00");
        }
        if (!inCalendar(timestamp.getYear())) {
            throw invalid(column, value, "an ISO-8601 timestamp with offset and a year of four digits");
        }
        return timestamp;
    }

    public String oneOf(String column, List<String> allowed) throws RowRejection {
        String value = required(column);
        if (!allowed.contains(value)) {
            throw invalid(column, value, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    public boolean bool(String column) throws RowRejection {
        return "true".equals(oneOf(column, List.of("true", "false")));
    }

    /** Digits with hyphens allowed between them. */
    public String phone(String column) throws RowRejection {
        return matching(column, required(column), PHONE, "digits, hyphens allowed");
    }

    /** Seven digits, {@code 1234567} or {@code 123-4567}. */
    public String postalCode(String column) throws RowRejection {
        return matching(column, required(column), POSTAL_CODE, "7 digits, 123-4567 allowed");
    }

    /** Katakana or hiragana, full- or half-width, with spaces and long-vowel marks. */
    public String kana(String column) throws RowRejection {
        String value = required(column);
        if (!value.codePoints().allMatch(RowFields::isKanaNameCharacter)) {
            throw invalid(column, value, "katakana or hiragana");
        }
        return value;
    }

    private static boolean isKanaNameCharacter(int c) {
        return (c >= 0x3041 && c <= 0x309F)      // hiragana, voiced marks
                || (c >= 0x30A0 && c <= 0x30FF)  // katakana, middle dot, long-vowel mark
                || (c >= 0xFF65 && c <= 0xFF9F)  // half-width katakana
                || c == ' ' || c == 0x3000       // spaces
                || c == '-' || c == 0xFF0D || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013
                || c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0xFE63 || c == 0xFF70;
    }

    private String matching(String column, String value, Pattern pattern, String rule) throws RowRejection {
        if (!pattern.matcher(value).matches()) {
            throw invalid(column, value, rule);
        }
        return value;
    }

    private static RowRejection invalid(String column, String value, String rule) {
        return new RowRejection(RejectReason.INVALID_FORMAT, column,
                column + " '" + abbreviate(value) + "' is not " + rule);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
