package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night whose output folder cannot be written (here a read-only mount, as root ignores
 * file permissions) fails with a clear message, and once the folder is writable again the
 * same command completes with what an undisturbed run gives.
 */
class ReadOnlyOutputIT {

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void aReadOnlyOutputFolderFailsClearlyAndTheNightCompletesOnceWritable(@TempDir Path root) throws Exception {
        NightlyHarness h = new NightlyHarness(root.resolve("run"));
        h.night("2019-10-01", Path.of("input/2019-10-01"));
        Path staging = h.output().resolve(".2019-10-01.partial");
        Files.createDirectories(staging);
        boolean readOnly = staging.toFile().setWritable(false, false) && !Files.isWritable(staging);
        boolean mounted = false;
        if (!readOnly) { // root: file permissions do not stop it, a read-only bind mount does
            mounted = sh("mount", "--bind", staging.toString(), staging.toString())
                    && sh("mount", "-o", "remount,ro,bind", staging.toString());
            assumeTrue(mounted, "needs a folder this process cannot write (a read-only bind mount as root)");
        }
        try {
            NightlyHarness.Result failed = h.run("nightly");

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr()).contains("night 2019-10-01 failed: cannot write").contains(".2019-10-01.partial")
                    .contains("Read-only file system").contains("run the same date again");
            assertThat(h.output().resolve("2019-10-01")).doesNotExist();
        } finally {
            if (mounted) {
                sh("umount", staging.toString());
            }
            staging.toFile().setWritable(true, false);
        }

        NightlyHarness.Result resumed = h.run("nightly");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        NightlyHarness clean = new NightlyHarness(root.resolve("clean"));
        clean.night("2019-10-01", Path.of("input/2019-10-01"));
        assertThat(clean.run("nightly").exitCode()).isZero();
        assertThat(NightlyHarness.tree(h.output().resolve("2019-10-01")))
                .isEqualTo(NightlyHarness.tree(clean.output().resolve("2019-10-01")));
    }
}
