package jp.refund.report;

/** The book lost or made a yen: the night stops before any file is written. */
public class BooksDoNotBalanceException extends RuntimeException {

    public BooksDoNotBalanceException(String message) {
        super(message);
    }
}
