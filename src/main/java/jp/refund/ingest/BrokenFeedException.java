package jp.refund.ingest;

/**
 * A file that cannot be read as its feed at all (missing or unknown header columns,
 * not text), or a feed with more rejected rows than the configured ratio allows.
 * Stops the night before anything of the date is kept.
 */
public class BrokenFeedException extends RuntimeException {

    public BrokenFeedException(String message) {
        super(message);
    }
}
