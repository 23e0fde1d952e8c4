package jp.refund.notice;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import jp.refund.shared.CsvOutput;
import jp.refund.shared.KeyRange;
import jp.refund.shared.ParallelTasks;
import jp.refund.shared.ProgressMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The night's notices (SPEC section 9, run step 9): stored in the {@code notice} table and
 * written to {@code notices/notices.csv} (every notice) and {@code notices/letters.csv} (the
 * LETTER ones, for the print vendor), each only when the night has rows for it. A night only
 * writes notices; {@code notices send} sends them.
 */
@Service
public class NightNotices {

    private static final Logger log = LoggerFactory.getLogger(NightNotices.class);

    public static final String NOTICES_FILE = "notices/notices.csv";
    public static final String LETTERS_FILE = "notices/letters.csv";
    private static final int BATCH = 5_000;

    private final NoticeDerivation derivation;
    private final NoticeBook book;
    private final TransactionTemplate ownTransaction;
    private final int threads;
    private final ConfigurableEnvironment environment;

    NightNotices(NoticeDerivation derivation, NoticeBook book, PlatformTransactionManager transactions,
                 DataSource dataSource, @Value("${refund.notices.threads:0}") int threads,
                 ConfigurableEnvironment environment) {
        if (threads < 0) {
            throw new IllegalArgumentException("refund.notices.threads must not be negative, was " + threads);
        }
        this.derivation = derivation;
        this.environment = environment;
        this.book = book;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.threads = Math.min(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                connectionsForRanges(dataSource));
    }

