package jp.refund.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.notices.*}, for {@code notices send}: at most {@code per-second} messages a
 * second; a temporary failure is tried again after {@code retry-backoff}, doubled each time,
 * at most {@code max-attempts} times in all; {@code from} is the sender; the Message-ID is
 * {@code <notice_id@message-id-domain>}.
 *
 * <p>Defaults here, not in application.properties; {@code reports/night-settings.csv} records
 * them as bound all the same, as every {@code refund.*} setting in force (issue 37).
 */
@ConfigurationProperties("refund.notices")
public record NoticeSettings(@DefaultValue("20") double perSecond, @DefaultValue("5") int maxAttempts,
                             @DefaultValue("30s") Duration retryBackoff,
                             @DefaultValue("refund@wallet-refund.example.jp") String from,
                             @DefaultValue("notices.wallet-refund.example.jp") String messageIdDomain) {

    public NoticeSettings {
        if (perSecond <= 0 || maxAttempts < 1 || retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("refund.notices.per-second must be positive, max-attempts at least 1,"
                    + " retry-backoff not negative");
        }
    }
}
