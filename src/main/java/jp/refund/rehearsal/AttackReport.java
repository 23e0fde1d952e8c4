package jp.refund.rehearsal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.bankfile.ZenginFormatException;
import jp.refund.bankfile.ZenginTrailerRecord;
import jp.refund.claim.Channel;
import jp.refund.claim.ClaimReason;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.PayoutMethod;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.shared.CsvOutput;
import jp.refund.shared.KeysetPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code attack-report} (SPEC section 11): after the nights of a rehearsal, where the yen of each
 * campaign of the answer key stands, and what the controls cost honest applicants. Reads the book
 * (claims, their events, certificates) a page of claims at a time, and checks that every bank file
 * the book says was emitted is in the output folders with the same count and total. Changes nothing
 * in the book; writes {@code attack-report.csv} at the root of the output folder.
 */
@Service
public class AttackReport {

    private static final Logger log = LoggerFactory.getLogger(AttackReport.class);

    public static final String FILE_NAME = "attack-report.csv";
    /** The line that adds up the five attacker campaigns. */
    static final String ATTACKERS = "ATTACKERS";

    /** The report's lines: HONEST, the five campaigns, then ATTACKERS; and where the CSV went. */
    public record Outcome(List<CampaignFigures> lines, Path file, LocalDate lastNight) {

