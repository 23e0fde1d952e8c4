package jp.refund.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The embedded database's door. When no {@code spring.datasource.url} is given, the book is
 * the H2 file {@code refund.database.file} (default {@code ./data/refunds}), shared between
 * {@code nightly}, {@code serve} and {@code verify} through H2's AUTO_SERVER, and:
 * <ul>
 *   <li>its password comes from the environment ({@code REFUND_DB_PASSWORD}) or from
 *       {@code <file>.password} beside the data, generated on first use with mode 0600; a
 *       database created before this, with an empty password, gets that password once;</li>
 *   <li>its folder is 0700 (and {@link DatabaseFiles} makes its files 0600);</li>
 *   <li>AUTO_SERVER listens on the loopback address only ({@code h2.bindAddress});</li>
 *   <li>with {@code REFUND_DB_FILE_KEY} set, the file is AES-encrypted with that key
 *       (H2's {@code CIPHER=AES}; for a new database only).</li>
 * </ul>
 * Whoever gives their own H2 URL keeps it (user {@code sa}, empty password unless they give one);
 * a server's URL ({@code jdbc:postgresql:}) gets no user or password from here.
 * Neither password nor key is ever logged.
 */
public final class EmbeddedDatabaseCredentials implements EnvironmentPostProcessor {

    static final String PASSWORD_ENV = "REFUND_DB_PASSWORD";
    static final String FILE_KEY_ENV = "REFUND_DB_FILE_KEY";
    private static final String USER = "sa";

    static {
        loopbackOnly();
    }

    /** H2 reads {@code h2.bindAddress} once, when it is loaded: AUTO_SERVER then binds and advertises that address. */
    public static void loopbackOnly() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // lowest precedence, and lazy: a URL given anywhere (command line, test properties) wins,
        // and no password file is made unless the embedded default is what the data source opens
        environment.getPropertySources().addLast(new EmbeddedDatabaseSource(environment));
    }

    /**
     * {@code spring.datasource.url/username/password} of the embedded default. For any other
     * URL the user name is {@code sa} and the password empty unless given (scratch and test
     * databases, as before).
     */
    static final class EmbeddedDatabaseSource extends PropertySource<Object> {

        private final ConfigurableEnvironment environment;
        private volatile String password;
        private volatile boolean warned;

        EmbeddedDatabaseSource(ConfigurableEnvironment environment) {
            super("refundEmbeddedDatabase");
            this.environment = environment;
        }

        private Path file() {
            return Path.of(environment.getProperty("refund.database.file", "./data/refunds")).toAbsolutePath().normalize();
        }

        /** {@code compact}: the book opened without AUTO_SERVER, so that it fails while another process holds it. */
        private boolean exclusive() {
            return environment.getProperty("refund.database.exclusive", Boolean.class, false);
        }

        private String fileKey() {
            String fileKey = environment.getProperty(FILE_KEY_ENV);
            if (fileKey != null && (fileKey.isBlank() || fileKey.contains(" "))) {
                throw new IllegalStateException(FILE_KEY_ENV + " must be a non-empty key without spaces");
            }
            return fileKey;
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> url(file(), fileKey(), exclusive());
                case "spring.datasource.username" -> onH2() ? USER : null;
                case "spring.datasource.password" -> onH2() ? password() : null;
                default -> null;
            };
        }

        /**
         * A server's credentials are the operator's: from the environment
         * ({@code SPRING_DATASOURCE_USERNAME}/{@code _PASSWORD}), a properties file outside the
         * repository ({@code spring.config.import}) or PostgreSQL's own {@code ~/.pgpass}, which the
         * driver reads only when no password is given.
         */
        private boolean onH2() {
            return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        }

        private String password() {
            String fileKey = fileKey();
            String given = environment.getProperty("spring.datasource.url");
            if (!url(file(), fileKey, exclusive()).equals(given)) {
                Path served = servedWithoutPassword(given);
                if (served == null) {
                    return "";
                }
                // an operator's own H2 file behind AUTO_SERVER's loopback port, which every local user
                // reaches: never with the empty password; the generated one beside that file instead
                String p = EmbeddedDatabaseCredentials.password(served, environment.getProperty(PASSWORD_ENV), null);
                if (!warned) {
                    warned = true;
                    LoggerFactory.getLogger(EmbeddedDatabaseCredentials.class).warn("spring.datasource.url opens the H2"
                        + " file {} with AUTO_SERVER and gives no password: it gets {} ({} or the generated {});"
                        + " give --spring.datasource.password to choose one", served,
                        environment.getProperty(PASSWORD_ENV) == null ? "the generated password" : "REFUND_DB_PASSWORD",
                        PASSWORD_ENV, passwordFile(served));
                }
                return p;
            }
            String p = password;
            if (p == null) {
                synchronized (this) {
                    if (password == null) {
                        password = EmbeddedDatabaseCredentials.password(file(), environment.getProperty(PASSWORD_ENV), fileKey);
                    }
                    p = password;
                }
            }
            return fileKey == null ? p : fileKey + " " + p;
        }
    }

    /**
     * WRITE_DELAY=0: every commit is written when it is made. With H2's default (half a second)
     * a killed process loses its last commits, and H2 2.4.240 then sometimes reopened the file
     * with indexes pointing at lost rows: the night could not resume (docs/operations.md,
     * "After a crash").
     */
    static String url(Path file, String fileKey) {
        return url(file, fileKey, false);
    }

    static String url(Path file, String fileKey, boolean exclusive) {
        return "jdbc:h2:file:" + file + (exclusive ? "" : ";AUTO_SERVER=TRUE") + ConnectionSettings.EVERY_COMMIT_WRITTEN
                + (fileKey == null ? "" : ";CIPHER=AES");
    }

    /**
     * The file of an H2 URL that serves it on a loopback port ({@code AUTO_SERVER=TRUE}) with
     * no password of its own and no file encryption (whose password the operator must give), or null.
     */
    static Path servedWithoutPassword(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:file:", 0, 13)) {
            return null;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        if (!upper.contains(";AUTO_SERVER=TRUE") || upper.contains(";PASSWORD=") || upper.contains(";CIPHER=")) {
            return null;
        }
        int semicolon = url.indexOf(';');
        return Path.of(url.substring(13, semicolon)).toAbsolutePath().normalize();
    }

    /** {@code <file>.password}: where the generated password is kept. */
    public static Path passwordFile(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".password");
    }

    static String password(Path file, String fromEnvironment, String fileKey) {
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                return fromEnvironment;
            }
            Path passwordFile = passwordFile(file);
            if (Files.exists(passwordFile)) {
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            boolean existing = Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"));
            if (existing) {
                setPasswordOfOldDatabase(file, fileKey, generated);
            }
            Path temporary = passwordFile.resolveSibling(passwordFile.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, passwordFile); // no replace: two processes starting at once keep the first
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temporary);
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database's credentials beside " + file, e);
        }
    }

    /** A book made before its door was locked: user {@code sa} with an empty password gets the new one. */
    private static void setPasswordOfOldDatabase(Path file, String fileKey, String password) {
        try (Connection c = DriverManager.getConnection(url(file, fileKey), USER, fileKey == null ? "" : fileKey + " ");
             PreparedStatement s = c.prepareStatement("ALTER USER " + USER + " SET PASSWORD ?")) {
            s.setString(1, password);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the database " + file + " has no " + passwordFile(file).getFileName()
                    + " beside it and does not open with the old empty password: give its password in "
                    + PASSWORD_ENV, e);
        }
    }
}
