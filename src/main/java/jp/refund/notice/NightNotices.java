package jp.refund.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.refund.shared.CsvOutput;
import org.springframework.stereotype.Service;

/**
 * The night's notices (SPEC section 9, run step 9): stored in the {@code notice} table and
 * written to {@code notices/notices.csv} (every notice) and {@code notices/letters.csv} (the
 * LETTER ones, for the print vendor), each only when the night has rows for it. A night only
 * writes notices; {@code notices send} sends them.
 */
@Service
public class NightNotices {

    public static final String NOTICES_FILE = "notices/notices.csv";
    public static final String LETTERS_FILE = "notices/letters.csv";
    private static final int BATCH = 5_000;

    private final NoticeDerivation derivation;
    private final NoticeBook book;

    NightNotices(NoticeDerivation derivation, NoticeBook book) {
        this.derivation = derivation;
        this.book = book;
    }

    /**
     * Stores the night's notices (again, when an interrupted attempt stored some) and writes
     * their files into the night's folder. Returns how many.
     */
    public long create(LocalDate runDate, Path nightFolder) {
        book.deleteNight(runDate);
        List<Notice> batch = new ArrayList<>(BATCH);
        derivation.forEach(runDate, notice -> {
            batch.add(notice);
            if (batch.size() == BATCH) {
                book.insert(runDate, batch);
                batch.clear();
            }
        });
        book.insert(runDate, batch);
        return write(runDate, nightFolder);
    }

    /** Writes the night's notice files from the table; none when the night has no notices. Returns how many. */
    public long write(LocalDate runDate, Path nightFolder) {
        long count = book.countOfNight(runDate);
        deleteIfExists(nightFolder.resolve(NOTICES_FILE));
        deleteIfExists(nightFolder.resolve(LETTERS_FILE));
        if (count == 0) {
            return 0;
        }
        List<String[]> letters = new ArrayList<>(); // a small share: kept while the whole list is written
        CsvOutput.write(nightFolder.resolve(NOTICES_FILE), Notice.HEADER, out -> book.forEachOfNight(runDate, n -> {
            String[] row = n.csvRow();
            out.accept(row);
            if (n.delivery() == Delivery.LETTER) {
                letters.add(row);
            }
        }));
        if (!letters.isEmpty()) {
            CsvOutput.write(nightFolder.resolve(LETTERS_FILE), Notice.HEADER, out -> letters.forEach(out));
        }
        return count;
    }

    /** The night's notices in file order. */
    public void forEachOfNight(LocalDate runDate, Consumer<Notice> action) {
        book.forEachOfNight(runDate, action);
    }

    /**
     * For {@code verify}: the night's notices derived again from the facts (events, claims, the
     * registry, earlier nights' notices) against those stored; every difference named. The files
     * are compared with the stored notices by writing them again ({@link #write}).
     */
    public List<String> differencesFromFacts(LocalDate runDate) {
        List<String> diffs = new ArrayList<>();
        long[] derived = {0};
        List<Notice> page = new ArrayList<>(BATCH);
        Consumer<List<Notice>> compare = notices -> {
            Map<String, Notice> stored = book.byId(notices.stream().map(Notice::noticeId).toList());
            for (Notice n : notices) {
                Notice s = stored.get(n.noticeId());
                if (s == null) {
                    diffs.add(NOTICES_FILE + ": notice " + n.noticeId() + " follows from the night's facts but"
                            + " was not made");
                } else if (!s.equals(n)) {
                    diffs.add(NOTICES_FILE + ": notice " + n.noticeId() + " differs from what the facts give");
                }
            }
        };
        derivation.forEach(runDate, n -> {
            derived[0]++;
            page.add(n);
            if (page.size() == BATCH) {
                compare.accept(page);
                page.clear();
            }
        });
        compare.accept(page);
        long stored = book.countOfNight(runDate);
        if (stored != derived[0]) {
            diffs.add(NOTICES_FILE + ": the night stored " + stored + " notice(s), its facts give " + derived[0]);
        }
        return diffs;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
