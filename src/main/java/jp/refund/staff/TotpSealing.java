package jp.refund.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When {@code serve} starts, TOTP keys stored before they were sealed are sealed ({@link TotpKeys}). */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TotpSealing {

    private static final Logger log = LoggerFactory.getLogger(TotpSealing.class);
    private final StaffUsers users;

    TotpSealing(StaffUsers users) {
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealPlainKeys() {
        int sealed = users.sealPlainTotpSecrets();
        if (sealed > 0) {
            log.info("sealed {} TOTP key(s) stored in plain text before", sealed);
        }
    }
}
