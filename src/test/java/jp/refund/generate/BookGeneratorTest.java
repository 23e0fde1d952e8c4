package jp.refund.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default book (no attack): the same bytes as before the attacker rehearsal existed. */
class BookGeneratorTest {

    /** SHA-256 over every file's relative path and bytes, of the book below as generated before issue 35
     * (a change of the shipped bank master changes it too). */
    private static final String DEFAULT_BOOK = "a521e4387d72cd5b28ca36b87da04d34946b21e2e7c459fa02a655884d12fbbc";

    @Test
    void theDefaultBookIsTheSameBytesAsBeforeTheAttackerRehearsal(@TempDir Path out) {
        new BookGenerator(new BookGenerator.Settings(out, 1500, 7, 3, LocalDate.of(2019, 11, 14), 0.8)).generate();

        assertThat(digest(out)).isEqualTo(DEFAULT_BOOK);
        assertThat(out.resolve("attack-key.csv")).doesNotExist();
    }

    @Test
    void aPlainBookDeletesTheAnswerKeyOfAnEarlierRehearsalInItsFolder(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("attack-key.csv"), "application_id,campaign\nA1911140000001,TAKEOVER_MULE\n");

        new BookGenerator(new BookGenerator.Settings(out, 50, 7, 1, LocalDate.of(2019, 11, 14), 0.8)).generate();

        assertThat(out.resolve("attack-key.csv")).as("it would describe another book").doesNotExist();
    }

    static String digest(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path f : sorted) {
                sha.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
