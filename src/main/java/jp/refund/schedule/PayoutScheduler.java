package jp.refund.schedule;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.refund.claim.Channel;
import jp.refund.claim.ClaimBook;
import jp.refund.claim.ClaimLifecycle;
import jp.refund.claim.PayableClaim;
import jp.refund.claim.PayoutMethod;
import jp.refund.reference.BankCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final BankCalendar calendar;
    private final ScheduleSettings settings;
    private final ChannelSettings channels;
    private final CertificateValidity validity;
    private final ClaimBook claims;
    private final ClaimLifecycle lifecycle;

    PayoutScheduler(BankCalendar calendar, ScheduleSettings settings, ChannelSettings channels,
                    CertificateValidity validity, ClaimBook claims, ClaimLifecycle lifecycle) {
        this.calendar = calendar;
        this.settings = settings;
        this.channels = channels;
        this.validity = validity;
        this.claims = claims;
        this.lifecycle = lifecycle;
    }

    public LocalDate valueDate(LocalDate runDate) {
        return calendar.businessDaysAfter(runDate, settings.bankLeadDays());
    }

    public LocalDate issueDate(LocalDate runDate) {
        return calendar.businessDaysAfter(runDate, settings.certificateLeadDays());
    }

    /** The earliest date a claim of this channel approved tonight could be paid out, for support staff. */
    public LocalDate earliestPayoutDate(Channel channel, PayoutMethod payoutMethod, LocalDate runDate) {
        return earliestPayoutDate(calendar, settings, channels, channel, payoutMethod, runDate);
    }

    /**
     * As {@link #earliestPayoutDate(Channel, PayoutMethod, LocalDate)} under the given settings:
     * {@code verify} derives an old night's notices with the settings that night recorded.
     */
    public static LocalDate earliestPayoutDate(BankCalendar calendar, ScheduleSettings settings,
                                               ChannelSettings channels, Channel channel, PayoutMethod payoutMethod,
                                               LocalDate runDate) {
        LocalDate next = calendar.businessDaysAfter(runDate, payoutMethod == PayoutMethod.BANK
                ? settings.bankLeadDays() : settings.certificateLeadDays());
        LocalDate first = channels.firstPayoutDate(channel);
        return next.isBefore(first) ? first : next;
    }

    /** As {@link #earliestPayoutDate(Channel, PayoutMethod, LocalDate)}, from the stored names. */
    public LocalDate earliestPayoutDate(String channel, String payoutMethod, LocalDate runDate) {
        return earliestPayoutDate(Channel.valueOf(channel), PayoutMethod.valueOf(payoutMethod), runDate);
    }

    public Scheduled schedule(LocalDate runDate) {
        LocalDate v = valueDate(runDate);
        LocalDate i = issueDate(runDate);

        List<PayableClaim> transfers = take(PayoutMethod.BANK, v, settings.bankCapacityPerDay());
        long transferYen = lifecycle.scheduleTransfers(runDate, transfers, v, BankFileName.of(v));

        List<PayableClaim> certificates = take(PayoutMethod.POSTAL, i, settings.certificateCapacityPerDay());
        long certificateYen = lifecycle.issueCertificates(runDate, certificates, i, validity.validUntil(i));

        Scheduled result = new Scheduled(v, transfers.size(), transferYen, claims.approvedCount(PayoutMethod.BANK),
                i, certificates.size(), certificateYen, claims.approvedCount(PayoutMethod.POSTAL));
        log.info("scheduled {} transfer(s), {} yen, value date {} ({} approved waiting); {} certificate(s), {} yen,"
                        + " issue date {} ({} approved waiting)", result.transfers(), result.transferYen(), v,
                result.waitingTransfers(), result.certificates(), result.certificateYen(), i,
                result.waitingCertificates());
        return result;
    }

    /** Eligible APPROVED claims of a payout method for the day, oldest approval first, within the capacity left. */
    private List<PayableClaim> take(PayoutMethod method, LocalDate day, int capacity) {
        long free = capacity - claims.scheduledFor(method, day);
        Set<Channel> eligible = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (!channels.firstPayoutDate(channel).isAfter(day)) {
                eligible.add(channel);
            }
        }
        return claims.approvedOldestFirst(method, eligible, free);
    }
}
