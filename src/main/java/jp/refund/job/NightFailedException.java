package jp.refund.job;

/** A night that started and failed; running the same date again resumes it. */
public class NightFailedException extends RuntimeException {

    public NightFailedException(String message) {
        super(message);
    }
}
