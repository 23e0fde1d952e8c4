package jp.refund.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.confirmation.*} (SPEC section 9): whether an approval waits for the applicant
 * to confirm amount and payout method ({@code required}, default false: nothing of the
 * confirmation step applies), how many calendar days they have ({@code deadline-days}), and
 * how many days before the deadline they are reminded ({@code reminder-days}).
 *
 * <p>The defaults live here, not in application.properties; {@code reports/night-settings.csv}
 * records them as bound all the same (issue 37): the reminder days decide which notices a night writes.
 */
@ConfigurationProperties("refund.confirmation")
public record ConfirmationSettings(@DefaultValue("false") boolean required, @DefaultValue("30") int deadlineDays,
                                   @DefaultValue("7") int reminderDays) {

    public ConfirmationSettings {
        if (deadlineDays < 1 || reminderDays < 0) {
            throw new IllegalArgumentException("refund.confirmation.deadline-days must be at least 1 and"
                    + " reminder-days not negative");
        }
    }

    /** The last day (JST, to its end) to confirm a claim that starts awaiting confirmation on {@code runDate}. */
    public java.time.LocalDate deadline(java.time.LocalDate runDate) {
        return runDate.plusDays(deadlineDays);
    }

    /** Whether an answer given at {@code answeredAt} is in time for {@code confirmBy}: on or before its end in JST. */
    public static boolean inTime(java.time.OffsetDateTime answeredAt, java.time.LocalDate confirmBy) {
        return !answeredAt.atZoneSameInstant(JST).toLocalDate().isAfter(confirmBy);
    }

    private static final java.time.ZoneOffset JST = java.time.ZoneOffset.ofHours(9);
}
