package jp.refund.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.status.*}: how many lookups a staff member may make per minute and per day
 * (so the service cannot be used to enumerate members; reaching the daily cap is a security
 * event), and where the nightly outputs are (for the finance team's list). The doors
 * themselves (logins, lockout, sessions) are {@code refund.staff.*}.
 */
@ConfigurationProperties("refund.status")
public record StatusSettings(@DefaultValue("30") int lookupsPerMinute,
                             @DefaultValue("500") int lookupsPerDay,
                             @DefaultValue("output") String outputDir) {
}
