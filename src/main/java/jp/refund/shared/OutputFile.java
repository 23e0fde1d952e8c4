package jp.refund.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an output file under a temporary name and renames it into place only when it
 * is complete and on disk, so a reader (or a crash) never sees half a file.
 */
public final class OutputFile {

    /** Writes the whole content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /** Lets the crash test stop a write half way, leaving a temporary file behind as a kill would. */
    private static final class HalfWayHook extends java.io.FilterOutputStream {
        private final CrashPoint crashPoint;
        private long written;

        HalfWayHook(OutputStream out, CrashPoint crashPoint) {
            super(out);
            this.crashPoint = crashPoint;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
            if (written >= 1024) {
                out.flush();
                crashPoint.reached(HALF_WRITTEN);
                written = Long.MIN_VALUE; // once per file
            }
        }
    }

    /** The crash test's moment: 1 KB of a file written under its temporary name. */
    public static final String HALF_WRITTEN = "output-file";

    public static void write(Path target, Content content) {
        write(target, content, CrashPoint.NONE);
    }

    /** As {@link #write(Path, Content)}, telling the crash point when the file is half written. */
    public static void write(Path target, Content content, CrashPoint crashPoint) {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                         1 << 16)) {
                content.writeTo(new HalfWayHook(out, crashPoint));
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the write failure below is what the operator needs to see
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
