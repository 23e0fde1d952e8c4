package jp.refund.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import jp.refund.shared.OutputFile;

/**
 * {@code output/<D>/}. A night writes into a staging folder {@code output/.<D>.partial/}
 * step by step; when every file is there, the manifest is written and the folder is
 * renamed into place in one move. So {@code output/<D>/} is either absent or complete,
 * and a completed date's folder is never touched again.
 */
public final class NightOutputFolder {

    public static final String MANIFEST = "MANIFEST.sha256";

    private final Path outputRoot;
    private final LocalDate runDate;

    public NightOutputFolder(Path outputRoot, LocalDate runDate) {
        this.outputRoot = outputRoot;
        this.runDate = runDate;
    }

    /** Where the night's steps write their files until the folder is published. */
    public Path staging() {
        return outputRoot.resolve("." + runDate + ".partial");
    }

    public Path published() {
        return outputRoot.resolve(runDate.toString());
    }

    /**
     * Writes {@code MANIFEST.sha256} over every file of the staging folder, after removing
     * what a killed run left half-written; nothing when the folder is already in place.
     */
    public void writeManifest() {
        Path staging = staging();
        if (!Files.exists(staging) && Files.exists(published())) {
            // resumed after the folder was moved into place (the job repository lost the step's completion,
            // e.g. a halt within the database's write delay): the manifest is already in it. Writing one
            // here would create an empty staging folder that publishing then moves over the night's files.
            return;
        }
        try {
            Files.createDirectories(staging);
            removeTemporaryFiles(staging);
            writeManifest(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + staging + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves the staging folder into place in one rename. A published folder left by a run
     * that died before it could be recorded as completed is replaced: outputs are a function
     * of inputs and settings, so it holds the same bytes. Run again after the move (a run
     * killed before the step was recorded), it finds the folder in place and does nothing.
     */
    public void moveIntoPlace() {
        Path staging = staging();
        Path target = published();
        try {
            if (!Files.exists(staging)) {
                if (Files.exists(target)) {
                    return;
                }
                throw new IllegalStateException("neither " + staging + " nor " + target + " exists: the night's files"
                        + " are gone");
            }
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A run killed after the folder was moved into place but before the night was recorded
     * as completed left {@code output/<D>/} and no staging folder; and the database may have
     * lost the record of the publishing steps that ran before the move (H2 writes commits
     * to disk a moment later). Every step that writes into the staging folder first moves
     * such a folder back, so what it writes joins everything the night wrote before.
     */
    public void reclaimUnrecordedPublication() {
        try {
            if (!Files.exists(staging()) && Files.exists(published())) {
                Files.move(published(), staging(), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + published() + " back to " + staging(), e);
        }
    }

    /** Removes the staging folder of a night that is to leave no trace. */
    public void discardStaging() {
        try {
            if (Files.exists(staging())) {
                deleteTree(staging());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staging() + ": " + e.getMessage(), e);
        }
    }

    /** Half-written files of a killed run (renamed into place only when complete) go before publishing. */
    private static void removeTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void writeManifest(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.equals(folder.resolve(MANIFEST)))
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
        StringBuilder manifest = new StringBuilder();
        for (Path file : files) {
            manifest.append(sha256(file)).append("  ")
                    .append(folder.relativize(file).toString().replace('\\', '/')).append('\n');
        }
        OutputFile.write(folder.resolve(MANIFEST), out -> out.write(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
