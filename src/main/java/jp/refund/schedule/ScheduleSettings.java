package jp.refund.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.schedule.*}: how many bank business days after the run date a transfer
 * is valued or a certificate issued, and how many of each fit one day.
 */
@ConfigurationProperties("refund.schedule")
public record ScheduleSettings(@DefaultValue("2") int bankLeadDays,
                               @DefaultValue("100000") int bankCapacityPerDay,
                               @DefaultValue("1") int certificateLeadDays,
                               @DefaultValue("20000") int certificateCapacityPerDay) {

    public ScheduleSettings {
        if (bankLeadDays < 1 || certificateLeadDays < 1 || bankCapacityPerDay < 0 || certificateCapacityPerDay < 0) {
            throw new IllegalArgumentException("lead days must be at least 1 and capacities not negative");
        }
    }
}
