package jp.refund.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprint of a row's content: SHA-256 over the decoded value of every column of
 * the feed, in the feed's own column order. The same row therefore hashes the same
 * whatever the file's column order, line endings, BOM or charset.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Feed feed, RowFields fields) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update(feed.id().getBytes(StandardCharsets.UTF_8));
        for (String column : feed.columns()) {
            String value = fields.optional(column);
            // 0x1E separates columns, 0x00 marks an absent value: neither can be confused with text.
            sha256.update((byte) 0x1E);
            if (value == null) {
                sha256.update((byte) 0x00);
            } else {
                sha256.update(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
