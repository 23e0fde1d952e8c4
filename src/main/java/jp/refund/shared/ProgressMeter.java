package jp.refund.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long work for the operator: a line every few seconds with the count,
 * the rate and, when the total is known, the share done and the time left.
 */
public final class ProgressMeter {

    private static final Logger log = LoggerFactory.getLogger(ProgressMeter.class);
    private static final long INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

    private final String what;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos = startNanos;

    public ProgressMeter(String what, String unit) {
        this.what = what;
        this.unit = unit;
    }

    /**
     * Reports {@code done} units if a few seconds have passed since the last line.
     * {@code fractionDone} in [0, 1] gives the ETA; pass a negative value when unknown.
     */
    public void update(long done, double fractionDone) {
        long now = System.nanoTime();
        if (now - lastReportNanos < INTERVAL_NANOS) {
            return;
        }
        lastReportNanos = now;
        double seconds = (now - startNanos) / 1e9;
        long rate = seconds > 0 ? Math.round(done / seconds) : 0;
        if (fractionDone > 0 && fractionDone <= 1) {
            long eta = Math.round(seconds * (1 - fractionDone) / fractionDone);
            log.info("{}: {} {} ({}%), {} {}/s, about {} left", what, String.format("%,d", done), unit,
                    Math.round(fractionDone * 100), String.format("%,d", rate), unit, formatDuration(eta));
        } else {
            log.info("{}: {} {}, {} {}/s", what, String.format("%,d", done), unit, String.format("%,d", rate), unit);
        }
    }

    /** Seconds since the meter was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
