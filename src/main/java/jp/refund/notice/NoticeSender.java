package jp.refund.notice;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.DatabaseKind;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * {@code notices send}: the EMAIL notices of completed nights not yet sent, over SMTP
 * ({@code spring.mail.*}), oldest night first, at most {@code refund.notices.per-second}.
 *
 * <p>At most once, through the outbox ({@code notice_outbox}): a notice is marked SENDING
 * (committed) before it goes out and SENT with the server's reply right after. A run killed
 * between the server's reply and that record leaves one SENDING row; the next run sends that
 * one again with the same Message-ID (the receiving side can tell), never any other. A
 * temporary failure (4xx, no connection) is RETRY after a back-off that doubles; a permanent
 * one (5xx) is FAILED with the server's reply, which support sees on the claim page.
 */
@Service
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    /** The crash test's moment: the server accepted a message, the outbox does not know yet. */
    public static final String SENT_NOT_RECORDED = "notice-sent";
    private static final int PAGE = 500;

    /** What a run did. */
    public record Outcome(long sent, long failed, long retrying) {
    }

    private final JdbcTemplate jdbc;
    private final NoticeBook book;
    private final NoticeTexts texts;
    private final NoticeSettings settings;
    private final ObjectProvider<JavaMailSenderImpl> mail;
    private final CrashPoint crashPoint;

    NoticeSender(JdbcTemplate jdbc, NoticeBook book, NoticeTexts texts, NoticeSettings settings,
                 ObjectProvider<JavaMailSenderImpl> mail, ObjectProvider<CrashPoint> crashPoint) {
        this.jdbc = jdbc;
        this.book = book;
        this.texts = texts;
        this.settings = settings;
        this.mail = mail;
        this.crashPoint = crashPoint.getIfAvailable(() -> CrashPoint.NONE);
    }

    public Outcome send(Optional<LocalDate> night, PrintStream progress) {
        JavaMailSenderImpl sender = mail.getIfAvailable();
        if (sender == null || sender.getHost() == null) {
            throw new IllegalStateException("no SMTP server: set spring.mail.host (and spring.mail.port,"
                    + " spring.mail.username, spring.mail.password as needed)");
        }
        long total = due(night, true);
        progress.printf("notices send: %,d e-mail notice(s) to send%s, at most %s a second%n", total,
                night.map(d -> " of night " + d).orElse(""), settings.perSecond());
        Progress meter = new Progress(total, progress);
        Pacer pacer = new Pacer(settings.perSecond());
        try (Connection smtp = new Connection(sender)) {
            while (true) {
                List<Notice> page = duePage(night);
                if (page.isEmpty()) {
                    Optional<Instant> nextRetry = nextRetry(night);
                    if (nextRetry.isEmpty()) {
                        break;
                    }
                    sleepUntil(nextRetry.get());
                    continue;
                }
                for (Notice notice : page) {
                    pacer.await();
                    meter.count(sendOne(smtp, notice));
                }
            }
        }
        meter.done();
        return meter.outcome();
    }

    private enum Result { SENT, FAILED, RETRY }

    private Result sendOne(Connection smtp, Notice notice) {
        int attempts = markSending(notice.noticeId());
        try {
            String reply = smtp.send(message(smtp.session(), notice));
            crashPoint.reached(SENT_NOT_RECORDED);
            record(notice.noticeId(), "SENT", reply, null);
            return Result.SENT;
        } catch (MessagingException e) {
            smtp.dropIfBroken();
            int code = returnCode(e);
            String reply = reply(e);
            if (code >= 500 && code < 600) {
                record(notice.noticeId(), "FAILED", reply, null);
                log.warn("notice {} refused by the server: {}", notice.noticeId(), reply);
                return Result.FAILED;
            }
            if (attempts >= settings.maxAttempts()) {
                record(notice.noticeId(), "FAILED", "gave up after " + attempts + " attempts: " + reply, null);
                return Result.FAILED;
            }
            Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(20, attempts - 1));
            record(notice.noticeId(), "RETRY", reply, Instant.now().plus(wait));
            return Result.RETRY;
        }
    }

    private MimeMessage message(Session session, Notice notice) throws MessagingException {
        String messageId = "<" + notice.noticeId() + "@" + settings.messageIdDomain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the notice id, not a random one: a resend is recognisable
            }
        };
        message.setFrom(new InternetAddress(settings.from()));
        // the registry's address as the night wrote it: Recipients is the only source of a notice's recipient
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notice.recipient(), true));
        message.setSubject(texts.subject(notice), StandardCharsets.UTF_8.name());
        message.setText(texts.render(notice), StandardCharsets.UTF_8.name());
        message.setHeader("X-Refund-Notice", notice.noticeId());
        message.saveChanges();
        return message;
    }

    // ---- the outbox --------------------------------------------------------------------------

    /** SENDING, committed before the message goes out; returns the attempt's number. */
    private int markSending(String noticeId) {
        List<Integer> before = jdbc.queryForList("SELECT attempts FROM notice_outbox WHERE notice_id = ?",
                Integer.class, noticeId);
        int attempts = (before.isEmpty() ? 0 : before.get(0)) + 1;
        if (before.isEmpty()) {
            jdbc.update("INSERT INTO notice_outbox (notice_id, state, attempts, next_attempt, reply, updated_at)"
                    + " VALUES (?, 'SENDING', ?, NULL, NULL, ?)", noticeId, attempts, now());
        } else {
            jdbc.update("UPDATE notice_outbox SET state = 'SENDING', attempts = ?, next_attempt = NULL, reply = ?,"
                    + " updated_at = ? WHERE notice_id = ?", attempts, "resent after an interrupted or failed attempt",
                    now(), noticeId);
        }
        onDisk();
        return attempts;
    }

    private void record(String noticeId, String state, String reply, Instant nextAttempt) {
        jdbc.update("UPDATE notice_outbox SET state = ?, reply = ?, next_attempt = ?, updated_at = ?"
                        + " WHERE notice_id = ?", state, cut(reply),
                nextAttempt == null ? null : nextAttempt.atOffset(ZoneOffset.UTC), now(), noticeId);
        onDisk();
    }

    /**
     * The record is on disk before the next message goes out. H2 writes a commit to disk up to
     * half a second later; a kill in that time would lose the SENT of several messages, and
     * the next run would send them all again. One sync per message costs little at the rate
     * a mail server takes.
     */
    private void onDisk() {
        if (h2 == null) {
            h2 = DatabaseKind.of(jdbc) == DatabaseKind.H2;
        }
        if (Boolean.TRUE.equals(h2)) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }

    private Boolean h2;

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static final String DUE = " FROM notice n JOIN night ON night.run_date = n.run_date"
            + " LEFT JOIN notice_outbox o ON o.notice_id = n.notice_id WHERE n.delivery = 'EMAIL'"
            + " AND (o.state IS NULL OR o.state = 'SENDING' OR (o.state = 'RETRY' AND o.next_attempt <= ?))";

    private long due(Optional<LocalDate> night, boolean includingRetries) {
        Long n = jdbc.queryForObject("SELECT COUNT(*)" + DUE.replace("o.next_attempt <= ?",
                        includingRetries ? "TRUE OR o.next_attempt <= ?" : "o.next_attempt <= ?")
                        + (night.isPresent() ? " AND n.run_date = ?" : " AND ? IS NULL"), Long.class,
                now(), night.orElse(null));
        return n == null ? 0 : n;
    }

    /** The next notices due, in the nights' file order. */
    private List<Notice> duePage(Optional<LocalDate> night) {
        List<String> ids = jdbc.queryForList("SELECT n.notice_id" + DUE
                        + (night.isPresent() ? " AND n.run_date = ?" : " AND ? IS NULL")
                        + " ORDER BY n.run_date, n.claim_no, n.kind_rank, n.n FETCH FIRST " + PAGE + " ROWS ONLY",
                String.class, now(), night.orElse(null));
        java.util.Map<String, Notice> notices = book.byId(ids);
        return ids.stream().map(notices::get).toList();
    }

    private Optional<Instant> nextRetry(Optional<LocalDate> night) {
        OffsetDateTime next = jdbc.queryForObject("SELECT MIN(o.next_attempt) FROM notice_outbox o"
                        + " JOIN notice n ON n.notice_id = o.notice_id WHERE o.state = 'RETRY'"
                        + (night.isPresent() ? " AND n.run_date = ?" : " AND ? IS NULL"), OffsetDateTime.class,
                night.orElse(null));
        return Optional.ofNullable(next).map(OffsetDateTime::toInstant);
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry", e);
            }
        }
    }

    // ---- SMTP ------------------------------------------------------------------------------

    /** The server's code of a refusal (0 when there was none, e.g. no connection). */
    static int returnCode(Throwable e) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return 0;
    }

    /** The most specific message: the server's reply line where there is one. */
    static String reply(Throwable e) {
        String reply = e.getMessage();
        for (Throwable t = e; t != null; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException
                    || t instanceof SMTPSenderFailedException) {
                reply = t.getMessage();
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return reply == null ? e.getClass().getSimpleName() : reply.strip();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** One SMTP connection, opened when first needed and again after it broke. */
    private static final class Connection implements AutoCloseable {
        private final JavaMailSenderImpl sender;
        private Transport transport;

        Connection(JavaMailSenderImpl sender) {
            this.sender = sender;
        }

        Session session() {
            return sender.getSession();
        }

        /** Sends; returns the server's reply to the message. */
        String send(MimeMessage message) throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                transport = session().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
                transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            }
            Address[] to = message.getAllRecipients();
            transport.sendMessage(message, to);
            return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "sent";
        }

        void dropIfBroken() {
            try {
                if (transport != null && !transport.isConnected()) {
                    transport = null;
                }
            } catch (RuntimeException e) {
                transport = null;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("closing the SMTP connection: {}", e.getMessage());
                }
            }
        }
    }

    /** At most n a second, evenly spaced. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = (long) (1_000_000_000L / perSecond);
        }

        void await() {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            next = Math.max(next, System.nanoTime() - intervalNanos) + intervalNanos;
        }
    }

    /** Counts and, every few seconds, a line with the rate and the time left. */
    private static final class Progress {
        private final long total;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private long sent;
        private long failed;
        private long retrying;

        Progress(long total, PrintStream out) {
            this.total = total;
            this.out = out;
        }

        void count(Result result) {
            switch (result) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case RETRY -> retrying++;
            }
            long now = System.nanoTime();
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                print();
            }
        }

        private void print() {
            double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
            long done = sent + failed;
            double rate = done / seconds;
            long left = Math.max(0, total - done);
            long eta = rate > 0 ? (long) (left / rate) : 0;
            out.printf("notices send: %,d of %,d done (%,d sent, %,d failed, %,d retries), %.1f/s, ETA %d:%02d:%02d%n",
                    done, total, sent, failed, retrying, rate, eta / 3600, eta / 60 % 60, eta % 60);
        }

        void done() {
            print();
        }

        Outcome outcome() {
            return new Outcome(sent, failed, retrying);
        }
    }
}
