package jp.refund.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.refund.shared.CrashPoint;

/**
 * The crash test's {@link CrashPoint}: with {@code refund.crash-test.halt-at=<moment>:<n>}
 * the JVM halts — no finally blocks, no shutdown hooks, exactly as after {@code kill -9} —
 * the n-th time the named moment is reached.
 *
 * <p>Moments: {@code ingest-chunk}, {@code assessment-chunk} (in a partition of a partitioned
 * night) and {@code decision-chunk} (rows written, transaction not committed), {@code output-file} (1 KB of a file written under its temporary name),
 * {@code certificate} (after a certificate's file), {@code publish} (1: reports written,
 * 2: workbook written, 3: folder moved into place, night not yet recorded as completed).
 */
final class CrashTestHalt implements CrashPoint {

    private final String moment;
    private final long at;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private CrashTestHalt(String moment, long at) {
        this.moment = moment;
        this.at = at;
    }

    /** The crash point a setting asks for; none when it is empty. */
    static CrashPoint of(String haltAt) {
        int colon = haltAt.indexOf(':');
        if (colon < 0) {
            return CrashPoint.NONE;
        }
        return new CrashTestHalt(haltAt.substring(0, colon), Long.parseLong(haltAt.substring(colon + 1)));
    }

    @Override
    public void reached(String reached) {
        if (moment.equals(reached) && counts.computeIfAbsent(reached, p -> new AtomicLong()).incrementAndGet() == at) {
            System.err.println("crash test: halting at " + reached + " #" + at);
            Runtime.getRuntime().halt(137);
        }
    }
}
