package jp.refund.claim;

import jp.refund.shared.Window;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The windows the decisions use: {@code refund.application-window.*} (applications
 * submitted outside it are rejected) and {@code refund.incident-window.*} (a contact
 * change inside it needs a review).
 */
@ConfigurationProperties("refund")
public record DecisionSettings(Window applicationWindow, Window incidentWindow) {

    public DecisionSettings {
        if (applicationWindow == null || incidentWindow == null) {
            throw new IllegalArgumentException("refund.application-window and refund.incident-window are required");
        }
    }
}
