package jp.refund.ingest;

/** A row of a feed that passed the shape checks, identified by its key column. */
public interface FeedRow {
    String key();
}
