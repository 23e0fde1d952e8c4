package jp.refund.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import jp.refund.ChildNightly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as an operator runs it (the jar, started in a folder of its own):
 * {@code serve} holds the database and serves it to the other processes (AUTO_SERVER) —
 * on the loopback address only, and not without the password, which is in a 0600 file
 * beside the data; {@code nightly} and {@code verify} run beside it as before.
 */
class EmbeddedDatabaseIT {

    private static Process start(Path dir, Path log, String... args) throws IOException {
        List<String> cmd = ChildNightly.java("-Xmx512m", "-jar", ChildNightly.JAR.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void noOneOpensTheBookWithoutThePasswordNorFromAnotherHost(@TempDir Path root) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = root.resolve("data");
        Process serve = start(root, root.resolve("serve.log"), "serve", "--server.port=" + port,
                "--spring.profiles.active=demo");
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 120; i++) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(data.resolve("refunds.lock.db"))) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            // what H2 tells the other processes: the loopback address (it writes 127.0.0.1 as "localhost")
            assertThat(InetAddress.getByName(server.substring(0, server.indexOf(':'))).isLoopbackAddress()).as(server)
                    .isTrue();
            int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));

            // the port answers on loopback, and on no other address of this machine
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), h2Port), 2000);
            }
            List<InetAddress> others = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        others.add(a);
                    }
                }
            }
            for (InetAddress other : others) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, h2Port), 2000);
                    }
                }).as("H2 on " + other).isInstanceOf(ConnectException.class);
            }

            String url = "jdbc:h2:file:" + data.resolve("refunds") + ";AUTO_SERVER=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            String password = Files.readString(data.resolve("refunds.password")).strip();
            int demoUsers = 0;
            for (int i = 0; i < 60 && demoUsers < 3; i++) { // serve adds them just after it starts answering
                try (Connection c = DriverManager.getConnection(url, "sa", password);
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM staff_user")) {
                    rs.next();
                    demoUsers = rs.getInt(1);
                }
                Thread.sleep(demoUsers < 3 ? 500 : 0);
            }
            assertThat(demoUsers).isEqualTo(3); // the demo users, read while serve holds the database

            // nightly and verify run beside serve, on the same book, with the same door
            Process nightly = start(root, root.resolve("nightly.log"), "nightly",
                    "--input=" + Path.of("input").toAbsolutePath());
            assertThat(nightly.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(nightly.exitValue()).as(Files.readString(root.resolve("nightly.log"))).isZero();
            Process verify = start(root, root.resolve("verify.log"), "verify", "--date=2019-10-01");
            assertThat(verify.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(verify.exitValue()).as(Files.readString(root.resolve("verify.log"))).isZero();

            // compact refuses while serve holds the book: it would close the database under it
            Process refused = start(root, root.resolve("compact-refused.log"), "compact");
            assertThat(refused.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(refused.exitValue()).as(Files.readString(root.resolve("compact-refused.log"))).isEqualTo(1);
            assertThat(Files.readString(root.resolve("compact-refused.log")))
                    .contains("the database file is open in another process (a night or serve): stop it, then compact");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            // the database files and the password for the owner only; so is the log folder (a stack trace may quote a row)
            try (var files = Files.list(data)) {
                for (Path f : files.toList()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                            .isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
                }
            }
            assertThat(data.resolve("logs/refund-batch.log")).exists();
            for (String log : List.of("serve.log", "nightly.log", "verify.log")) {
                assertThat(Files.readString(root.resolve(log))).as(log).doesNotContain(password);
            }
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        // with serve stopped, compact rewrites the file smaller, and the night still verifies from it
        long before = Files.size(data.resolve("refunds.mv.db"));
        Process compact = start(root, root.resolve("compact.log"), "compact");
        assertThat(compact.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(compact.exitValue()).as(Files.readString(root.resolve("compact.log"))).isZero();
        assertThat(Files.readString(root.resolve("compact.log"))).contains("compacted the database file: ");
        assertThat(Files.size(data.resolve("refunds.mv.db"))).isLessThanOrEqualTo(before);
        Process verifyAfter = start(root, root.resolve("verify-after.log"), "verify", "--date=2019-10-01");
        assertThat(verifyAfter.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(verifyAfter.exitValue()).as(Files.readString(root.resolve("verify-after.log"))).isZero();
    }
}
