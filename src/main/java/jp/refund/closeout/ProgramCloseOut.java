package jp.refund.closeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.refund.certificate.StatementPdf;
import jp.refund.report.CloseOutWorkbook;
import jp.refund.report.NightOutputFolder;
import jp.refund.report.Reconciliation;
import jp.refund.report.ReconciliationLine;
import jp.refund.shared.CsvOutput;
import jp.refund.shared.OutputFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Closes the refund program (SPEC section 10): once, after the last completed night, when the
 * application window and every certificate's validity (+ grace days) are over. Changes no
 * claim; writes {@code output/closeout-<D>/} in one rename: the final accounting, the members
 * still owed (for the legal deposit, 供託, or the public notice), the statement for the finance
 * director and the regulator (xlsx and PDF/A-2b), and the program manifest that ties every
 * night's manifest and these files together.
 */
@Service
public class ProgramCloseOut {

    public static final String PROGRAM_MANIFEST = "PROGRAM-MANIFEST.sha256";
    static final String[] ACCOUNTING_HEADER = {"bucket", "wallets", "amount_yen"};
    static final String[] UNCLAIMED_HEADER = {"member_id", "family_name", "given_name", "postal_code", "address",
            "refundable_yen", "state"};

    /** What a close-out did. */
    public record Outcome(Path folder, boolean alreadyClosed, int nights, long unclaimedMembers, long unclaimedYen) {
    }

    private final ProgramBook book;
    private final ProgramEvents events;
    private final ProgramVerification verification;
    private final Reconciliation reconciliation;
    private final OffsetDateTime applicationWindowEnd;
    private final int graceDays;

    ProgramCloseOut(ProgramBook book, ProgramEvents events, ProgramVerification verification, Reconciliation reconciliation,
                    @Value("${refund.application-window.end}") OffsetDateTime applicationWindowEnd,
                    @Value("${refund.certificate.grace-days:0}") int graceDays) {
        this.book = book;
        this.events = events;
        this.verification = verification;
        this.reconciliation = reconciliation;
        this.applicationWindowEnd = applicationWindowEnd;
        this.graceDays = graceDays;
    }

    public static String folderName(LocalDate date) {
        return "closeout-" + date;
    }

