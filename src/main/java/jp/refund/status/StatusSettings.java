package jp.refund.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.status.*}: how many lookups a staff member may make per minute (so the
 * service cannot be used to enumerate members), how many failed logins lock an account
 * and for how long, and where the nightly outputs are (for the finance team's list).
 */
@ConfigurationProperties("refund.status")
public record StatusSettings(@DefaultValue("30") int lookupsPerMinute,
                             @DefaultValue("5") int maxFailedLogins,
                             @DefaultValue("15m") Duration lockout,
                             @DefaultValue("output") String outputDir) {
}
