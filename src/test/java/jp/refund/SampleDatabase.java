package jp.refund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped sample nights run once per test JVM into a database of its own, for the service tests. */
public final class SampleDatabase {

    private static NightlyHarness harness;

    private SampleDatabase() {
    }

    public static synchronized NightlyHarness prepared() {
        if (harness == null) {
            try {
                Path root = Files.createTempDirectory("sample-db");
                NightlyHarness h = new NightlyHarness(root);
                NightlyHarness.Result result = h.run("nightly", "--input=" + Path.of("input").toAbsolutePath());
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("sample nights failed: " + result.stderr());
                }
                harness = h;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return harness;
    }
}
