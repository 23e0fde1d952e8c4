package jp.refund.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be: 12 to 1,000 characters (long pass phrases welcome; they are
 * hashed with PBKDF2, which has no 72-byte limit), not only white space, more than one
 * distinct character, and not one of the 100,000 most common passwords (the ranked list
 * nbvcxz ships, {@code dictionaries/passwords.txt}), compared ignoring case.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 1000;
    private static final String COMMON = "dictionaries/passwords.txt";
    private static volatile Set<String> common;

    private PasswordPolicy() {
    }

    /** Throws with the reason when the password may not be used. */
    static void check(String password) {
        if (password == null || password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("a password cannot be empty or only white space");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password has at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() < 2) {
            throw new IllegalArgumentException("a password of one repeated character is not a password");
        }
        if (commonPasswords().contains(password.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("this password is on the list of the most common passwords");
        }
    }

    static Set<String> commonPasswords() {
        Set<String> c = common;
        if (c == null) {
            synchronized (PasswordPolicy.class) {
                if (common == null) {
                    common = load();
                }
                c = common;
            }
        }
        return c;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + COMMON + " is missing from the class path");
            }
            Set<String> words = new HashSet<>(200_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
