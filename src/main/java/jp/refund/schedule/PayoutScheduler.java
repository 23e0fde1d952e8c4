package jp.refund.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.refund.claim.ClaimBook;
import jp.refund.claim.ClaimEvent;
import jp.refund.claim.ClaimStatus;
import jp.refund.reference.BankCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Schedules approved claims for payout on run date D (SPEC section 4):
 * <ul>
 *   <li>BANK: value date V = the {@code bank-lead-days}-th bank business day after D;</li>
 *   <li>POSTAL: issue date I = the {@code certificate-lead-days}-th bank business day after D.</li>
 * </ul>
 * Eligible are APPROVED claims whose channel's first payout date is on or before that
 * date, oldest approval first (then claim number), up to the day's capacity counting
 * what earlier nights already scheduled for the same day. The rest waits for a later night.
 */
@Service
public class PayoutScheduler {

    private static final Logger log = LoggerFactory.getLogger(PayoutScheduler.class);

    /** What one night scheduled. */
    public record Scheduled(LocalDate valueDate, int transfers, long transferYen, int waitingTransfers,
                            LocalDate issueDate, int certificates, long certificateYen, int waitingCertificates) {
    }

    private record Candidate(String claimNo, String applicationId, String channel, String memberId, long amountYen) {
    }

    private final JdbcTemplate jdbc;
    private final BankCalendar calendar;
    private final ScheduleSettings settings;
    private final ChannelSettings channels;
    private final CertificateValidity validity;
    private final ClaimBook claims;

    PayoutScheduler(JdbcTemplate jdbc, BankCalendar calendar, ScheduleSettings settings, ChannelSettings channels,
                    CertificateValidity validity, ClaimBook claims) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
        this.channels = channels;
        this.validity = validity;
        this.claims = claims;
    }

    public LocalDate valueDate(LocalDate runDate) {
        return calendar.businessDaysAfter(runDate, settings.bankLeadDays());
    }

    public LocalDate issueDate(LocalDate runDate) {
        return calendar.businessDaysAfter(runDate, settings.certificateLeadDays());
    }

    /** The earliest date a claim of this channel approved tonight could be paid out, for support staff. */
    public LocalDate earliestPayoutDate(String channel, String payoutMethod, LocalDate runDate) {
        LocalDate next = "BANK".equals(payoutMethod) ? valueDate(runDate) : issueDate(runDate);
        LocalDate first = channels.firstPayoutDate(channel);
        return next.isBefore(first) ? first : next;
    }

    public Scheduled schedule(LocalDate runDate) {
        LocalDate v = valueDate(runDate);
        LocalDate i = issueDate(runDate);
        int seq = claims.lastEventSeq(runDate);
        List<ClaimEvent> events = new ArrayList<>();

        List<Candidate> transfers = take("BANK", v, settings.bankCapacityPerDay());
        String fileName = BankFileName.of(v);
        jdbc.batchUpdate("UPDATE claim SET status = 'SCHEDULED', status_since = ?, payout_date = ?, reference = ?,"
                + " emitted_on = ? WHERE claim_no = ? AND status = 'APPROVED'", transfers, 1000, (ps, c) -> {
            ps.setObject(1, runDate);
            ps.setObject(2, v);
            ps.setString(3, fileName);
            ps.setObject(4, runDate);
            ps.setString(5, c.claimNo());
        });
        long transferYen = 0;
        for (Candidate c : transfers) {
            transferYen += c.amountYen();
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.SCHEDULED, "", c.amountYen(), "BANK", v, fileName));
        }

        List<Candidate> certificates = take("POSTAL", i, settings.certificateCapacityPerDay());
        LocalDate validUntil = validity.validUntil(i);
        String last = jdbc.queryForObject("SELECT MAX(certificate_no) FROM claim", String.class);
        long serial = last == null ? CertificateNumber.FIRST_SERIAL - 1 : CertificateNumber.serialOf(last);
        List<Object[]> updates = new ArrayList<>();
        long certificateYen = 0;
        for (Candidate c : certificates) {
            String certificateNo = CertificateNumber.of(++serial);
            updates.add(new Object[]{runDate, i, certificateNo, runDate, certificateNo, validUntil, c.claimNo()});
            certificateYen += c.amountYen();
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.SCHEDULED, "", c.amountYen(), "POSTAL", i, certificateNo));
        }
        jdbc.batchUpdate("UPDATE claim SET status = 'SCHEDULED', status_since = ?, payout_date = ?, reference = ?,"
                + " emitted_on = ?, certificate_no = ?, valid_until = ? WHERE claim_no = ? AND status = 'APPROVED'",
                updates);
        claims.insertEvents(events);

        Scheduled result = new Scheduled(v, transfers.size(), transferYen, waiting("BANK"), i, certificates.size(),
                certificateYen, waiting("POSTAL"));
        log.info("scheduled {} transfer(s), {} yen, value date {} ({} approved waiting); {} certificate(s), {} yen,"
                        + " issue date {} ({} approved waiting)", result.transfers(), result.transferYen(), v,
                result.waitingTransfers(), result.certificates(), result.certificateYen(), i,
                result.waitingCertificates());
        return result;
    }

    /** Eligible APPROVED claims of a payout method for the day, oldest approval first, within the capacity left. */
    private List<Candidate> take(String method, LocalDate day, int capacity) {
        Long already = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE payout_method = ? AND payout_date = ?"
                + " AND status IN ('SCHEDULED', 'RETURNED')", Long.class, method, day);
        long free = capacity - (already == null ? 0 : already);
        if (free <= 0) {
            return List.of();
        }
        List<String> eligibleChannels = new ArrayList<>();
        for (String channel : List.of("APP", "WEB")) {
            if (!channels.firstPayoutDate(channel).isAfter(day)) {
                eligibleChannels.add(channel);
            }
        }
        if (eligibleChannels.isEmpty()) {
            return List.of();
        }
        // Ordered as the claim_status_order index (status and method are fixed here), so H2 walks
        // the index and stops at the capacity; a channel IN list would make it sort instead.
        String channel = eligibleChannels.size() == 1 ? " AND channel = '" + eligibleChannels.get(0) + "'" : "";
        return jdbc.query("SELECT claim_no, application_id, channel, member_id, amount_yen FROM claim"
                        + " WHERE status = 'APPROVED' AND payout_method = ?" + channel
                        + " ORDER BY status, payout_method, approved_on, claim_no FETCH FIRST ? ROWS ONLY",
                (rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)), method, free);
    }

    private int waiting(String method) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'APPROVED' AND payout_method = ?",
                Integer.class, method);
        return n == null ? 0 : n;
    }
}
