package jp.refund.schedule;

import java.time.LocalDate;
import jp.refund.claim.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code refund.channel.<app|web>.first-payout-date}: nothing of a channel is paid
 * before this date (WEB later, as document checks take time).
 */
@ConfigurationProperties("refund.channel")
public record ChannelSettings(FirstPayout app, FirstPayout web) {

    public record FirstPayout(LocalDate firstPayoutDate) {
    }

    public ChannelSettings {
        if (app == null || web == null || app.firstPayoutDate() == null || web.firstPayoutDate() == null) {
            throw new IllegalArgumentException("refund.channel.app and .web first-payout-date are required");
        }
    }

    public LocalDate firstPayoutDate(Channel channel) {
        return switch (channel) {
            case APP -> app.firstPayoutDate();
            case WEB -> web.firstPayoutDate();
        };
    }
}
