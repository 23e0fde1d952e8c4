package jp.refund.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A feed file's SHA-256 and size, as the night recorded it when its ingest began. */
public record FileFingerprint(String sha256, long bytes) {

    static FileFingerprint of(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), newDigest())) {
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
            return new FileFingerprint(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest()
                    .digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "sha256 " + sha256.substring(0, 12) + "…, " + String.format("%,d", bytes) + " bytes";
    }
}
