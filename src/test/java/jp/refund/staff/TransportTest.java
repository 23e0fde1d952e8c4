package jp.refund.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import jp.refund.NightlyHarness;
import jp.refund.SampleDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real server (Tomcat on a free port): loopback only, redirects not built from Host, strict cookies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransportTest {

    @DynamicPropertySource
    static void sampleDatabase(DynamicPropertyRegistry registry) {
        NightlyHarness sample = SampleDatabase.prepared();
        registry.add("spring.datasource.url", sample::jdbcUrl);
        registry.add("spring.main.web-application-type", () -> "servlet");
    }

    @LocalServerPort
    int port;
    @Value("${server.address}")
    String address;

    /** A raw HTTP/1.1 exchange, so that any Host header can be sent. */
    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
                if (response.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theServiceListensOnLoopbackByDefault() {
        assertThat(address).isEqualTo("127.0.0.1");
    }

    @Test
    void aForgedHostHeaderIsNeverReflectedIntoARedirect() throws Exception {
        String response = exchange("GET /claims/1000000024 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(response).containsIgnoringCase("\r\nLocation: /login\r\n").doesNotContain("evil.example");
    }

    @Test
    void theSessionCookieIsSameSiteStrictAndHttpOnly() throws Exception {
        String response = exchange("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String cookie = response.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: JSESSIONID=", 0, 23))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"); // plain HTTP: not Secure
    }
}
