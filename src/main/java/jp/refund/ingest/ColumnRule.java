package jp.refund.ingest;

import java.sql.JDBCType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shape rule of one column (SPEC section 3): how a cell is checked, what Java value
 * it becomes, and so which SQL type it is stored as. A cell that breaks its rule is a
 * {@link RowRejection} naming the column (see {@link RowFields} for every message).
 *
 * @param name   how the rule reads in a declaration: {@code digits(4)}, {@code oneOf(PASS, FAIL)}, ...
 * @param type   the Java type of the value; it decides the SQL type (a value type with none is refused)
 * @param reader reads the cell of the named column
 */
record ColumnRule<T>(String name, Class<T> type, Reader<T> reader) {

    /** Reads and checks the cell of one column. */
    @FunctionalInterface
    interface Reader<T> {
        T read(RowFields fields, String column) throws RowRejection;
    }

    /** What each value type is stored as; enum values are stored by name. */
    private static final Map<Class<?>, JDBCType> SQL_TYPES = Map.of(
            String.class, JDBCType.VARCHAR,
            Long.class, JDBCType.BIGINT,
            Boolean.class, JDBCType.BOOLEAN,
            LocalDate.class, JDBCType.DATE,
            OffsetDateTime.class, JDBCType.TIMESTAMP_WITH_TIMEZONE);

    ColumnRule {
        if (!type.isEnum() && !SQL_TYPES.containsKey(type)) {
            throw new IllegalArgumentException("rule " + name + ": no SQL column type for " + type.getSimpleName()
                    + " values (one of " + SQL_TYPES.keySet().stream().map(Class::getSimpleName).sorted().toList()
                    + " or an enum)");
        }
    }

    JDBCType sqlType() {
        return type.isEnum() ? JDBCType.VARCHAR : SQL_TYPES.get(type);
    }

    T read(RowFields fields, String column) throws RowRejection {
        return reader.read(fields, column);
    }

    /** Any non-blank text. */
    static final ColumnRule<String> REQUIRED = new ColumnRule<>("required", String.class, RowFields::required);
    /** Non-blank printable text, no control character: names, addresses, e-mail addresses (issue 38). */
    static final ColumnRule<String> TEXT = new ColumnRule<>("text", String.class, RowFields::text);
    /** {@link #TEXT} on one or more lines: an address (a quoted field may hold its line break). */
    static final ColumnRule<String> LINES = new ColumnRule<>("lines", String.class, RowFields::lines);
    /** Any text; an empty cell is absent. */
    static final ColumnRule<String> OPTIONAL = new ColumnRule<>("optional", String.class, (f, c) -> f.optional(c));
    /** 1-20 of {@code [A-Za-z0-9-]}: member and application ids. */
    static final ColumnRule<String> IDENTIFIER = new ColumnRule<>("identifier", String.class, RowFields::identifier);
    /** A non-negative whole number of yen. */
    static final ColumnRule<Long> AMOUNT = new ColumnRule<>("amount", Long.class, RowFields::amount);
    static final ColumnRule<LocalDate> DATE = new ColumnRule<>("date", LocalDate.class, RowFields::date);
    /** An ISO-8601 timestamp with offset. */
    static final ColumnRule<OffsetDateTime> TIMESTAMP = new ColumnRule<>("timestamp", OffsetDateTime.class,
            RowFields::timestamp);
    static final ColumnRule<OffsetDateTime> OPTIONAL_TIMESTAMP = new ColumnRule<>("optionalTimestamp",
            OffsetDateTime.class, RowFields::optionalTimestamp);
    /** {@code true} or {@code false}. */
    static final ColumnRule<Boolean> BOOL = new ColumnRule<>("bool", Boolean.class, RowFields::bool);
    /** Digits, hyphens allowed between them. */
    static final ColumnRule<String> PHONE = new ColumnRule<>("phone", String.class, RowFields::phone);
    /** Seven digits, {@code 1234567} or {@code 123-4567}. */
    static final ColumnRule<String> POSTAL_CODE = new ColumnRule<>("postalCode", String.class, RowFields::postalCode);
    /** Katakana or hiragana, full- or half-width. */
    static final ColumnRule<String> KANA = new ColumnRule<>("kana", String.class, RowFields::kana);

    /** Printable text without surrounding spaces, at most {@code max} characters: the other keys. */
    static ColumnRule<String> key(int max) {
        return new ColumnRule<>("key(" + max + ")", String.class, (fields, column) -> fields.key(column, max));
    }

    /** Exactly {@code length} digits. */
    static ColumnRule<String> digits(int length) {
        return digits(length, length);
    }

    static ColumnRule<String> digits(int min, int max) {
        return new ColumnRule<>(min == max ? "digits(" + min + ")" : "digits(" + min + "-" + max + ")", String.class,
                (fields, column) -> fields.digits(column, min, max));
    }

    static ColumnRule<String> oneOf(String... allowed) {
        return oneOf(String.class, List.of(allowed), value -> value);
    }

    /** One of the enum's constant names, listed in declaration order in the message. */
    static <E extends Enum<E>> ColumnRule<E> oneOf(Class<E> type) {
        return oneOf(type, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                value -> Enum.valueOf(type, value));
    }

    private static <T> ColumnRule<T> oneOf(Class<T> type, List<String> values, Function<String, T> value) {
        return new ColumnRule<>("oneOf(" + String.join(", ", values) + ")", type,
                (fields, column) -> value.apply(fields.oneOf(column, values)));
    }

    @Override
    public String toString() {
        return name;
    }
}
