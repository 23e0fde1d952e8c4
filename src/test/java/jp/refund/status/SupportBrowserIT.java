package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.refund.ChildNightly;
import jp.refund.staff.DemoUsers;
import jp.refund.staff.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A support agent in a real browser (Debian's chromium and chromedriver, headless):
 * logs in with both factors (the test computes the TOTP code), finds a claim of the sample
 * nights by its number and reads its status; a newcomer enrols an authenticator (QR code and
 * key) and gets ten recovery codes; an agent registers a passkey in Chromium's virtual
 * authenticator and logs in with it instead of the code.
 * The screenshots land in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportBrowserIT {

    private static final String NEWCOMER_PASSWORD = "a newcomer's long pass phrase";
    private String enrolmentCode;
    private Process server;
    private WebDriver browser;
    private String base;
    /** The same server by name: a passkey needs a host name (the rp-id), never an IP address. */
    private String named;

    @BeforeAll
    void serveTheSample(@TempDir Path root) throws Exception {
        ChildNightly night = new ChildNightly(root, true);
        assertThat(night.run(Path.of("input").toAbsolutePath(), List.of())).isZero();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        named = "http://localhost:" + port;
        server = new ProcessBuilder(ChildNightly.java("-Xmx512m",
                "-jar", ChildNightly.JAR.toString(), "serve", "--server.port=" + port, "--spring.profiles.active=demo",
                "--spring.datasource.url=" + night.jdbcUrl(), "--refund.status.output-dir=" + night.output(),
                "--refund.staff.passkey.allowed-origins=" + named))
                .redirectErrorStream(true).redirectOutput(root.resolve("serve.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        // after serve made the demo users: the demo profile starts only beside its own staff
        Process user = new ProcessBuilder(ChildNightly.java("-jar",
                ChildNightly.JAR.toString(), "user", "newcomer", "--role=SUPPORT",
                "--spring.datasource.url=" + night.jdbcUrl())).redirectErrorStream(true)
                .redirectOutput(root.resolve("user.log").toFile()).start();
        try (var stdin = user.getOutputStream()) {
            stdin.write((NEWCOMER_PASSWORD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(user.waitFor()).as(Files.readString(root.resolve("user.log"))).isZero();
        enrolmentCode = Files.readAllLines(root.resolve("user.log")).stream()
                .filter(l -> l.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}")).findFirst().orElseThrow();
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,1400", "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                new java.io.File("/usr/bin/chromedriver")).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
        }
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Clicks a form's button and waits for the page it leads to. {@code click()} may return while the
     * POST is still under way (a bcrypt check on a busy CI machine), so reading the URL at once can
     * still show the form's own page.
     */
    private void submitAndExpect(By button, String path) throws IOException {
        browser.findElement(button).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(path));
        } catch (TimeoutException notThere) {
            screenshot("not-at-" + path.replace('/', '-'));
            throw new AssertionError("after " + button + " the browser is at " + browser.getCurrentUrl() + ", not "
                    + path + "; the page:\n" + browser.getPageSource(), notThere);
        }
    }

    private static String currentCode(String secret) {
        return Totp.code(secret, Totp.step(java.time.Instant.now().getEpochSecond()));
    }

    @Test
    void aNewcomerEnrolsAnAuthenticatorAndGetsTenRecoveryCodes() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("newcomer");
        browser.findElement(By.id("password")).sendKeys(NEWCOMER_PASSWORD);
        submitAndExpect(By.id("login"), "/login/totp");
        // the password alone shows no key: first the enrolment code the administrator handed over
        assertThat(browser.findElements(By.id("qr"))).isEmpty();
        browser.findElement(By.id("enrolment-code")).sendKeys(enrolmentCode);
        browser.findElement(By.id("enrolment-continue")).click();
        assertThat(browser.findElement(By.id("qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        String secret = browser.findElement(By.id("secret")).getText();
        screenshot("enrol");
        browser.findElement(By.id("code")).sendKeys(currentCode(secret)); // the test is the authenticator app
        browser.findElement(By.id("verify")).click();
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        screenshot("recovery-codes");
        browser.findElement(By.id("continue")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("claimNo");
        browser.findElement(By.id("q")).sendKeys("1000000040");
        browser.findElement(By.id("search")).click();
        assertThat(browser.findElement(By.id("claim-no")).getText()).isEqualTo("1000000040");
        var cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isHttpOnly()).isTrue();
    }

    @Test
    void aSupportAgentLogsInFindsAClaimAndReadsWhenTheRefundArrives() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/claims/1000000164");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("support");
        browser.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
        screenshot("login");
        // the password alone opens only the second-factor page; the test is the authenticator app
        submitAndExpect(By.id("login"), "/login/totp");
        assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
        browser.findElement(By.id("code")).sendKeys(currentCode(DemoUsers.TOTP_SECRETS.get("support")));
        browser.findElement(By.id("verify")).click();

        new Select(browser.findElement(By.id("kind"))).selectByValue("claimNo");
        browser.findElement(By.id("q")).sendKeys("1000000040");
        browser.findElement(By.id("search")).click();

        assertThat(browser.findElement(By.id("claim-no")).getText()).isEqualTo("1000000040");
        // its certificate was issued on 2019-11-15 and cashed at a post office on a later sample night
        assertThat(browser.findElement(By.id("status")).getText()).contains("払出証書換金済み",
                "Paid: the certificate was cashed");
        assertThat(browser.findElement(By.id("payout-date")).getText()).contains("2019-11-15");
        assertThat(browser.findElement(By.id("certificate")).getText()).contains("P1000000016", "2020-05-15");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("8,000 円");
        screenshot("claim-paid");

        browser.findElement(By.cssSelector("header a[accesskey=s]")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("memberId");
        browser.findElement(By.id("q")).sendKeys("M0024");
        browser.findElement(By.id("search")).click();
        assertThat(browser.findElement(By.id("status")).getText()).contains("本人確認中", "Identity check in progress");
        assertThat(browser.findElement(By.id("reasons")).getText()).contains("他の会員と同じ口座です");
        assertThat(browser.findElement(By.id("account")).getText()).contains("三井住友", "****555")
                .doesNotContain("5555555");
        assertThat(browser.getPageSource()).doesNotContain("1989-05-20"); // M0024's birth date
        screenshot("claim-pending");
    }

    @Test
    void anAgentRegistersAPasskeyAndLogsInWithItInsteadOfTheCode() throws Exception {
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            browser.manage().deleteAllCookies();
            browser.get(named + "/login");
            browser.findElement(By.id("username")).sendKeys("finance");
            browser.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
            submitAndExpect(By.id("login"), "/login/totp");
            assertThat(browser.findElements(By.id("passkey-login"))).isEmpty(); // none registered yet
            browser.findElement(By.id("code")).sendKeys(currentCode(DemoUsers.TOTP_SECRETS.get("finance")));
            browser.findElement(By.id("verify")).click();
            browser.findElement(By.id("kind"));

            browser.get(named + "/passkeys");
            browser.findElement(By.id("passkey-label")).sendKeys("virtual key");
            browser.findElement(By.id("passkey-register")).click();
            assertThat(browser.findElement(By.cssSelector("#passkey-list li")).getText()).contains("virtual key");
            assertThat(authenticator.getCredentials()).hasSize(1);
            screenshot("passkey-registered");

            browser.manage().deleteAllCookies(); // a new login, no session left
            browser.get(named + "/login");
            browser.findElement(By.id("username")).sendKeys("finance");
            browser.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
            submitAndExpect(By.id("login"), "/login/totp");
            screenshot("passkey-offered");
            browser.findElement(By.id("passkey-login")).click(); // no code typed: the authenticator signs
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(
                    ExpectedConditions.urlContains("/login")));
            new Select(browser.findElement(By.id("kind"))).selectByValue("claimNo");
            browser.findElement(By.id("q")).sendKeys("1000000040");
            browser.findElement(By.id("search")).click();
            assertThat(browser.findElement(By.id("claim-no")).getText()).isEqualTo("1000000040");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        }
    }
}
