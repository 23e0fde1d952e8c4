package jp.refund.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the crash test only: with {@code -Drefund.crash-test.halt-at=<point>:<n>} the JVM
 * halts — no finally blocks, no shutdown hooks, exactly as after {@code kill -9} — the
 * n-th time the named point is reached. Without the property it does nothing.
 *
 * <p>Points: {@code ingest-chunk} and {@code decision-chunk} (rows written, transaction not
 * committed), {@code output-file} (half of a file's bytes written under its temporary
 * name), {@code certificate} (after a certificate file), {@code publish} (1: reports
 * written, 2: workbook written, 3: folder renamed, night not yet recorded as completed).
 */
public final class CrashTestHook {

    private static final String SETTING = System.getProperty("refund.crash-test.halt-at", "");
    private static final String POINT = SETTING.contains(":") ? SETTING.substring(0, SETTING.indexOf(':')) : "";
    private static final long AT = SETTING.contains(":") ? Long.parseLong(SETTING.substring(SETTING.indexOf(':') + 1)) : 0;
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private CrashTestHook() {
    }

    public static void reached(String point) {
        if (POINT.equals(point) && COUNTS.computeIfAbsent(point, p -> new AtomicLong()).incrementAndGet() == AT) {
            System.err.println("crash test: halting at " + point + " #" + AT);
            Runtime.getRuntime().halt(137);
        }
    }
}
