package jp.refund.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import jp.refund.database.EmbeddedFileCompaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses a night before it starts when the disk cannot hold what it will write: a full disk
 * in the middle of a night is a failure to recover from; a refusal names what to free. The
 * need is estimated from the night's input folder: the embedded database grows by up to
 * {@value #DATABASE_FACTOR} times the input during a night (41 times on a 300,000-member first
 * night, 53 times on a 1.5 M one: H2 writes every commit and does not compact while it runs), the
 * output folder by up to {@value #OUTPUT_FACTOR} times (12 times on a 200,000-member first
 * night, most of it certificate PDFs).
 */
@Component
class FreeSpaceCheck {

    static final int DATABASE_FACTOR = 60;
    static final int OUTPUT_FACTOR = 15;

    private final EmbeddedFileCompaction database;
    private final boolean enabled;

    FreeSpaceCheck(EmbeddedFileCompaction database,
                   @Value("${refund.night.check-free-space:true}") boolean enabled) {
        this.database = database;
        this.enabled = enabled;
    }

    void require(LocalDate night, Path nightInput, Path output) {
        if (!enabled) {
            return;
        }
        long input = folderSize(nightInput);
        Map<FileStore, Long> needs = new LinkedHashMap<>();
        Map<FileStore, Path> where = new LinkedHashMap<>();
        database.file().ifPresent(file -> add(needs, where, file.getParent(), DATABASE_FACTOR * input));
        add(needs, where, output, OUTPUT_FACTOR * input);
        for (Map.Entry<FileStore, Long> need : needs.entrySet()) {
            long free = usable(need.getKey());
            if (free < need.getValue()) {
                throw new NightRefusedException(String.format("not enough free disk space for night %s: it needs"
                                + " about %,d MB on %s (its input is %,d MB; the database grows by up to %d times"
                                + " that, the output by up to %d times), %,d MB are free: free some space (or run"
                                + " with --refund.night.check-free-space=false)", night, need.getValue() >> 20,
                        where.get(need.getKey()), input >> 20, DATABASE_FACTOR, OUTPUT_FACTOR, free >> 20));
            }
        }
    }

    private static void add(Map<FileStore, Long> needs, Map<FileStore, Path> where, Path path, long bytes) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            FileStore store = Files.getFileStore(existing);
            needs.merge(store, bytes, Long::sum);
            where.putIfAbsent(store, existing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long usable(FileStore store) {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long folderSize(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
