package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import jp.refund.NightlyHarness;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random damage to random rows of random feeds of a generated night, run through the real
 * command line. Whatever the damage, every physical line written is read into a record, every
 * record read is accepted, skipped or rejected (each reject on record), and the night either
 * completes or stops keeping nothing, after which the undamaged files run to completion: it
 * never ends stuck.
 *
 * <p>The damage is drawn from a seeded generator: a new seed each run ({@code System.nanoTime()}),
 * so every run explores new cases, or the one given with {@code -Drefund.test.seed=S}. The seed
 * is printed at the start, and a failure names it with the try and its damage, so a failing run
 * can be repeated exactly.
 */
class DamagedNightPropertiesIT {

    private static final LocalDate NIGHT = LocalDate.of(2019, 10, 1);
    /** Placeholder for a byte that is not UTF-8 (0xFF), put into the bytes when the file is written. */
    private static final char INVALID_BYTE = '\uE000';

    /** Nights with random damage per run. */
    private static final int TRIES = 30;
    /** Damages per night, at least and at most. */
    private static final int MIN_DAMAGES = 1;
    private static final int MAX_DAMAGES = 4;

    private static Path pristine;
    private static Path work;

    @BeforeAll
    static void generateNight() throws IOException {
        work = Files.createTempDirectory("damaged-nights");
        Path book = work.resolve("book");
        new BookGenerator(new BookGenerator.Settings(book, 60, 11, 1, NIGHT, 0.8)).generate();
        pristine = book.resolve(NIGHT.toString());
    }

    @AfterAll
    static void removeWork() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    enum Kind {
        DROP_LAST_FIELD, EXTRA_FIELD, EMPTY_FIELD, BARE_QUOTE, OPENING_QUOTE, HUGE_VALUE, INVISIBLE_CHARACTER_IN_KEY,
        NUL, INVALID_BYTE, HUGE_AMOUNT, DELETE_LINE, DUPLICATE_LINE, BLANK_LINE, SPLIT_LINE
    }

    /** One damage: which feed file, which data line, what, where in the line (all taken modulo what exists). */
    record Damage(int file, int line, Kind kind, int position) {
    }

    /** The seed of this run: {@code -Drefund.test.seed=S}, else a new one. */
    static long seed() {
        String given = System.getProperty("refund.test.seed");
        return given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    }

