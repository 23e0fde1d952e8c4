package jp.refund.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * TOTP keys are stored sealed (AES-256-GCM, the user name as associated data, {@code v1:}
 * prefix) with a key kept outside the database, by the same mechanism as the embedded
 * database's password: the environment ({@code REFUND_STAFF_TOTP_KEY}) or else a file beside
 * the database file ({@code <refund.database.file>.totp-key}, generated on first use, mode
 * 0600). A copy of the database alone gives no one the users' authenticator keys. A key
 * stored before (no prefix) is read as it is and sealed when {@code serve} starts.
 */
@Component
class TotpKeys {

    static final String KEY_ENV = "REFUND_STAFF_TOTP_KEY";
    private static final String SEALED = "v1:";

    private final Environment environment;
    private volatile SecretKeySpec key;

    TotpKeys(Environment environment) {
        this.environment = environment;
    }

    static boolean sealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    String seal(String username, String secret) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(String username, String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TOTP key of " + username + " does not open with this TOTP key ("
                    + KEY_ENV + " or " + keyFile().getFileName() + "): was the key file lost or replaced?", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String fromEnvironment = System.getenv(KEY_ENV);
                    String text = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fromFile();
                    try {
                        key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.UTF_8)), "AES");
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
                k = key;
            }
        }
        return k;
    }

    private Path keyFile() {
        Path db = Path.of(environment.getProperty("refund.database.file", "./data/refunds")).toAbsolutePath().normalize();
        return db.resolveSibling(db.getFileName() + ".totp-key");
    }

    private String fromFile() {
        Path file = keyFile();
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file); // no replace: two processes starting at once keep the first
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temporary);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the TOTP key file " + file, e);
        }
    }
}