    /** The close-out folder already under the output root, if any. */
    public static Path existing(Path outputRoot) {
        if (!Files.isDirectory(outputRoot)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(outputRoot)) {
            return entries.filter(p -> p.getFileName().toString().matches("closeout-\\d{4}-\\d{2}-\\d{2}"))
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Outcome close(LocalDate date, Path outputRoot) {
        Path existing = existing(outputRoot);
        if (existing != null) {
            if (existing.getFileName().toString().equals(folderName(date))) {
                recordClosedOut(date); // a run stopped between the rename and its record
                return new Outcome(existing, true, 0, 0, 0);
            }
            throw new CloseOutRefusedException("the program was already closed out: " + existing);
        }
        List<LocalDate> nights = book.completedNights();
        refuseTooEarly(date, nights);
        refuseDamagedOutput(outputRoot);

        List<ReconciliationLine> lines = reconciliation.compute();
        List<UnclaimedMember> unclaimed = book.unclaimedMembers();
        Map<String, long[]> outcomes = book.outcomesByChannelAndMethod();
        ProgramStatement statement = new ProgramStatement(date, nights, lines, unclaimed, outcomes);

        Path staging = outputRoot.resolve("." + folderName(date) + ".partial");
        Path target = outputRoot.resolve(folderName(date));
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            CsvOutput.write(staging.resolve("final-accounting.csv"), ACCOUNTING_HEADER, out ->
                    statement.finalAccounting().forEach(l -> out.accept(new String[]{l.bucket(),
                            String.valueOf(l.wallets()), String.valueOf(l.amountYen())})));
            CsvOutput.write(staging.resolve("unclaimed-members.csv"), UNCLAIMED_HEADER, out -> unclaimed.forEach(
                    m -> out.accept(new String[]{m.memberId(), nullToEmpty(m.familyName()),
                            nullToEmpty(m.givenName()), nullToEmpty(m.postalCode()), nullToEmpty(m.address()),
                            String.valueOf(m.refundableYen()), m.state()})));
            CloseOutWorkbook.write(staging.resolve(folderName(date) + ".xlsx"), date,
                    "Refund program close-out " + date, statement.sheets());
            byte[] pdf = new StatementPdf().render(statement.pdf());
            OutputFile.write(staging.resolve(folderName(date) + ".pdf"), out -> out.write(pdf));
            writeProgramManifest(outputRoot, staging, target.getFileName().toString(), nights);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        recordClosedOut(date);
        return new Outcome(target, false, nights.size(), unclaimed.size(),
                unclaimed.stream().mapToLong(UnclaimedMember::refundableYen).sum());
    }

    private void refuseTooEarly(LocalDate date, List<LocalDate> nights) {
        if (nights.isEmpty()) {
            throw new CloseOutRefusedException("no night has completed: there is no program to close");
        }
        LocalDate lastNight = nights.get(nights.size() - 1);
        if (!date.isAfter(lastNight)) {
            throw new CloseOutRefusedException("close-out --date=" + date + " must be after the last completed night ("
                    + lastNight + ")");
        }
        LocalDate windowEnd = applicationWindowEnd.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate();
        if (!date.isAfter(windowEnd)) {
            throw new CloseOutRefusedException("close-out --date=" + date + " is not after the application window,"
                    + " which ends " + windowEnd);
        }
        LocalDate lastValid = book.lastValidUntil();
        if (lastValid != null && !date.isAfter(lastValid.plusDays(graceDays))) {
            throw new CloseOutRefusedException("close-out --date=" + date + " is not after the last valid-until date"
                    + " of a certificate (" + lastValid + (graceDays > 0 ? " + " + graceDays + " grace day(s)" : "")
                    + "): it could still be cashed");
        }
        long inForce = book.certificatesInForce();
        if (inForce > 0) {
            throw new CloseOutRefusedException(inForce + " certificate(s) are still SCHEDULED: run a night after "
                    + lastValid.plusDays(graceDays) + " first, so that they expire, then close out");
        }
    }

    private void recordClosedOut(LocalDate date) {
        List<ProgramEvents.Event> all = events.all();
        ProgramEvents.Event latest = all.isEmpty() ? null : all.get(all.size() - 1);
        if (latest == null || latest.kind() != ProgramEvents.Kind.CLOSED_OUT || !latest.closeOutDate().equals(date)) {
            events.record(ProgramEvents.Kind.CLOSED_OUT, date, null);
        }
    }

    /** What a reopening did: the close-out it lifted, and where that close-out's folder now stands. */
    public record Reopened(LocalDate closeOutDate, Path keptAs) {
    }

    /**
     * Reopens a closed program (issue 38) so that nights run again: the close-out's folder is kept,
     * renamed {@code closeout-<D>.reopened-<n>} (no longer the program's seal), and the reopening is
     * recorded with its reason. A later close-out seals the program again, every night included.
     */
    public Reopened reopen(String reason, Path outputRoot) {
        if (reason == null || reason.isBlank()) {
            throw new CloseOutRefusedException("reopen needs --reason=TEXT: why the closed program runs again is"
                    + " recorded for the audit");
        }
        if (reason.length() > 1000 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new CloseOutRefusedException("--reason must be one line of at most 1,000 characters");
        }
        LocalDate closed = events.closedOut(outputRoot).orElseThrow(() -> new CloseOutRefusedException(
                "the program is not closed out: there is nothing to reopen"));
        int eventNo = events.all().stream().mapToInt(ProgramEvents.Event::eventNo).max().orElse(0) + 1;
        Path folder = outputRoot.resolve(folderName(closed));
        Path keptAs = outputRoot.resolve(folderName(closed) + ".reopened-" + eventNo);
        try {
            if (Files.exists(folder)) { // else moved by a reopening stopped before its record
                Files.move(folder, keptAs, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + folder + ": " + e.getMessage(), e);
        }
        events.record(ProgramEvents.Kind.REOPENED, closed, reason.strip());
        return new Reopened(closed, keptAs);
    }

    /** The seal would vouch for what it covers: any difference verify would name refuses it (issue 38). */
    private void refuseDamagedOutput(Path outputRoot) {
        var outcome = verification.beforeSeal(outputRoot);
        if (!outcome.ok()) {
            throw new CloseOutRefusedException("the output differs from the book in " + outcome.differences().size()
                    + " place(s), first: " + outcome.differences().get(0) + "; restore the night(s) (verify --date"
                    + " names each difference), then close out", outcome.differences());
        }
    }

    /** Every night's MANIFEST.sha256 in date order, then the close-out's own files, as {@code sha256sum} lines. */
    private static void writeProgramManifest(Path outputRoot, Path staging, String folder, List<LocalDate> nights)
            throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (LocalDate night : nights) {
            Path nightManifest = outputRoot.resolve(night.toString()).resolve(NightOutputFolder.MANIFEST);
            if (!Files.exists(nightManifest)) {
                throw new CloseOutRefusedException("night " + night + " completed but " + nightManifest
                        + " is missing: restore the night's folder, then close out");
            }
            manifest.append(NightOutputFolder.sha256(nightManifest)).append("  ").append(night).append('/')
                    .append(NightOutputFolder.MANIFEST).append('\n');
        }
        List<Path> own;
        try (Stream<Path> files = Files.list(staging)) {
            own = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : own) {
            manifest.append(NightOutputFolder.sha256(file)).append("  ").append(folder).append('/')
                    .append(file.getFileName()).append('\n');
        }
        OutputFile.write(staging.resolve(PROGRAM_MANIFEST),
                out -> out.write(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }


}
