package jp.refund.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jp.refund.ChildNightly;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notices send} against real SMTP servers on free loopback ports: GreenMail, and a scripted
 * one for refusals. The sample's first night gives the notices.
 */
class NoticeSendIT {

    @TempDir
    Path root;

    private NightlyHarness h;
    private GreenMail smtp;

    @BeforeEach
    void firstSampleNight() {
        h = new NightlyHarness(root);
        NightlyHarness.Result night = h.run("nightly", "--date=2019-10-01", "--input=" + Path.of("input").toAbsolutePath());
        assertThat(night.exitCode()).as(night.stderr()).isZero();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private List<String> emailNotices() {
        return h.rows("SELECT notice_id FROM notice WHERE delivery = 'EMAIL' ORDER BY claim_no, kind_rank, n")
                .stream().map(r -> r.get(0)).toList();
    }

    /** {@code notices send} as an operator runs it: the jar in a JVM of its own. */
    private int sendInChild(int port, String... extra) throws Exception {
        List<String> cmd = ChildNightly.java("-Xmx512m", "-jar", ChildNightly.JAR.toString(), "notices", "send",
                "--spring.datasource.url=" + h.jdbcUrl(), "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + port, "--refund.notices.per-second=200");
        cmd.addAll(Arrays.asList(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(root.resolve("send.log").toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    private Map<String, Integer> receivedByMessageId() throws Exception {
        Map<String, Integer> byId = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = m.getMessageID();
            byId.merge(id.substring(1, id.indexOf('@')), 1, Integer::sum);
        }
        return byId;
    }

    @Test
    void killedAfterTheServerAcceptedOneAndRunAgainOnlyThatOneGoesTwice() throws Exception {
        List<String> notices = emailNotices();
        assertThat(notices).hasSizeGreaterThan(10);

        // the JVM halts (as after kill -9) once the server accepted the 4th message, before the outbox knows
        int killed = sendInChild(smtp.getSmtp().getPort(), "--refund.crash-test.halt-at=notice-sent:4");
        assertThat(killed).isEqualTo(137);
        assertThat(h.rows("SELECT notice_id, state FROM notice_outbox ORDER BY notice_id")).containsExactlyInAnyOrder(
                List.of(notices.get(0), "SENT"), List.of(notices.get(1), "SENT"), List.of(notices.get(2), "SENT"),
                List.of(notices.get(3), "SENDING"));
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        assertThat(sendInChild(smtp.getSmtp().getPort())).isZero();

        Map<String, Integer> received = receivedByMessageId();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(notices);
        Map<String, Integer> twice = new TreeMap<>(received);
        twice.values().removeIf(n -> n == 1);
        assertThat(twice).isEqualTo(Map.of(notices.get(3), 2));
        assertThat(h.count("SELECT COUNT(*) FROM notice_outbox WHERE state = 'SENT'")).isEqualTo(notices.size());
        assertThat(h.rows("SELECT reply FROM notice_outbox WHERE notice_id = ?", notices.get(0)).get(0).get(0))
                .startsWith("250");

        // a third run finds nothing to send
        assertThat(sendInChild(smtp.getSmtp().getPort())).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(notices.size() + 1);
    }

    @Test
    void eachMessageGoesToTheRegisteredAddressWithTheNoticeAsMessageIdAndText() throws Exception {
        assertThat(sendInChild(smtp.getSmtp().getPort())).isZero();
        List<List<String>> rows = h.rows("SELECT notice_id, recipient FROM notice WHERE delivery = 'EMAIL'");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(rows.size());
        for (MimeMessage m : received) {
            String id = m.getMessageID().substring(1, m.getMessageID().indexOf('@'));
            String to = rows.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow().get(1);
            assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(to);
            assertThat((String) m.getContent()).contains(id.substring(0, 10)).contains("----");
        }
        assertThat(h.count("SELECT COUNT(*) FROM notice n JOIN notice_outbox o ON o.notice_id = n.notice_id"
                + " WHERE n.delivery = 'LETTER'")).as("letters are never e-mailed").isZero();
    }

    @Test
    void aPermanentRefusalIsRecordedWithTheRepliesAndATemporaryOneIsRetried() throws Exception {
        List<List<String>> rows = h.rows("SELECT notice_id, recipient FROM notice WHERE delivery = 'EMAIL'"
                + " ORDER BY claim_no, kind_rank, n");
        String refused = rows.get(0).get(1);
        String busy = rows.get(rows.size() - 1).get(1);
        try (ScriptedSmtpServer scripted = new ScriptedSmtpServer()
                .refuse(refused, "550 5.1.1 <" + refused + ">: mailbox unavailable", 100)
                .refuse(busy, "451 4.3.0 try again later", 1)) {
            assertThat(sendInChild(scripted.port(), "--refund.notices.retry-backoff=1s")).isZero();
            List<String> refusedNotices = rows.stream().filter(r -> r.get(1).equals(refused)).map(r -> r.get(0)).toList();
            for (String id : refusedNotices) {
                assertThat(h.rows("SELECT state, attempts, reply FROM notice_outbox WHERE notice_id = ?", id).get(0))
                        .containsExactly("FAILED", "1", "550 5.1.1 <" + refused + ">: mailbox unavailable");
            }
            String busyNotice = rows.stream().filter(r -> r.get(1).equals(busy)).findFirst().orElseThrow().get(0);
            assertThat(h.rows("SELECT state, attempts FROM notice_outbox WHERE notice_id = ?", busyNotice).get(0))
                    .containsExactly("SENT", "2");
            assertThat(scripted.accepted.get()).isEqualTo(rows.size() - refusedNotices.size());
        }
    }
}
