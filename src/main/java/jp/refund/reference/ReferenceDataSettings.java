package jp.refund.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code refund.reference.*}: the bank master and the bank holidays. Both ship inside
 * the jar; name a file ({@code file:/path/bank-master.csv}) to replace one.
 */
@ConfigurationProperties("refund.reference")
public record ReferenceDataSettings(
        @DefaultValue("classpath:reference/bank-master.csv") Resource bankMaster,
        @DefaultValue("classpath:reference/jp-bank-holidays.csv") Resource bankHolidays) {
}
