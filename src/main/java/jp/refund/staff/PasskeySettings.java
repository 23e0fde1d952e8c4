package jp.refund.staff;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.staff.passkey.*}: the relying party that passkeys are bound to. A browser signs
 * for {@code rp-id} (the host name staff type, without port) and says which page asked; the
 * service accepts only {@code allowed-origins} (scheme, host and port as the browser shows
 * them). A passkey registered under one rp-id does not work under another. The defaults fit
 * the demo on {@code http://localhost:8080}.
 */
@ConfigurationProperties("refund.staff.passkey")
public record PasskeySettings(@DefaultValue("localhost") String rpId,
                              @DefaultValue("refund-batch") String rpName,
                              @DefaultValue("http://localhost:8080") Set<String> allowedOrigins) {
}
