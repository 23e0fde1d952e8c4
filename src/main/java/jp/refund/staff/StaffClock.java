package jp.refund.staff;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the doors read (lockouts, throttles, codes, tokens); tests give their own. */
@Configuration
class StaffClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
