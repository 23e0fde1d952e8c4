package jp.refund.ingest;

import java.sql.JDBCType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
    static ColumnRule<String> required() {
        return new ColumnRule<>("required", String.class, RowFields::required);
    }

    /** Any text; an empty cell is absent. */
    static ColumnRule<String> optional() {
        return new ColumnRule<>("optional", String.class, (fields, column) -> fields.optional(column));
    }

    /** 1-20 of {@code [A-Za-z0-9-]}: member and application ids. */
    static ColumnRule<String> identifier() {
        return new ColumnRule<>("identifier", String.class, RowFields::identifier);
    }

    /** Printable text without surrounding spaces, at most {@code max} characters: the other keys. */
    static ColumnRule<String> key(int max) {
        return new ColumnRule<>("key(" + max + ")", String.class, (fields, column) -> fields.key(column, max));
    }

    static ColumnRule<String> digits(int length) {
        return new ColumnRule<>("digits(" + length + ")", String.class,
                (fields, column) -> fields.digits(column, length));
    }

    static ColumnRule<String> digits(int min, int max) {
        return new ColumnRule<>("digits(" + min + "-" + max + ")", String.class,
                (fields, column) -> fields.digits(column, min, max));
    }

    /** A non-negative whole number of yen. */
    static ColumnRule<Long> amount() {
        return new ColumnRule<>("amount", Long.class, RowFields::amount);
    }

    static ColumnRule<LocalDate> date() {
        return new ColumnRule<>("date", LocalDate.class, RowFields::date);
    }

    /** An ISO-8601 timestamp with offset. */
    static ColumnRule<OffsetDateTime> timestamp() {
        return new ColumnRule<>("timestamp", OffsetDateTime.class, RowFields::timestamp);
    }

    static ColumnRule<OffsetDateTime> optionalTimestamp() {
        return new ColumnRule<>("optionalTimestamp", OffsetDateTime.class, RowFields::optionalTimestamp);
    }

    static ColumnRule<String> oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return new ColumnRule<>("oneOf(" + String.join(", ", values) + ")", String.class,
                (fields, column) -> fields.oneOf(column, values));
    }

    /** One of the enum's constant names, in declaration order in the message. */
    static <E extends Enum<E>> ColumnRule<E> oneOf(Class<E> type) {
        List<String> values = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new ColumnRule<>("oneOf(" + String.join(", ", values) + ")", type,
                (fields, column) -> Enum.valueOf(type, fields.oneOf(column, values)));
    }

    /** {@code true} or {@code false}. */
    static ColumnRule<Boolean> bool() {
        return new ColumnRule<>("bool", Boolean.class, RowFields::bool);
    }

    static ColumnRule<String> phone() {
        return new ColumnRule<>("phone", String.class, RowFields::phone);
    }

    static ColumnRule<String> postalCode() {
        return new ColumnRule<>("postalCode", String.class, RowFields::postalCode);
    }

    /** Katakana or hiragana, full- or half-width. */
    static ColumnRule<String> kana() {
        return new ColumnRule<>("kana", String.class, RowFields::kana);
    }

    @Override
    public String toString() {
        return name;
    }
}
