package jp.refund.job;

/** A night that may not run now (out of order, no input folder, still running elsewhere). */
public class NightRefusedException extends RuntimeException {

    public NightRefusedException(String message) {
        super(message);
    }
}
