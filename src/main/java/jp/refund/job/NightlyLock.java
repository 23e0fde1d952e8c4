package jp.refund.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Only one nightly run at a time per output folder: an OS file lock on
 * {@code <output>/.nightly.lock}, released by the OS when the process ends however it
 * ends (so a killed run never leaves a stale lock behind).
 */
final class NightlyLock implements AutoCloseable {

    static final String FILE = ".nightly.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private NightlyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static NightlyLock acquire(Path output) {
        Path file = output.resolve(FILE);
        try {
            Files.createDirectories(output);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new NightRefusedException("another nightly run is using " + output + " (lock " + file
                        + "); wait for it to finish");
            }
            return new NightlyLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
