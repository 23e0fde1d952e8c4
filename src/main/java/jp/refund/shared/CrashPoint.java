package jp.refund.shared;

/**
 * A moment of the night at which the crash test may stop the process as {@code kill -9}
 * would. An injected test seam: the night's code says where it is, and only the crash
 * test's setting ({@code -Drefund.crash-test.halt-at=<moment>:<n>}) makes it halt.
 */
@FunctionalInterface
public interface CrashPoint {

    /** Never stops anything. */
    CrashPoint NONE = moment -> {
    };

    void reached(String moment);
}
