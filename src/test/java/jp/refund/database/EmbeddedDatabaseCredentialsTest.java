package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded default's door: a generated password in a 0600 file, a 0700 folder; own URLs untouched. */
class EmbeddedDatabaseCredentialsTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EmbeddedDatabaseCredentials().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theDefaultGetsAGeneratedPasswordKeptOwnerOnlyBesideTheData(@TempDir Path root) throws Exception {
        Path file = root.resolve("data/refunds");
        var env = environment(Map.of("refund.database.file", file.toString()));
        String url = env.getProperty("spring.datasource.url");
        String password = env.getProperty("spring.datasource.password");
        assertThat(url).isEqualTo("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(password).hasSizeGreaterThanOrEqualTo(30);
        Path passwordFile = root.resolve("data/refunds.password");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("data")))).isEqualTo("rwx------");
        // the next process reads the same password
        assertThat(environment(Map.of("refund.database.file", file.toString())).getProperty("spring.datasource.password"))
                .isEqualTo(password);

        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        DatabaseFiles.ownerOnly(file);
        try (var files = Files.list(root.resolve("data"))) {
            assertThat(files).allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .startsWith("rw-------".substring(0, 3)).endsWith("------"));
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void aDatabaseMadeWithTheOldEmptyPasswordGetsTheGeneratedOne(@TempDir Path root) throws Exception {
        Path file = root.resolve("data/refunds");
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE old_book (x INT)");
        }
        String password = environment(Map.of("refund.database.file", file.toString())).getProperty("spring.datasource.password");
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM old_book").next()).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void thePasswordAndTheFileKeyMayComeFromTheEnvironment(@TempDir Path root) throws Exception {
        Path file = root.resolve("secret/refunds");
        var env = environment(Map.of("refund.database.file", file.toString(), "REFUND_DB_PASSWORD", "from-the-vault-123",
                "REFUND_DB_FILE_KEY", "file-key-456"));
        assertThat(env.getProperty("spring.datasource.url")).endsWith(";AUTO_SERVER=TRUE;WRITE_DELAY=0;CIPHER=AES");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("file-key-456 from-the-vault-123");
        assertThat(Files.exists(root.resolve("secret/refunds.password"))).isFalse();
        try (Connection c = DriverManager.getConnection(env.getProperty("spring.datasource.url"), "sa",
                env.getProperty("spring.datasource.password"))) {
            c.createStatement().execute("CREATE TABLE t (secret VARCHAR) AS SELECT 'birth date 1989-05-20'");
        }
        byte[] raw = Files.readAllBytes(root.resolve("secret/refunds.mv.db"));
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1989-05-20");
    }

    @Test
    void anOwnAutoServerUrlWithoutAPasswordGetsTheGeneratedOne(@TempDir Path root) throws Exception {
        String own = "jdbc:h2:file:" + root.resolve("own/refunds") + ";AUTO_SERVER=TRUE";
        String password = environment(Map.of("spring.datasource.url", own)).getProperty("spring.datasource.password");
        assertThat(password).isNotEmpty().isEqualTo(Files.readString(root.resolve("own/refunds.password")).strip());
        try (Connection c = DriverManager.getConnection(own, "sa", password)) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        // the loopback port no longer opens the book as sa with an empty password
        assertThatThrownBy(() -> DriverManager.getConnection(own, "sa", "").close()).isInstanceOf(SQLException.class);
        // a file without AUTO_SERVER has no port: left as given
        assertThat(environment(Map.of("spring.datasource.url", "jdbc:h2:file:" + root.resolve("plain/refunds")))
                .getProperty("spring.datasource.password")).isEmpty();
    }

    @Test
    void anOwnUrlIsLeftAsGiven(@TempDir Path root) {
        String own = "jdbc:h2:file:" + root.resolve("scratch/refunds");
        var env = environment(Map.of("spring.datasource.url", own));
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo(own);
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("sa");
        assertThat(env.getProperty("spring.datasource.password")).isEmpty();
        assertThat(Files.exists(root.resolve("scratch"))).isFalse();
    }

    /** A server's user and password are the operator's (environment, imported file, ~/.pgpass): never defaulted here. */
    @Test
    void aServerUrlGetsNoUserOrPasswordFromHere(@TempDir Path root) {
        var env = environment(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/refunds",
                "refund.database.file", root.resolve("data/refunds").toString()));
        assertThat(env.getProperty("spring.datasource.username")).isNull();
        assertThat(env.getProperty("spring.datasource.password")).isNull();
        assertThat(Files.exists(root.resolve("data"))).isFalse();
    }
}