    /**
     * One to four damages, each with a file in 0..99, a line and a position in 0..9,999 and any
     * kind; one value in ten is drawn from the ends of its range (0, 1, the maximum), where
     * off-by-one mistakes live.
     */
    static List<Damage> damages(SplittableRandom random) {
        int count = between(random, MIN_DAMAGES, MAX_DAMAGES);
        List<Damage> damages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            damages.add(new Damage(between(random, 0, 99), between(random, 0, 9_999),
                    Kind.values()[random.nextInt(Kind.values().length)], between(random, 0, 9_999)));
        }
        return damages;
    }

    private static int between(SplittableRandom random, int min, int max) {
        if (random.nextInt(10) == 0) {
            int[] ends = {min, Math.min(min + 1, max), max};
            return ends[random.nextInt(ends.length)];
        }
        return random.nextInt(min, max + 1);
    }

    @Test
    void everyLineIsAccountedForAndTheNightNeverEndsStuck() throws IOException {
        long seed = seed();
        System.out.printf("DamagedNightPropertiesIT: %d tries, seed %d (repeat with -Drefund.test.seed=%d)%n",
                TRIES, seed, seed);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> statistics = new TreeMap<>();
        for (int t = 1; t <= TRIES; t++) {
            List<Damage> damages = damages(random);
            try {
                String outcome = damageOneNight(t, damages);
                damages.forEach(d -> statistics.merge("damage " + d.kind(), 1, Integer::sum));
                statistics.merge("night " + outcome, 1, Integer::sum);
            } catch (AssertionError | RuntimeException | IOException e) {
                throw new AssertionError("try " + t + " of " + TRIES + ", seed " + seed + " (repeat with -Drefund.test.seed="
                        + seed + "), damage " + damages + ": " + e.getMessage(), e);
            }
        }
        System.out.println("DamagedNightPropertiesIT: seed " + seed + ", " + statistics);
    }

    /** Damages a fresh copy of the night, runs it and checks it; returns "completed" or "stopped". */
    private static String damageOneNight(int tryNumber, List<Damage> damages) throws IOException {
        Path root = work.resolve("try-" + tryNumber);
        NightlyHarness h = new NightlyHarness(root);
        Path night = h.night(NIGHT.toString(), pristine);
        List<Path> files;
        try (Stream<Path> list = Files.list(night)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Map<Path, List<String>> damaged = new TreeMap<>();
        for (Damage d : damages) {
            Path file = files.get(d.file() % files.size());
            List<String> lines = damaged.computeIfAbsent(file, DamagedNightPropertiesIT::dataLinesWithHeader);
            apply(d, lines);
        }
        damaged.forEach(DamagedNightPropertiesIT::write);

        NightlyHarness.Result result = h.run("nightly", "--date=" + NIGHT);

        if (result.exitCode() == 0) {
            for (Path file : damaged.keySet()) {
                assertAccountedFor(h, file);
            }
            return "completed";
        }
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("error: ").doesNotContain("\n");
        for (String table : List.of("ingest_count", "ingest_reject", "member", "wallet", "application", "claim",
                "night")) {
            assertThat(h.count("SELECT COUNT(*) FROM " + table)).as(table + " after " + result.stderr()).isZero();
        }
        assertThat(Files.exists(h.output().resolve(NIGHT.toString()))).isFalse();
        for (Path file : damaged.keySet()) {
            Files.copy(pristine.resolve(file.getFileName()), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        NightlyHarness.Result repaired = h.run("nightly", "--date=" + NIGHT);
        assertThat(repaired.exitCode()).as("the repaired night: " + repaired.stderr()).isZero();
        return "stopped";
    }

    /** Physical lines written = lines read into records; records read = accepted + skipped + rejected, each reject kept. */
    private static void assertAccountedFor(NightlyHarness h, Path file) {
        String name = file.getFileName().toString();
        Feed feed = Stream.of(Feed.values()).filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
        List<List<String>> counts = h.rows("SELECT rows_read, accepted, skipped, rejected, lines_read FROM ingest_count"
                + " WHERE feed = ?", feed.id());
        assertThat(counts).as(name).hasSize(1);
        List<Long> c = counts.get(0).stream().map(Long::valueOf).toList();
        assertThat(c.get(0)).as(name + " read = accepted + skipped + rejected").isEqualTo(c.get(1) + c.get(2) + c.get(3));
        assertThat(c.get(4)).as(name + " lines read = lines written").isEqualTo(physicalDataLines(file));
        assertThat(c.get(0)).as(name + " records read ≤ lines").isLessThanOrEqualTo(c.get(4));
        assertThat(h.count("SELECT COUNT(*) FROM ingest_reject WHERE feed = ?", feed.id())).as(name + " rejects kept")
                .isEqualTo(c.get(3));
        assertThat(h.read(NIGHT + "/reports/ingest-summary.csv")).contains(feed.id() + "," + name + "," + c.get(0)
                + "," + c.get(1) + "," + c.get(2) + "," + c.get(3));
    }

    private static long physicalDataLines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            long lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                lines++;
            }
            return lines - 1; // the header
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> dataLinesWithHeader(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Damages one data line (never the header: a broken header is its own, simpler case). */
    private static void apply(Damage d, List<String> lines) {
        if (lines.size() < 2) {
            lines.add("");
        }
        int index = 1 + d.line() % (lines.size() - 1);
        String line = lines.get(index);
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        int field = d.position() % fields.size();
        int at = line.isEmpty() ? 0 : d.position() % line.length();
        switch (d.kind()) {
            case DROP_LAST_FIELD -> lines.set(index, line.substring(0, Math.max(0, line.lastIndexOf(','))));
            case EXTRA_FIELD -> lines.set(index, line + ",extra");
            case EMPTY_FIELD -> {
                fields.set(field, "");
                lines.set(index, String.join(",", fields));
            }
            case BARE_QUOTE -> lines.set(index, line.substring(0, at) + "\"" + line.substring(at));
            case OPENING_QUOTE -> {
                fields.set(field, "\"" + fields.get(field));
                lines.set(index, String.join(",", fields));
            }
            case HUGE_VALUE -> {
                fields.set(field, "x".repeat(40_000));
                lines.set(index, String.join(",", fields));
            }
            case INVISIBLE_CHARACTER_IN_KEY -> lines.set(index,
                    List.of("\uFEFF", "\u200D", "\u00A0", "\u202E").get(d.position() % 4) + line);
            case NUL -> lines.set(index, line.substring(0, at) + "\0" + line.substring(at));
            case INVALID_BYTE -> lines.set(index, line.substring(0, at) + INVALID_BYTE + line.substring(at));
            case HUGE_AMOUNT -> {
                for (int i = 0; i < fields.size(); i++) {
                    int f = (field + i) % fields.size();
                    if (fields.get(f).matches("[0-9]+")) {
                        fields.set(f, "99999999999");
                        break;
                    }
                }
                lines.set(index, String.join(",", fields));
            }
            case DELETE_LINE -> lines.remove(index);
            case DUPLICATE_LINE -> lines.add(index, line);
            case BLANK_LINE -> lines.add(index, "");
            case SPLIT_LINE -> {
                lines.set(index, line.substring(0, at));
                lines.add(index + 1, line.substring(at));
            }
        }
    }

    private static void write(Path file, List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] parts = (String.join("\n", lines) + "\n").split(String.valueOf(INVALID_BYTE), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                bytes.write(0xFF);
            }
            bytes.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        try {
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
