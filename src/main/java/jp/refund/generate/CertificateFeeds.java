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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.refund.ingest.Feed;

/**
 * After nights have issued certificates, writes what Japan Post Bank and support send back
 * (SPEC section 10), deterministic for a seed: for every certificate on the mailing lists of
 * an output folder, about 3% a reissue request (lost, damaged or not received; a third of them
 * to a new address), otherwise about 95% cashed within validity and the rest a few days late
 * (an EXPIRED_CERTIFICATE alert, and the certificate expires). Each row goes into the input
 * folder of the day after it happened, so the nights are run in date order as usual.
 */
public final class CertificateFeeds {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+09:00'");
    private static final String[] REISSUE_REASONS = {"LOST", "DAMAGED", "NOT_RECEIVED"};

    /** What was written. */
    public record Summary(int certificates, int redemptions, int late, int reissues, int nights) {
    }

    private record Issued(LocalDate night, String certificateNo, String claimNo, long amountYen,
                          LocalDate issueDate, LocalDate validUntil) {
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private CertificateFeeds() {
    }

    public static Summary write(Path outputRoot, Path inputRoot, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<LocalDate, List<String>> redemptions = new TreeMap<>();
        Map<LocalDate, List<String>> reissues = new TreeMap<>();
        List<Issued> certificates = mailingLists(outputRoot);
        // nothing before the day after the last night already run: nights only go forward
        LocalDate first = certificates.stream().map(Issued::night).max(LocalDate::compareTo)
                .orElse(LocalDate.MIN).plusDays(1);
        int late = 0;
        int n = 0;
        for (Issued c : certificates) {
            n++;
            if (random.nextInt(100) < 3) {
                LocalDateTime at = c.issueDate().plusDays(3 + random.nextInt(30)).atTime(9 + random.nextInt(8),
                        random.nextInt(60));
                String reason = REISSUE_REASONS[random.nextInt(REISSUE_REASONS.length)];
                String address = random.nextInt(3) == 0 ? String.format("%07d", 1_000_000 + random.nextInt(8_999_999))
                        + ",東京都新宿区西新宿" + (1 + random.nextInt(8)) + "-" + (1 + random.nextInt(30)) : ",";
                reissues.computeIfAbsent(latest(at.toLocalDate().plusDays(1), first), d -> new ArrayList<>()).add(String.join(",",
                        "RI" + String.format("%09d", n), c.claimNo(), TIMESTAMP.format(at), reason, address));
                continue;
            }
            long validDays = ChronoUnit.DAYS.between(c.issueDate(), c.validUntil());
            LocalDate day;
            if (random.nextInt(100) < 95) {
                day = c.issueDate().plusDays(1 + random.nextLong(Math.max(1, validDays)));
            } else {
                day = c.validUntil().plusDays(1 + random.nextInt(20));
                late++;
            }
            LocalDateTime at = day.atTime(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60));
            redemptions.computeIfAbsent(latest(day.plusDays(1), first), d -> new ArrayList<>()).add(String.join(",",
                    "RD" + String.format("%09d", n), c.certificateNo(), TIMESTAMP.format(at),
                    String.format("%07d", random.nextInt(10_000_000)), String.valueOf(c.amountYen())));
        }
        java.util.Set<LocalDate> nights = new java.util.TreeSet<>(redemptions.keySet());
        nights.addAll(reissues.keySet());
        try {
            for (Map.Entry<LocalDate, List<String>> e : redemptions.entrySet()) {
                write(inputRoot, e.getKey(), Feed.CERTIFICATE_REDEMPTIONS, e.getValue());
            }
            for (Map.Entry<LocalDate, List<String>> e : reissues.entrySet()) {
                write(inputRoot, e.getKey(), Feed.CERTIFICATE_REISSUES, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + inputRoot + ": " + e.getMessage(), e);
        }
        int reissued = reissues.values().stream().mapToInt(List::size).sum();
        return new Summary(certificates.size(), certificates.size() - reissued, late, reissued, nights.size());
    }

    private static void write(Path inputRoot, LocalDate night, Feed feed, List<String> rows) throws IOException {
        Path folder = Files.createDirectories(inputRoot.resolve(night.toString()));
        try (Writer out = Files.newBufferedWriter(folder.resolve(feed.fileName()), StandardCharsets.UTF_8)) {
            out.write(String.join(",", feed.columns()) + "\n");
            for (String row : rows) {
                out.write(row + "\n");
            }
        }
    }

    /** Every certificate on the nights' mailing lists, by night and number. */
    private static List<Issued> mailingLists(Path outputRoot) {
        List<Issued> issued = new ArrayList<>();
        try (Stream<Path> nights = Files.list(outputRoot)) {
            for (Path night : nights.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .sorted().toList()) {
                Path list = night.resolve("certificates/mailing-list.csv");
                if (!Files.exists(list)) {
                    continue;
                }
                // the generator's own mailing lists: no field holds a comma or a line break
                for (String line : Files.readAllLines(list).subList(1, Files.readAllLines(list).size())) {
                    String[] f = line.split(",");
                    int n = f.length;
                    issued.add(new Issued(LocalDate.parse(night.getFileName().toString()), f[0], f[1], Long.parseLong(f[n - 3]), LocalDate.parse(f[n - 2]),
                            LocalDate.parse(f[n - 1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + outputRoot + ": " + e.getMessage(), e);
        }
        return issued;
    }
}
