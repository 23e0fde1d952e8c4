package jp.refund.ingest;

import java.util.Arrays;

/**
 * A row of a feed that passed the shape checks: one value per declared column of its
 * {@link FeedLayout} (null for an absent or ignored cell), read by column.
 */
final class FeedRow {

    private final FeedLayout layout;
    private final Object[] values;

    FeedRow(FeedLayout layout) {
        this.layout = layout;
        this.values = new Object[layout.columns().size()];
    }

    /** The column's value; null when its cell was empty or did not apply to this row. */
    <T> T get(FeedColumn<T> column) {
        return column.rule().type().cast(values[layout.indexOf(column)]);
    }

    String key() {
        return get(layout.key());
    }

    Object value(int index) {
        return values[index];
    }

    void set(int index, Object value) {
        values[index] = value;
    }

    @Override
    public String toString() {
        return layout.table() + Arrays.toString(values);
    }
}