    /**
     * Each range holds a connection while it runs, and the step's transaction holds one: never
     * more ranges at once than the pool can serve beside it (a range waiting for a connection
     * would time out).
     */
    private static int connectionsForRanges(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return Math.max(1, dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() - 2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the connection pool's size", e);
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Stores the night's notices (again, when an interrupted attempt stored some) and writes
     * their files into the night's folder. Returns how many.
     *
     * <p>Ranges of claims are done at once, each on a connection and in a transaction of its own:
     * a claim's notices depend on its changes alone. Each range stores its notices as they are
     * caused and writes its claims' rows of both files into a part, in file order
     * ({@link FileOrderPart}); the files are joined from the parts range after range, so the bytes
     * do not depend on the threads. What an interrupted attempt committed (or left in
     * {@value #PARTS}) is forgotten first, in a transaction of its own too, so that no range waits
     * on the step's.
     */
    public long create(LocalDate runDate, Path nightFolder) {
        ownTransaction.executeWithoutResult(t -> book.deleteNight(runDate));
        // the reminders and APPLY_AGAIN first: few, of kinds of their own, not on the claim whose change caused
        // them (if any); each range writes its claims' ones into its part
        List<Notice> reminders = new ArrayList<>();
        store(runDate, batches -> derivation.forEachReminder(runDate, n -> {
            reminders.add(n);
            batches.accept(n);
        }));
        NoticeDerivation.Changes changes = derivation.changes(runDate, threads);
        MemberRecipients members = derivation.membersOf(runDate, changes.count()); // shared by the ranges, read only
        ProgressMeter progress = new ProgressMeter("notices", "status changes read");
        AtomicLong read = new AtomicLong();
        IntConsumer changesDone = n -> {
            long done = read.addAndGet(n);
            synchronized (progress) {
                progress.update(done, changes.count() == 0 ? -1 : (double) done / changes.count());
            }
        };
        Path parts = nightFolder.resolve(PARTS);
        FileSystemUtils.deleteRecursively(parts.toFile());
        createDirectories(parts);
        StepClock clock = new StepClock();
        List<Callable<FileOrderPart.Written>> ranges = new ArrayList<>();
        for (KeyRange claims : changes.claimRanges()) {
            int index = ranges.size();
            ranges.add(() -> {
                try (FileOrderPart part = new FileOrderPart(parts, index)) {
                    reminders.stream().filter(n -> claims.contains(n.claimNo())).forEach(part::add);
                    long start = System.nanoTime();
                    store(runDate, batches -> derivation.forEachCaused(runDate, claims, members, n -> {
                        part.add(n);
                        batches.accept(n);
                    }, changesDone), clock);
                    long stored = System.nanoTime();
                    FileOrderPart.Written written = part.finish();
                    clock.derivedAndStored.addAndGet(stored - start);
                    clock.inFileOrder.addAndGet(System.nanoTime() - stored);
                    return written;
                }
            });
        }
        List<FileOrderPart.Written> written = ParallelTasks.run(threads, ranges, "deriving notices");
        long joinStart = System.nanoTime();
        long notices = written.stream().mapToLong(FileOrderPart.Written::notices).sum();
        long letters = written.stream().mapToLong(FileOrderPart.Written::letters).sum();
        if (notices != reminders.size() + clock.stored.get()) {
            throw new IllegalStateException("the night stored " + (reminders.size() + clock.stored.get())
                    + " notices, its files would list " + notices);
        }
        deleteIfExists(nightFolder.resolve(NOTICES_FILE));
        deleteIfExists(nightFolder.resolve(LETTERS_FILE));
        if (notices > 0) {
            CsvOutput.join(nightFolder.resolve(NOTICES_FILE), Notice.HEADER,
                    written.stream().map(FileOrderPart.Written::noticesFile).toList());
        }
        if (letters > 0) {
            CsvOutput.join(nightFolder.resolve(LETTERS_FILE), Notice.HEADER,
                    written.stream().map(FileOrderPart.Written::lettersFile).toList());
        }
        FileSystemUtils.deleteRecursively(parts.toFile());
        log.info("notices: {} in {} range(s); summed over the ranges: derived {} s, stored {} s, put in file order"
                        + " {} s; the files joined in {} s", notices, ranges.size(),
                seconds(clock.derivedAndStored.get() - clock.storing.get()), seconds(clock.storing.get()),
                seconds(clock.inFileOrder.get()), seconds(System.nanoTime() - joinStart));
        return notices;
    }

    /** Where a range's time goes, summed over the ranges (what an operator tunes the step by). */
    private static final class StepClock {
        final AtomicLong derivedAndStored = new AtomicLong();
        final AtomicLong storing = new AtomicLong();
        final AtomicLong inFileOrder = new AtomicLong();
        final AtomicLong stored = new AtomicLong(); // caused notices stored by the ranges
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Where the ranges write their parts while the step runs; gone when it completes. */
    static final String PARTS = ".notice-parts";

    /** Stores what {@code derive} gives, batch by batch, in one transaction of its own. */
    private void store(LocalDate runDate, Consumer<Consumer<Notice>> derive) {
        store(runDate, derive, new StepClock());
    }

    private void store(LocalDate runDate, Consumer<Consumer<Notice>> derive, StepClock clock) {
        ownTransaction.executeWithoutResult(t -> {
            List<Notice> batch = new ArrayList<>(BATCH);
            Runnable insert = () -> {
                long start = System.nanoTime();
                book.insert(runDate, batch);
                clock.storing.addAndGet(System.nanoTime() - start);
                clock.stored.addAndGet(batch.size());
                batch.clear();
            };
            derive.accept(notice -> {
                batch.add(notice);
                if (batch.size() == BATCH) {
                    insert.run();
                }
            });
            insert.run();
        });
    }

    /** A night that starts over from its ingest (issue 38): its notices go, in the caller's transaction. */
    public void forgetNight(LocalDate runDate) {
        book.deleteNight(runDate);
    }

    /**
     * How many notices the night made of each kind (in file order) and delivery, every pair
     * listed, those with none as 0: what the auditors' workbook shows of them.
     */
    public List<NoticeCount> countsOfNight(LocalDate runDate) {
        return book.countsOfNight(runDate);
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

    /**
     * For {@code verify}: the night's notices derived again from the facts (events, claims, the
     * registry, earlier nights' notices) against those stored; every difference named. The files
     * are compared with the stored notices by writing them again ({@link #write}).
     */
    public List<String> differencesFromFacts(LocalDate runDate) {
        return differencesFromFacts(runDate, derivation.inForce());
    }

    /**
     * As {@link #differencesFromFacts(LocalDate)}, derived with the settings the night recorded
     * ({@code recorded}: {@code reports/night-settings.csv}); a setting it did not record (a night
     * written before issue 37) is taken from today's settings, as before.
     */
    public List<String> differencesFromFacts(LocalDate runDate, Map<String, String> recorded) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(recorded));
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        NoticeRules rules;
        try {
            rules = NoticeRules.bound(new Binder(sources, new PropertySourcesPlaceholdersResolver(environment)));
        } catch (RuntimeException e) { // a recorded value that does not bind: named, not a crash of verify
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return List.of(NOTICES_FILE + ": not derived again: the night's recorded settings do not bind ("
                    + cause.getMessage() + ")");
        }
        return differencesFromFacts(runDate, rules);
    }

    private List<String> differencesFromFacts(LocalDate runDate, NoticeRules rules) {
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
        derivation.forEach(runDate, rules, n -> {
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

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
