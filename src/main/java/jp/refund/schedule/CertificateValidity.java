package jp.refund.schedule;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.certificate.validity-months}: a certificate is valid until its issue date
 * plus this many calendar months; a day missing in the target month becomes its last
 * day (2019-08-31 + 6 months = 2020-02-29).
 */
@ConfigurationProperties("refund.certificate")
public record CertificateValidity(@DefaultValue("6") int validityMonths) {

    public LocalDate validUntil(LocalDate issueDate) {
        return issueDate.plusMonths(validityMonths);
    }
}
