package jp.refund.ingest;

import java.sql.JDBCType;

/**
 * One column of a feed, declared once: its name in the file's header, the shape rule of
 * its values, and the table column and SQL type it is kept in. The header check, the
 * parsing, the insert and its parameter binding are all derived from these (see
 * {@link FeedLayout}). Compared by identity: a column constant is also the typed key
 * for reading its value from a {@link FeedRow}.
 */
final class FeedColumn<T> {

    private final String name;
    private final ColumnRule<T> rule;
    private final String sqlColumn;

    private FeedColumn(String name, ColumnRule<T> rule, String sqlColumn) {
        this.name = name;
        this.rule = rule;
        this.sqlColumn = sqlColumn;
    }

    /** A column kept in the table column of the same name. */
    static <T> FeedColumn<T> column(String name, ColumnRule<T> rule) {
        return new FeedColumn<>(name, rule, name);
    }

    /** The column's name in the feed's header row, and in a reject's {@code field}. */
    String name() {
        return name;
    }

    ColumnRule<T> rule() {
        return rule;
    }

    String sqlColumn() {
        return sqlColumn;
    }

    JDBCType sqlType() {
        return rule.sqlType();
    }

    @Override
    public String toString() {
        return name + " " + rule + " -> " + sqlColumn + " " + sqlType();
    }
}
