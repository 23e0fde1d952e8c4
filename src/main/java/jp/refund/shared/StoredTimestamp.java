package jp.refund.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A {@code TIMESTAMP WITH TIME ZONE} read back as the book shows it. H2 keeps the offset a
 * timestamp was delivered with; PostgreSQL keeps only the instant and hands it back in UTC.
 * Every feed states JST (SPEC section 1), so a PostgreSQL timestamp is shown at +09:00: the
 * same text as on H2 for every timestamp delivered at +09:00 (another offset shows the same
 * instant at +09:00 on PostgreSQL; docs/postgresql.md).
 */
public final class StoredTimestamp {

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    /** PostgreSQL's name of the type; H2 says {@code TIMESTAMP WITH TIME ZONE}. */
    private static final String POSTGRESQL_TYPE = "timestamptz";

    private StoredTimestamp() {
    }

    public static OffsetDateTime read(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t != null && POSTGRESQL_TYPE.equals(rs.getMetaData().getColumnTypeName(column))
                ? t.withOffsetSameInstant(JST) : t;
    }

    public static OffsetDateTime read(ResultSet rs, String column) throws SQLException {
        return read(rs, rs.findColumn(column));
    }
}
