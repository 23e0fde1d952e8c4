package jp.refund.staff;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.refund.staff.SecurityEvents.Event;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The staff's passkeys, in Spring Security's own JDBC repositories ({@code user_entities},
 * {@code user_credentials}): a WebAuthn user entity per staff user who registered one (its name
 * is the user name as stored), and the public keys. A new passkey is a security event; the
 * administrator removes them with {@link StaffUsers#revokePasskeys}.
 */
@Component
public class Passkeys {

    private final JdbcTemplate jdbc;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;

    Passkeys(JdbcTemplate jdbc, SecurityEvents events) {
        this.jdbc = jdbc;
        this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        this.credentials = new Recorded(new JdbcUserCredentialRepository(jdbc), userEntities, events);
    }

    PublicKeyCredentialUserEntityRepository userEntities() {
        return userEntities;
    }

    UserCredentialRepository credentials() {
        return credentials;
    }

    /** A registered passkey, for its owner's page (never the key). */
    record Passkey(String label, LocalDate created, LocalDate lastUsed) {
    }

    /** The user's passkeys, oldest first (dates in JST). */
    List<Passkey> of(String username) {
        return jdbc.query("SELECT c.label, c.created, c.last_used FROM user_credentials c JOIN user_entities e"
                + " ON e.id = c.user_entity_user_id WHERE e.name = ? ORDER BY c.created", (rs, i) -> new Passkey(
                rs.getString(1), at(rs.getTimestamp(2)), at(rs.getTimestamp(3))), username);
    }

    private static LocalDate at(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.ofHours(9)).toLocalDate();
    }

    /** How many passkeys the user has registered. */
    int count(String username) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e"
                + " ON e.id = c.user_entity_user_id WHERE e.name = ?", Integer.class, username);
        return n == null ? 0 : n;
    }

    /**
     * Records a passkey's registration (Spring Security saves again on every use: those are not
     * new) and its removal by its owner.
     */
    private record Recorded(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository userEntities,
                            SecurityEvents events) implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord record) {
            boolean isNew = delegate.findByCredentialId(record.getCredentialId()) == null;
            delegate.save(record);
            if (isNew) {
                PublicKeyCredentialUserEntity user = userEntities.findById(record.getUserEntityUserId());
                events.record(Event.PASSKEY_REGISTERED, user == null ? null : user.getName(),
                        StaffAuthentication.client(StaffAuthentication.currentRequest()), "OK",
                        "label " + record.getLabel());
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            CredentialRecord record = delegate.findByCredentialId(credentialId);
            delegate.delete(credentialId);
            if (record != null) {
                PublicKeyCredentialUserEntity user = userEntities.findById(record.getUserEntityUserId());
                events.record(Event.PASSKEYS_REVOKED, user == null ? null : user.getName(),
                        StaffAuthentication.client(StaffAuthentication.currentRequest()), "OK",
                        "by the user: label " + record.getLabel());
            }
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return delegate.findByUserId(userId);
        }
    }
}
