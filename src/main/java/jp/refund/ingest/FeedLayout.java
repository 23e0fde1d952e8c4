package jp.refund.ingest;

import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.refund.shared.PostgresCopy;

/**
 * A feed's columns, declared once, in header order, with the table they are kept in.
 * From the declaration come the header the file must have ({@link #header()}), the
 * parsing of a row ({@link #parse}), the insert ({@link #insertSql()}) and its binding
 * ({@link #bind}), and the night's clean-up ({@link #deleteSql()}).
 *
 * <p>A row is read column by column in declared order and the first broken rule
 * rejects it. Cross-field rules of a feed stay explicit code, placed between the
 * columns where they apply ({@link Builder#check}); a column that only matters for some
 * rows (BANK account fields, POSTAL mailing fields) is read only when its condition
 * holds ({@link Builder#columnsWhen}) and is null otherwise: the other payout method's
 * fields are ignored.
 */
final class FeedLayout {

    /** A cross-field rule: sees the values read so far and the row's cells. */
    @FunctionalInterface
    interface RowCheck {
        void check(FeedRow row, RowFields fields) throws RowRejection;
    }

    /** Whether a column applies to a row, from the values read so far and the row's cells. */
    @FunctionalInterface
    interface When {
        When ALWAYS = (row, fields) -> true;

        boolean holds(FeedRow row, RowFields fields);
    }

    private sealed interface Step permits Read, Check {
    }

    /** Columns declared together, read when their condition holds (tested once per row). */
    private record Read(int firstIndex, List<FeedColumn<?>> columns, When when) implements Step {
    }

    private record Check(RowCheck check) implements Step {
    }

    /** Bound after a row's own columns by every feed's insert. */
    private static final List<String> BOOKKEEPING_COLUMNS = List.of("content_hash", "ingested_on", "source_line");

    private final String table;
    private final FeedColumn<String> key;
    private final List<FeedColumn<?>> columns;
    private final Map<FeedColumn<?>, Integer> indexes = new IdentityHashMap<>();
    private final List<Step> steps;
    private final Map<String, String> constants;
    private final List<String> header;
    private final String insertSql;
    private final String copySql;

