package jp.refund.shared;

import java.sql.Connection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two databases the book runs on, for the few statements each wants its own way. */
public enum DatabaseKind {
    H2, POSTGRESQL;

    /** The database behind {@code jdbc}, from its driver's product name. */
    public static DatabaseKind of(JdbcTemplate jdbc) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new IllegalStateException("the book is on " + product + ": only H2 and PostgreSQL are supported");
    }
}
