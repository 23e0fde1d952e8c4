package jp.refund.notice;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.refund.ChildNightly;
import jp.refund.generate.BookGenerator;

/**
 * How fast {@code notices send} goes against a local SMTP server (GreenMail, in this JVM):
 * generates a book, runs its first night with the jar, then sends that night's e-mail notices
 * with the jar at an unreachable rate limit, so the figure is what the sender and its outbox
 * can do. {@code bench/notices-send.sh [MEMBERS]}.
 */
public final class NoticeSendBenchmark {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path root = Path.of(args.length > 1 ? args[1] : "bench/work/notices-send").toAbsolutePath();
        Path book = root.resolve("book");
        LocalDate night = LocalDate.of(2019, 11, 14);
        new BookGenerator(new BookGenerator.Settings(book, members, 7, 1, night, 0.8)).generate();
        ChildNightly nightly = new ChildNightly(root.resolve("night"), false);
        long t0 = System.nanoTime();
        if (nightly.run(book, List.of()) != 0) {
            throw new IllegalStateException("the night failed: " + root.resolve("night/last-run.log"));
        }
        System.out.printf("night of %,d members: %.1f s%n", members, (System.nanoTime() - t0) / 1e9);
        long due = Long.parseLong(nightly.rows("SELECT COUNT(*) FROM notice WHERE delivery = 'EMAIL'").get(0).get(0));
        long letters = Long.parseLong(nightly.rows("SELECT COUNT(*) FROM notice WHERE delivery = 'LETTER'").get(0).get(0));

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", ChildNightly.JAR.toString(), "notices", "send",
                    "--spring.datasource.url=" + nightly.jdbcUrl(), "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtp.getSmtp().getPort(), "--refund.notices.per-second=1000000",
                    "--logging.file.name=" + root.resolve("logs/refund-batch.log")));
            Path log = root.resolve("send.log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("notices send failed: " + log);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int received = smtp.getReceivedMessages().length;
            long sent = Long.parseLong(nightly.rows("SELECT COUNT(*) FROM notice_outbox WHERE state = 'SENT'")
                    .get(0).get(0));
            System.out.printf("notices send: %,d e-mail notices due (%,d letters not e-mailed), %,d SENT in the outbox,"
                    + " %,d received by the server%n", due, letters, sent, received);
            System.out.printf("notices send: %.1f s with JVM start, %.0f messages/s%n", seconds, received / seconds);
            Files.readAllLines(log).stream().filter(l -> l.contains("notices send")).reduce((a, b) -> b)
                    .ifPresent(l -> System.out.println("last line: " + l));
            if (received != due || sent != due) {
                throw new IllegalStateException("not every due notice arrived exactly once");
            }
        } finally {
            smtp.stop();
        }
    }

    private NoticeSendBenchmark() {
    }
}
