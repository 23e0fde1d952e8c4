package jp.refund.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder of the log file, made before logging starts and for the owner only: a stack
 * trace may quote a row of the book, so the log is kept like the database beside it. A
 * folder that already exists is left as the operator made it.
 */
final class LogFolder {

    /** Where the log goes when {@code --logging.file.name} does not say (see refund-logging.xml). */
    static final String DEFAULT_FILE = "data/logs/refund-batch.log";

    private LogFolder() {
    }

    static void prepare(String... args) {
        String file = DEFAULT_FILE;
        for (String arg : args) {
            if (arg.startsWith("--logging.file.name=")) {
                file = arg.substring("--logging.file.name=".length());
            }
        }
        Path folder = Path.of(file).toAbsolutePath().getParent();
        if (folder == null || Files.exists(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX, or not writable: logging says so itself, and the command still runs
        }
    }
}
