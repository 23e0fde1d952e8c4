package jp.refund.notice;

import java.time.LocalDate;
import jp.refund.claim.Channel;
import jp.refund.claim.ConfirmationSettings;
import jp.refund.claim.DecisionSettings;
import jp.refund.claim.PayoutMethod;
import jp.refund.reference.BankCalendar;
import jp.refund.schedule.ChannelSettings;
import jp.refund.schedule.PayoutScheduler;
import jp.refund.schedule.ScheduleSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The settings a night's notices follow from (SPEC section 9): whom a notice may reach (the
 * incident window), when each reminder is due, the date to apply again by, and the earliest
 * payout date (lead days, channels' first payout dates, bank holidays). {@code nightly} takes
 * them from the settings in force; {@code verify} binds them from what the night recorded in
 * {@code reports/night-settings.csv} (issue 37), so an old night's reminders are derived with
 * the night's reminder days, not today's.
 */
record NoticeRules(Recipients recipients, int certificateReminderDays, int confirmationReminderDays, LocalDate applyBy,
                   EarliestPayout earliestPayout) {

    /** {@code refund.certificate.reminder-days} when not given: 30 days before valid-until. */
    static final int CERTIFICATE_REMINDER_DAYS = 30;

    /** The earliest payout date of a claim of this channel and payout method decided on the night. */
    @FunctionalInterface
    interface EarliestPayout {
        LocalDate of(String channel, String payoutMethod, LocalDate runDate);
    }

    /** The rules these settings give ({@code refund.*}, as bound: what is not given takes its default). */
    static NoticeRules bound(Binder settings) {
        DecisionSettings decision = settings.bindOrCreate("refund", DecisionSettings.class);
        ConfirmationSettings confirmation = settings.bindOrCreate("refund.confirmation", ConfirmationSettings.class);
        ScheduleSettings schedule = settings.bindOrCreate("refund.schedule", ScheduleSettings.class);
        ChannelSettings channels = settings.bindOrCreate("refund.channel", ChannelSettings.class);
        String holidays = settings.bind("refund.reference.bank-holidays", String.class)
                .orElse("classpath:reference/jp-bank-holidays.csv");
        BankCalendar calendar = BankCalendar.load(new DefaultResourceLoader().getResource(holidays));
        return new NoticeRules(new Recipients(decision.incidentWindow()),
                settings.bind("refund.certificate.reminder-days", Integer.class).orElse(CERTIFICATE_REMINDER_DAYS),
                confirmation.reminderDays(), decision.applicationWindow().end().toLocalDate(),
                (channel, method, runDate) -> PayoutScheduler.earliestPayoutDate(calendar, schedule, channels,
                        Channel.valueOf(channel), PayoutMethod.valueOf(method), runDate));
    }
}
