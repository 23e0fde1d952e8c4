package jp.refund.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Loads the reference data once per process, when a feature first needs it. */
@Configuration
class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    @Bean
    @Lazy
    BankMaster bankMaster(ReferenceDataSettings settings) {
        BankMaster master = BankMaster.load(settings.bankMaster());
        log.info("bank master: {} banks, {} branches from {}", master.bankCount(), master.branchCount(),
                settings.bankMaster().getDescription());
        return master;
    }

    @Bean
    @Lazy
    BankCalendar bankCalendar(ReferenceDataSettings settings) {
        return BankCalendar.load(settings.bankHolidays());
    }
}
