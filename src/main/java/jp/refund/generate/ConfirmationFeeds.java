package jp.refund.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.refund.ingest.Feed;

/**
 * After nights have run with {@code refund.confirmation.required=true}, writes the applicants'
 * answers (confirmations.csv, SPEC section 9), deterministic for a seed: for every claim that
 * started awaiting confirmation (an {@code AWAITING_CONFIRMATION} line of a night's
 * {@code reports/claim-events.csv}), about 90% CONFIRM by the deadline, about 2% DECLINE, and
 * the rest never answer (the deadline rejects them NOT_CONFIRMED). Each answer goes into the
 * input folder of the day after it was given — never before the day after the last night
 * already run — so the nights are run in date order as usual.
 */
public final class ConfirmationFeeds {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+09:00'");
    private static final int DEFAULT_DEADLINE_DAYS = 30;

    /** What was written. */
    public record Summary(int awaiting, int confirmed, int declined, int nights) {
    }

    private record Awaiting(LocalDate night, String claimNo, LocalDate confirmBy) {
    }

    private ConfirmationFeeds() {
    }

    public static Summary write(Path outputRoot, Path inputRoot, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Awaiting> claims = awaiting(outputRoot);
        LocalDate first = claims.stream().map(Awaiting::night).max(LocalDate::compareTo).orElse(LocalDate.MIN)
                .plusDays(1);
        Map<LocalDate, List<String>> answers = new TreeMap<>();
        int confirmed = 0;
        int declined = 0;
        int n = 0;
        for (Awaiting c : claims) {
            n++;
            int roll = random.nextInt(100);
            String answer;
            LocalDate day;
            long window = ChronoUnit.DAYS.between(c.night(), c.confirmBy()) + 1;
            if (roll < 90) {
                answer = "CONFIRM";
                // most answer in the first days after the balance notice, a few near the deadline
                day = c.night().plusDays(Math.min(window - 1, (long) (window * Math.pow(random.nextDouble(), 3))));
                confirmed++;
            } else if (roll < 92) {
                answer = "DECLINE";
                day = c.night().plusDays(random.nextLong(Math.max(1, window)));
                declined++;
            } else {
                continue;
            }
            LocalDateTime at = day.atTime(7 + random.nextInt(16), random.nextInt(60), random.nextInt(60));
            LocalDate delivered = at.toLocalDate().plusDays(1).isBefore(first) ? first : at.toLocalDate().plusDays(1);
            answers.computeIfAbsent(delivered, d -> new ArrayList<>()).add(String.join(",",
                    "CF" + String.format("%09d", n), c.claimNo(), TIMESTAMP.format(at), answer));
        }
        try {
            for (Map.Entry<LocalDate, List<String>> e : answers.entrySet()) {
                write(inputRoot, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + inputRoot + ": " + e.getMessage(), e);
        }
        return new Summary(claims.size(), confirmed, declined, answers.size());
    }

    private static void write(Path inputRoot, LocalDate night, List<String> rows) throws IOException {
        Feed feed = Feed.CONFIRMATIONS;
        Path folder = Files.createDirectories(inputRoot.resolve(night.toString()));
        try (Writer out = Files.newBufferedWriter(folder.resolve(feed.fileName()), StandardCharsets.UTF_8)) {
            out.write(String.join(",", feed.columns()) + "\n");
            for (String row : rows) {
                out.write(row + "\n");
            }
        }
    }

    /** Every claim that started awaiting confirmation, by night and event order, with its deadline. */
    private static List<Awaiting> awaiting(Path outputRoot) {
        List<Awaiting> claims = new ArrayList<>();
        try (Stream<Path> nights = Files.list(outputRoot)) {
            for (Path night : nights.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .sorted().toList()) {
                Path events = night.resolve("reports/claim-events.csv");
                if (!Files.exists(events)) {
                    continue;
                }
                LocalDate date = LocalDate.parse(night.getFileName().toString());
                int deadlineDays = deadlineDays(night.resolve("reports/night-settings.csv"));
                try (Stream<String> lines = Files.lines(events)) {
                    List<String> header = new ArrayList<>();
                    lines.forEach(line -> {
                        String[] f = line.split(",", -1);
                        if (header.isEmpty()) {
                            header.addAll(Arrays.asList(f));
                            return;
                        }
                        // the event columns the generator's books fill hold no comma
                        if (f[header.indexOf("status")].equals("AWAITING_CONFIRMATION")) {
                            claims.add(new Awaiting(date, f[header.indexOf("claim_no")], date.plusDays(deadlineDays)));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + outputRoot + ": " + e.getMessage(), e);
        }
        return claims;
    }

    /** The night's recorded refund.confirmation.deadline-days, or its default when the night did not set it. */
    private static int deadlineDays(Path nightSettings) throws IOException {
        if (Files.exists(nightSettings)) {
            for (String line : Files.readAllLines(nightSettings)) {
                if (line.startsWith("refund.confirmation.deadline-days,")) {
                    return Integer.parseInt(line.substring(line.indexOf(',') + 1).strip());
                }
            }
        }
        return DEFAULT_DEADLINE_DAYS;
    }
}
