package jp.refund.closeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.refund.report.NightOutputFolder;
import jp.refund.report.NightVerification;
import org.springframework.stereotype.Service;

/**
 * {@code verify --program}: the whole program in one command (SPEC section 10). Every line of
 * the close-out's {@code PROGRAM-MANIFEST.sha256} against the file it names; every completed
 * night and every night folder under the output root must be in it (a removed or an added
 * night is named); the close-out folder holds nothing the manifest does not list; and every
 * night is verified as {@code verify --date} would.
 */
@Service
public class ProgramVerification {

    private final ProgramBook book;
    private final ProgramEvents events;
    private final NightVerification nights;

    ProgramVerification(ProgramBook book, ProgramEvents events, NightVerification nights) {
        this.book = book;
        this.events = events;
        this.nights = nights;
    }

    public NightVerification.Outcome verify(Path outputRoot) {
        List<String> diffs = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        // a reopened program's close-outs and reopenings, as recorded (issue 38)
        List<ProgramEvents.Event> history = events.all();
        history.forEach(e -> checked.add("program history: " + e.describe()));
        Path closeOut = ProgramCloseOut.existing(outputRoot);
        ProgramEvents.Event latest = history.isEmpty() ? null : history.get(history.size() - 1);
        if (latest != null && latest.kind() == ProgramEvents.Kind.REOPENED && closeOut == null) {
            diffs.add("the program was " + latest.describe() + "; it has no seal until it is closed out again"
                    + " (close-out --date=...)");
            return new NightVerification.Outcome(diffs, checked);
        }
        if (closeOut == null) {
            diffs.add(outputRoot + ": no closeout-<date> folder (run close-out first)");
            return new NightVerification.Outcome(diffs, checked);
        }
        Path manifest = closeOut.resolve(ProgramCloseOut.PROGRAM_MANIFEST);
        if (!Files.exists(manifest)) {
            diffs.add(closeOut.getFileName() + "/" + ProgramCloseOut.PROGRAM_MANIFEST + ": missing");
            return new NightVerification.Outcome(diffs, checked);
        }
        Map<String, String> listed = read(manifest);
        int before = diffs.size();
        Set<LocalDate> listedNights = new TreeSet<>();
        for (Map.Entry<String, String> e : listed.entrySet()) {
            String path = e.getKey();
            Path file = outputRoot.resolve(path);
            if (path.endsWith("/" + NightOutputFolder.MANIFEST)) {
                listedNights.add(LocalDate.parse(path.substring(0, path.indexOf('/'))));
            }
            if (!Files.exists(file)) {
                diffs.add(path + ": listed in the program manifest but missing"
                        + (path.endsWith(NightOutputFolder.MANIFEST) ? " (was the night's folder removed?)" : ""));
            } else if (!sha256(file).equals(e.getValue())) {
                diffs.add(path + ": changed since the close-out (SHA-256 differs from the program manifest)");
            }
        }
        Set<LocalDate> present = new TreeSet<>(book.completedNights());
        present.addAll(nightFolders(outputRoot));
        for (LocalDate night : present) {
            if (!listedNights.contains(night)) {
                diffs.add(night + "/: a night the program manifest does not list");
            }
        }
        try (Stream<Path> own = Files.list(closeOut)) {
            for (Path file : own.filter(Files::isRegularFile).sorted().toList()) {
                String path = closeOut.getFileName() + "/" + file.getFileName();
                if (!file.getFileName().toString().equals(ProgramCloseOut.PROGRAM_MANIFEST) && !listed.containsKey(path)) {
                    diffs.add(path + ": not in the program manifest");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (diffs.size() == before) {
            checked.add("program manifest: " + listedNights.size() + " night manifest(s) and "
                    + (listed.size() - listedNights.size()) + " close-out file(s) as recorded, no night missing or added");
        }
        for (LocalDate night : listedNights) {
            if (!Files.isDirectory(outputRoot.resolve(night.toString()))) {
                continue; // named above
            }
            verifyNight(night, outputRoot, diffs, checked);
        }
        return new NightVerification.Outcome(diffs, checked);
    }

    /**
     * What {@code close-out} checks before it seals (issue 38): the checks of {@code verify
     * --program} that do not need the seal itself. Every completed night has its folder and every
     * night folder is a completed night; every night holds as {@code verify --date} would
     * (manifest, bank file against the database, certificates, notices, reports); and the output
     * root holds no close-out folder already.
     */
    public NightVerification.Outcome beforeSeal(Path outputRoot) {
        List<String> diffs = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Set<LocalDate> completed = new TreeSet<>(book.completedNights());
        Set<LocalDate> folders = new TreeSet<>(Files.isDirectory(outputRoot) ? nightFolders(outputRoot) : List.of());
        Set<LocalDate> all = new TreeSet<>(completed);
        all.addAll(folders);
        for (LocalDate night : all) {
            if (!folders.contains(night)) {
                diffs.add(night + "/: the night completed but its folder is missing under " + outputRoot);
            } else if (!completed.contains(night)) {
                diffs.add(night + "/: a night folder the database has no completed night of");
            } else {
                verifyNight(night, outputRoot, diffs, checked);
            }
        }
        return new NightVerification.Outcome(diffs, checked);
    }

    private void verifyNight(LocalDate night, Path outputRoot, List<String> diffs, List<String> checked) {
        NightVerification.Outcome outcome = nights.verify(night, outputRoot);
        outcome.differences().forEach(d -> diffs.add(night + ": " + d));
        if (outcome.ok()) {
            checked.add(night + ": every check of verify --date held (" + outcome.checked().size() + ")");
        }
    }

    private static Map<String, String> read(Path manifest) {
        Map<String, String> lines = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(manifest)) {
                int gap = line.indexOf("  ");
                if (gap > 0) {
                    lines.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static List<LocalDate> nightFolders(Path outputRoot) {
        try (Stream<Path> entries = Files.list(outputRoot)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}")).map(LocalDate::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return NightOutputFolder.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