    private FeedLayout(Builder builder) {
        this.table = builder.table;
        this.key = builder.key;
        this.columns = List.copyOf(builder.columns);
        for (int i = 0; i < columns.size(); i++) {
            indexes.put(columns.get(i), i);
        }
        this.steps = List.copyOf(builder.steps);
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(builder.constants));
        this.header = columns.stream().map(FeedColumn::name).toList();
        List<String> names = Stream.of(columns.stream().map(FeedColumn::sqlColumn), constants.keySet().stream(),
                BOOKKEEPING_COLUMNS.stream()).flatMap(s -> s).toList();
        this.insertSql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        this.copySql = "COPY " + table + " (" + String.join(", ", names) + ") FROM STDIN (FORMAT csv)";
    }

    static Builder into(String table) {
        return new Builder(table);
    }

    String table() {
        return table;
    }

    /** The column that identifies a row: a key delivered again is skipped or a conflicting duplicate. */
    FeedColumn<String> key() {
        return key;
    }

    List<FeedColumn<?>> columns() {
        return columns;
    }

    /** Every column the header must carry, in declared order (also the order of content hashes). */
    List<String> header() {
        return header;
    }

    int indexOf(FeedColumn<?> column) {
        Integer index = indexes.get(column);
        if (index == null) {
            throw new IllegalArgumentException(column.name() + " is not a column of " + table);
        }
        return index;
    }

    /** The shape checks of one row: every column's rule in order, and the feed's cross-field rules. */
    FeedRow parse(RowFields fields) throws RowRejection {
        FeedRow row = new FeedRow(this);
        for (Step step : steps) {
            if (step instanceof Read read) {
                if (read.when().holds(row, fields)) {
                    int index = read.firstIndex();
                    for (FeedColumn<?> column : read.columns()) {
                        row.set(index++, column.rule().read(fields, column.name()));
                    }
                }
            } else {
                ((Check) step).check().check(row, fields);
            }
        }
        return row;
    }

    /** The insert of one row: its columns, the constants, then content_hash, ingested_on, source_line. */
    String insertSql() {
        return insertSql;
    }

    /**
     * Binds the row's columns and the constants from parameter 1, then the bookkeeping
     * columns of {@link #insertSql()}.
     */
    void bind(PreparedStatement ps, FeedRow row, String contentHash, LocalDate runDate, int sourceLine)
            throws SQLException {
        int index = 1;
        for (int i = 0; i < columns.size(); i++) {
            bind(ps, index++, columns.get(i).sqlType(), row.value(i));
        }
        for (String value : constants.values()) {
            ps.setString(index++, value);
        }
        ps.setString(index++, contentHash);
        ps.setObject(index++, runDate);
        ps.setInt(index, sourceLine);
    }

    /** PostgreSQL's {@code COPY} of the same columns as {@link #insertSql()}, rows as CSV ({@link #appendCopyRow}). */
    String copySql() {
        return copySql;
    }

    /**
     * One row of {@link #copySql()}: the values {@link #bind} would bind, as CSV. Text is always
     * quoted, so an empty text stays empty and only an unquoted empty field is NULL.
     */
    void appendCopyRow(StringBuilder out, FeedRow row, String contentHash, LocalDate runDate, int sourceLine) {
        for (int i = 0; i < columns.size(); i++) {
            PostgresCopy.appendValue(out, row.value(i));
            out.append(',');
        }
        for (String value : constants.values()) {
            PostgresCopy.appendValue(out, value);
            out.append(',');
        }
        out.append(contentHash).append(',').append(runDate).append(',').append(sourceLine).append('\n');
    }

    private static void bind(PreparedStatement ps, int index, JDBCType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, type.getVendorTypeNumber());
            return;
        }
        switch (type) {
            case VARCHAR -> ps.setString(index, value instanceof Enum<?> e ? e.name() : (String) value);
            case BIGINT -> ps.setLong(index, (Long) value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            default -> ps.setObject(index, value); // DATE, TIMESTAMP WITH TIME ZONE: java.time values
        }
    }

    /** Removes what one night ingested: parameters are the run date, then {@link #deleteArguments}. */
    String deleteSql() {
        return "DELETE FROM " + table + " WHERE ingested_on = ?"
                + constants.keySet().stream().map(c -> " AND " + c + " = ?").collect(Collectors.joining());
    }

    Object[] deleteArguments(LocalDate runDate) {
        return Stream.concat(Stream.of(runDate), constants.values().stream()).toArray();
    }

    /** Declares a feed's columns in header order. */
    static final class Builder {

        private final String table;
        private FeedColumn<String> key;
        private final List<FeedColumn<?>> columns = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, String> constants = new LinkedHashMap<>();

        private Builder(String table) {
            this.table = table;
        }

        /** The first column: the row's key. */
        Builder key(FeedColumn<String> column) {
            if (!columns.isEmpty()) {
                throw new IllegalStateException(table + ": the key " + column.name() + " must be the first column");
            }
            key = column;
            return columns(column);
        }

        Builder columns(FeedColumn<?>... more) {
            return columnsWhen(When.ALWAYS, more);
        }

        /** Columns read only when {@code when} holds; null otherwise. */
        Builder columnsWhen(When when, FeedColumn<?>... more) {
            steps.add(new Read(columns.size(), List.of(more), when));
            columns.addAll(List.of(more));
            return this;
        }

        /** A cross-field rule, applied after the columns declared so far. */
        Builder check(RowCheck check) {
            steps.add(new Check(check));
            return this;
        }

        /** A value stored with every row of this feed that is not in its file (e.g. the channel). */
        Builder constant(String sqlColumn, Enum<?> value) {
            constants.put(sqlColumn, value.name());
            return this;
        }

        FeedLayout build() {
            if (key == null) {
                throw new IllegalStateException(table + ": no key column declared");
            }
            Set<String> names = new HashSet<>();
            Set<String> sqlColumns = new HashSet<>(BOOKKEEPING_COLUMNS);
            sqlColumns.addAll(constants.keySet());
            for (FeedColumn<?> column : columns) {
                if (!names.add(column.name())) {
                    throw new IllegalStateException(table + ": column " + column.name() + " declared twice");
                }
                if (!sqlColumns.add(column.sqlColumn())) {
                    throw new IllegalStateException(table + ": table column " + column.sqlColumn()
                            + " bound twice");
                }
            }
            return new FeedLayout(this);
        }
    }
}
