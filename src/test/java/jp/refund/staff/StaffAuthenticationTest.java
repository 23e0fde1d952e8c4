package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A locked (or held) user is refused before the password is checked, but the refusal still
 * costs a password hash, as an unknown name's does: the answer's time does not tell which
 * names exist. Counted, not timed.
 */
class StaffAuthenticationTest {

    @Test
    void aLockedUserCostsAPasswordHashLikeAnUnknownName() {
        AtomicInteger hashes = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "hash";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashes.incrementAndGet();
                return false;
            }
        };
        StaffUsers users = new StaffUsers(null, counting, null, null, null, null) {
            @Override
            public Optional<String> canonical(String username) {
                return Optional.of("locked-user");
            }
        };
        LoginGuard locked = new LoginGuard(null, null, null, null, null) {
            @Override
            Ticket before(String canonicalUser, String typedUser, String client, boolean knownDevice, boolean releasing,
                          String what) {
                throw new LockedException("locked");
            }
        };
        StaffAuthentication passwords = new StaffAuthentication(users, counting, locked, new KnownDevices(null, null, null),
                null);
        assertThatThrownBy(() -> passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "locked-user", "a-guess-at-the-password"))).isInstanceOf(LockedException.class);
        assertThat(hashes).hasValue(1);
    }
}
