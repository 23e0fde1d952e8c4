package jp.refund.ingest;

import java.nio.file.Path;

/**
 * A feed file that is not what the night's ingest read: changed, removed, or added after
 * its feed was ingested without a file. Says it in one line, by fingerprint, never content.
 */
public record FeedFileChange(Path file, FileFingerprint then, FileFingerprint now) {

    public String describe() {
        return file + " " + (then == null ? "appeared after its feed was ingested without a file"
                : now == null ? "was removed after the night ingested it (" + then + ")"
                : "changed since the night began ingesting it (" + then + " then, " + now + " now)");
    }
}
