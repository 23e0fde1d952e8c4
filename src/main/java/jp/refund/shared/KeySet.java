package jp.refund.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * A set of keys to look rows up by, bound as one array parameter and joined as a table:
 * {@code FROM UNNEST(CAST(? AS VARCHAR ARRAY)) k(id) JOIN member m ON m.member_id = k.id}.
 *
 * <p>Why a join and not {@code IN (...)} or {@code = ANY(?)}: H2 finds the rows by index
 * either way, but then tests every row found against the whole list again, one element at
 * a time, which made a 1,000-key look-up cost a million comparisons. The join probes the
 * index once per key and never re-tests. The SQL text stays fixed, so it is planned once.
 */
public final class KeySet {

    /** The table expression for a set of text keys; its column is {@code k.id}. */
    public static final String TEXT_KEYS = "UNNEST(CAST(? AS VARCHAR ARRAY)) k(id)";

    private final Object[] keys;
    private final String sqlType;

    private KeySet(Object[] keys, String sqlType) {
        this.keys = keys;
        this.sqlType = sqlType;
    }

    /** Distinct text keys, in first-seen order. */
    public static KeySet text(Collection<String> keys) {
        return new KeySet(new LinkedHashSet<>(keys).toArray(), "VARCHAR");
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** Binds the keys as the statement's first parameter. */
    public PreparedStatementSetter asFirstParameter() {
        return this::bind;
    }

    /** Binds the keys as parameter {@code index} (where other parameters come before them). */
    public void bindAt(PreparedStatement ps, int index) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf(sqlType, keys));
    }

    private void bind(PreparedStatement ps) throws SQLException {
        bindAt(ps, 1);
    }
}
