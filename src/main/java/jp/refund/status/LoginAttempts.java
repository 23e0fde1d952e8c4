package jp.refund.status;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins per user; enough of them lock the account for a while (see {@link StatusSettings}). */
@Component
class LoginAttempts {

    private final StaffUsers users;

    LoginAttempts(StaffUsers users) {
        this.users = users;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.failedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.successfulLogin(event.getAuthentication().getName());
    }
}
