package jp.refund.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The notices of one claim, or one notice, rendered: for {@code notices show} and the support page. */
@Service
public class ApplicantNotices {

    private final NoticeBook book;
    private final NoticeTexts texts;
    private final JdbcTemplate jdbc;

    ApplicantNotices(NoticeBook book, NoticeTexts texts, JdbcTemplate jdbc) {
        this.book = book;
        this.texts = texts;
        this.jdbc = jdbc;
    }

    public Optional<ClaimNotice> find(String noticeId) {
        return book.find(noticeId).flatMap(n -> book.ofClaim(n.claimNo()).stream()
                .filter(d -> d.notice().noticeId().equals(noticeId)).findFirst()).map(this::view);
    }

    /** Every notice of the claim, oldest night first, with its delivery state and text. */
    public List<ClaimNotice> ofClaim(String claimNo) {
        return book.ofClaim(claimNo).stream().map(this::view).toList();
    }

    private ClaimNotice view(NoticeBook.Dated d) {
        Notice n = d.notice();
        String state = "LETTER";
        String reply = "";
        if (n.delivery() == Delivery.EMAIL) {
            List<String[]> outbox = jdbc.query("SELECT state, reply FROM notice_outbox WHERE notice_id = ?",
                    (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, n.noticeId());
            // notices send takes only completed nights' notices, and a resumed night makes its notices
            // again: one of a night that has not completed is not waiting to be sent yet
            state = !outbox.isEmpty() ? outbox.get(0)[0]
                    : nightCompleted(d.runDate()) ? "NOT_SENT" : "NIGHT_NOT_COMPLETED";
            reply = outbox.isEmpty() || outbox.get(0)[1] == null ? "" : outbox.get(0)[1];
        }
        return new ClaimNotice(d.runDate(), n, state, reply, texts.subject(n), texts.render(n));
    }

    private boolean nightCompleted(LocalDate runDate) {
        Long nights = jdbc.queryForObject("SELECT COUNT(*) FROM night WHERE run_date = ?", Long.class, runDate);
        return nights != null && nights > 0;
    }
}