        /** The figures as a table for the console: one line per figure, one column per campaign. */
        public String table() {
            List<String[]> rows = new ArrayList<>();
            for (CampaignFigures l : lines) {
                rows.add(l.row(l.name().equals(Campaign.HONEST.name())));
            }
            int first = 0;
            for (String h : CampaignFigures.HEADER) {
                first = Math.max(first, h.length());
            }
            int[] widths = new int[rows.size()];
            for (int c = 0; c < rows.size(); c++) {
                for (String v : rows.get(c)) {
                    widths[c] = Math.max(widths[c], v.length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (int f = 0; f < CampaignFigures.HEADER.length; f++) {
                out.append(String.format("%-" + first + "s", f == 0 ? "" : CampaignFigures.HEADER[f]));
                for (int c = 0; c < rows.size(); c++) {
                    out.append(String.format("  %" + widths[c] + "s", rows.get(c)[f]));
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    private final JdbcTemplate jdbc;
    private final PayoutScheduler scheduler;

    AttackReport(JdbcTemplate jdbc, PayoutScheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    /**
     * Checks the key against the book and the bank files against the output folders, then counts
     * and writes the report. Nothing is written when a check fails.
     *
     * @throws AttackReportException naming the first application, line or file that does not fit
     */
    public Outcome write(Path keyFile, Path outputRoot) {
        long start = System.nanoTime();
        AnswerKey key = AnswerKey.read(keyFile);
        log.info("attack report: {} line(s) of the key read ({} ms)", key.size(), millisSince(start));
        LocalDate lastNight = jdbc.queryForObject("SELECT MAX(run_date) FROM night", LocalDate.class);
        if (lastNight == null) {
            throw new AttackReportException("no night has completed in this database: run the nights first");
        }
        Map<Campaign, CampaignFigures> figures = new EnumMap<>(Campaign.class);
        for (Campaign c : Campaign.values()) {
            figures.put(c, new CampaignFigures(c.name()));
        }
        checkKeyNamesTheBook(key, keyFile);
        for (int i = 0; i < key.size(); i++) {
            figures.get(key.campaign(i)).applications++;
        }
        log.info("attack report: the key names every application of the book ({} ms)", millisSince(start));
        checkBankFiles(outputRoot);
        log.info("attack report: every emitted bank file is in {} ({} ms)", outputRoot, millisSince(start));
        Map<String, List<String>> honestDuplicatesByMember = countClaims(key, figures, lastNight);
        log.info("attack report: claims counted ({} ms)", millisSince(start));
        figures.get(Campaign.HONEST).ownersBlocked = ownersBlocked(key, honestDuplicatesByMember);
        log.info("attack report: {} honest DUPLICATE member(s) looked at for blocked owners ({} ms)",
                honestDuplicatesByMember.size(), millisSince(start));

        List<CampaignFigures> lines = new ArrayList<>(figures.values());
        CampaignFigures attackers = new CampaignFigures(ATTACKERS);
        figures.forEach((c, f) -> {
            if (c.attacker()) {
                attackers.add(f);
            }
        });
        lines.add(attackers);
        Path file = outputRoot.resolve(FILE_NAME);
        try {
            Files.createDirectories(outputRoot);
        } catch (IOException e) {
            throw new AttackReportException("cannot create " + outputRoot + ": " + e.getMessage());
        }
        CsvOutput.write(file, CampaignFigures.HEADER, rows -> lines.forEach(
                l -> rows.accept(l.row(l.name().equals(Campaign.HONEST.name())))));
        return new Outcome(List.copyOf(lines), file, lastNight);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Every application of the book is in the key and the key names no other: a key of another
     * book (or seed) would put an attacker's yen on an honest line without a word.
     */
    private void checkKeyNamesTheBook(AnswerKey key, Path keyFile) {
        BitSet named = new BitSet(key.size());
        long[] notInKey = {0};
        String[] firstNotInKey = {null};
        KeysetPages.<String>forEach(last -> jdbc.queryForList("SELECT application_id FROM application"
                        + " WHERE application_id > ? ORDER BY application_id FETCH FIRST ? ROWS ONLY", String.class,
                last == null ? "" : last, KeysetPages.PAGE), id -> {
                    int i = key.indexOf(id);
                    if (i < 0) {
                        if (firstNotInKey[0] == null) {
                            firstNotInKey[0] = id;
                        }
                        notInKey[0]++;
                    } else {
                        named.set(i);
                    }
                });
        int unknown = named.nextClearBit(0);
        if (unknown < key.size()) {
            throw new AttackReportException(keyFile + " line " + key.line(unknown) + ": application "
                    + key.applicationId(unknown) + " is not in the database (is this the key of this book?)");
        }
        if (notInKey[0] > 0) {
            throw new AttackReportException(notInKey[0] + " application(s) of the database are not in " + keyFile
                    + ", the first " + firstNotInKey[0] + ": the key must name every application of the book");
        }
    }

    /**
     * A transfer counts as paid once its bank file was emitted: each file the book says a night
     * wrote must be in that night's folder, its trailer holding the book's count and total.
     */
    private void checkBankFiles(Path outputRoot) {
        jdbc.query("SELECT emitted_on, reference, COUNT(*), SUM(amount_yen) FROM claim WHERE payout_method = 'BANK'"
                + " AND emitted_on IS NOT NULL GROUP BY emitted_on, reference ORDER BY emitted_on, reference", rs -> {
                    LocalDate night = rs.getObject(1, LocalDate.class);
                    String name = rs.getString(2);
                    Path file = outputRoot.resolve(night.toString()).resolve("bank").resolve(name);
                    ZenginTrailerRecord trailer = trailer(file, night, name);
                    if (trailer.count() != rs.getLong(3) || trailer.totalYen() != rs.getLong(4)) {
                        throw new AttackReportException(night + "/bank/" + name + " holds " + trailer.count()
                                + " transfer(s), " + trailer.totalYen() + " yen; the book says that night emitted "
                                + rs.getLong(3) + ", " + rs.getLong(4) + " yen");
                    }
                });
    }

    /** The trailer, the second-to-last record: the file is 120-byte records, with or without CRLF. */
    private static ZenginTrailerRecord trailer(Path file, LocalDate night, String name) {
        if (!Files.isRegularFile(file)) {
            throw new AttackReportException(file + " is missing: the book says the night of " + night + " emitted "
                    + name + " (is --output the folder of the nights?)");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] probe = new byte[2];
            int stride = 120;
            if (size >= 122) {
                in.seek(120);
                in.readFully(probe);
                stride = probe[0] == '\r' && probe[1] == '\n' ? 122 : 120;
            }
            if (size < 3L * stride || size % stride != 0) {
                throw new AttackReportException(file + ": not a Zengin file of whole 120-byte records");
            }
            byte[] record = new byte[120];
            in.seek(size - 2L * stride);
            in.readFully(record);
            return ZenginTrailerRecord.parse(record);
        } catch (ZenginFormatException e) {
            throw new AttackReportException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new AttackReportException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private record ClaimRow(String claimNo, String applicationId, Channel channel, String memberId,
                            ClaimStatus status, long amountYen, PayoutMethod method, LocalDate payoutDate,
                            LocalDate decidedOn) {
    }

    /** What a claim's events say: ever held for review, an identity check PASS. */
    private static final int EVER_PENDING = 1;
    private static final int CHECK_PASSED = 2;

    /**
     * Counts every claim into its campaign's line, a page of claims at a time (with the events and
     * certificates of the page's claim numbers). Returns the honest DUPLICATE claims by member.
     */
    private Map<String, List<String>> countClaims(AnswerKey key, Map<Campaign, CampaignFigures> figures,
                                                  LocalDate lastNight) {
        Map<String, List<String>> honestDuplicates = new HashMap<>();
        Map<String, LocalDate> earliest = new HashMap<>();
        Map<PayoutMethod, LocalDate> lastNightPayout = Map.of(PayoutMethod.BANK, scheduler.valueDate(lastNight),
                PayoutMethod.POSTAL, scheduler.issueDate(lastNight));
        String last = "";
        while (true) {
            List<ClaimRow> page = jdbc.query("SELECT claim_no, application_id, channel, member_id, status, amount_yen,"
                            + " payout_method, payout_date, decided_on FROM claim WHERE claim_no > ?"
                            + " ORDER BY claim_no FETCH FIRST ? ROWS ONLY",
                    (rs, n) -> new ClaimRow(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
                            rs.getString(4), ClaimStatus.valueOf(rs.getString(5)), rs.getLong(6),
                            PayoutMethod.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class)), last, KeysetPages.PAGE);
            if (page.isEmpty()) {
                break;
            }
            String first = page.get(0).claimNo();
            last = page.get(page.size() - 1).claimNo();
            Map<String, Integer> events = new HashMap<>();
            jdbc.query("SELECT claim_no, status, reasons FROM claim_event WHERE claim_no BETWEEN ? AND ?", rs -> {
                int facts = 0;
                if (ClaimStatus.PENDING_REVIEW.name().equals(rs.getString(2))) {
                    facts |= EVER_PENDING;
                }
                String reasons = rs.getString(3);
                if (reasons != null && List.of(reasons.split(";")).contains(ClaimReason.IDENTITY_CHECK_PASSED.name())) {
                    facts |= CHECK_PASSED;
                }
                events.merge(rs.getString(1), facts, (a, b) -> a | b);
            }, first, last);
            // a reissued certificate's claim was first payable on its first certificate's issue date
            Map<String, LocalDate> firstIssue = new HashMap<>();
            jdbc.query("SELECT claim_no, MIN(issue_date) FROM certificate WHERE claim_no BETWEEN ? AND ?"
                    + " GROUP BY claim_no", rs -> {
                        firstIssue.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                    }, first, last);
            for (ClaimRow c : page) {
                int i = key.indexOf(c.applicationId());
                if (i < 0) { // the key was checked against the applications; a claim has its application
                    throw new AttackReportException("claim " + c.claimNo() + ": application " + c.applicationId()
                            + " is not in the key");
                }
                Campaign campaign = key.campaign(i);
                CampaignFigures f = figures.get(campaign);
                int facts = events.getOrDefault(c.claimNo(), 0);
                long yen = c.amountYen();
                f.claimedYen += yen;
                boolean paid = paid(c);
                if (paid) {
                    f.paidClaims++;
                    f.paidYen += yen;
                    if ((facts & CHECK_PASSED) == 0) {
                        f.paidWithoutCheckYen += yen;
                    }
                } else {
                    switch (c.status()) {
                        case APPROVED -> f.approvedWaitingYen += yen;
                        case PENDING_REVIEW, AWAITING_CONFIRMATION -> f.heldYen += yen;
                        case REJECTED, DUPLICATE -> f.stoppedYen += yen;
                        case RETURNED -> f.returnedYen += yen;
                        default -> throw new IllegalStateException("claim " + c.claimNo() + " is " + c.status()
                                + " by " + c.method() + ": no line of the report holds it");
                    }
                }
                if (campaign != Campaign.HONEST) {
                    continue;
                }
                if ((facts & EVER_PENDING) != 0) {
                    f.heldForReviewClaims++;
                }
                if (c.status() == ClaimStatus.DUPLICATE && c.memberId() != null) {
                    honestDuplicates.computeIfAbsent(c.memberId(), m -> new ArrayList<>()).add(c.claimNo());
                }
                LocalDate couldHave = earliest.computeIfAbsent(c.channel() + "/" + c.method() + "/" + c.decidedOn(),
                        k -> scheduler.earliestPayoutDate(c.channel(), c.method(), c.decidedOn()));
                boolean delayed;
                if (paid) {
                    LocalDate paidOn = c.method() == PayoutMethod.POSTAL
                            ? firstIssue.getOrDefault(c.claimNo(), c.payoutDate()) : c.payoutDate();
                    delayed = paidOn.isAfter(couldHave);
                } else {
                    delayed = (c.status() == ClaimStatus.APPROVED || c.status() == ClaimStatus.PENDING_REVIEW
                            || c.status() == ClaimStatus.AWAITING_CONFIRMATION)
                            && !couldHave.isAfter(lastNightPayout.get(c.method()));
                }
                if (delayed) {
                    f.delayedClaims++;
                    f.delayedYen += yen;
                }
            }
            if (page.size() < KeysetPages.PAGE) {
                break;
            }
        }
        return honestDuplicates;
    }

    /** Paid: a transfer emitted and not returned, or a certificate issued and not void (cashed, in force or expired). */
    private static boolean paid(ClaimRow c) {
        return c.method() == PayoutMethod.BANK ? c.status() == ClaimStatus.SCHEDULED
                : c.status() == ClaimStatus.SCHEDULED || c.status() == ClaimStatus.PAID
                || c.status() == ClaimStatus.EXPIRED;
    }

    /**
     * Members whose own (HONEST) application became DUPLICATE because an attacker's claim held the
     * member's money: the latest of the member's earlier claims that was ever live (claim numbers
     * follow the decision order) is an attacker's.
     */
    private long ownersBlocked(AnswerKey key, Map<String, List<String>> honestDuplicatesByMember) {
        Set<String> live = Set.of(ClaimStatus.PENDING_REVIEW.name(), ClaimStatus.APPROVED.name(),
                ClaimStatus.AWAITING_CONFIRMATION.name(), ClaimStatus.SCHEDULED.name());
        long blocked = 0;
        for (Map.Entry<String, List<String>> member : honestDuplicatesByMember.entrySet()) {
            Map<String, String> applicationOf = new LinkedHashMap<>();
            Set<String> everLive = new HashSet<>();
            jdbc.query("SELECT c.claim_no, c.application_id, e.status FROM claim c JOIN claim_event e"
                    + " ON e.claim_no = c.claim_no WHERE c.member_id = ? ORDER BY c.claim_no", rs -> {
                        applicationOf.put(rs.getString(1), rs.getString(2));
                        if (live.contains(rs.getString(3))) {
                            everLive.add(rs.getString(1));
                        }
                    }, member.getKey());
            String holder = null;
            for (Map.Entry<String, String> claim : applicationOf.entrySet()) {
                if (member.getValue().contains(claim.getKey()) && holder != null
                        && key.campaign(key.indexOf(applicationOf.get(holder))).attacker()) {
                    blocked++;
                    break;
                }
                if (everLive.contains(claim.getKey())) {
                    holder = claim.getKey();
                }
            }
        }
        return blocked;
    }
}
