package jp.refund.closeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state of each member on the 供託 list (SPEC section 10, issue 37): it comes from the
 * member's own last claim that was not a {@code DUPLICATE} — a duplicate is not a rejection and
 * does not say why the member is still owed money.
 */
class ProgramBookTest {

    private static final LocalDate NIGHT = LocalDate.of(2020, 3, 2);

    private JdbcTemplate jdbc;
    private int claims;

    @BeforeEach
    void book() {
        jdbc = MigratedDatabase.create();
    }

    private void member(String memberId, long balance) {
        jdbc.update("INSERT INTO wallet (wallet_id, member_id, balance_yen, disputed_yen, compromised, content_hash,"
                + " ingested_on, source_line) VALUES (?, ?, ?, 0, FALSE, 'h', ?, 2)", "W" + memberId, memberId, balance,
                NIGHT);
    }

    private void claim(String memberId, String status, String reasons) {
        claims++;
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, wallet_id, status, reasons,"
                + " amount_yen, payout_method, submitted_at, decided_on, status_since) VALUES (?, ?, 'APP', ?, ?,"
                + " ?, ?, 1000, 'BANK', ?, ?, ?)", String.format("%010d", claims), "A" + claims, memberId,
                "W" + memberId, status, reasons, OffsetDateTime.parse("2019-10-02T10:00:00+09:00"), NIGHT, NIGHT);
    }

    private String stateOf(String memberId) {
        return new ProgramBook(jdbc).unclaimedMembers().stream().filter(m -> m.memberId().equals(memberId))
                .map(UnclaimedMember::state).findFirst().orElse(null);
    }

    @Test
    void aDuplicateSentWhileTheFirstClaimAwaitedConfirmationDoesNotNameTheReason() {
        // given M1's first claim lapsed unconfirmed, and a second application, sent while it still awaited
        // confirmation, was a duplicate (decided after it, so a higher claim number)
        member("M1", 1000);
        claim("M1", "REJECTED", "NOT_CONFIRMED");
        claim("M1", "DUPLICATE", "DUPLICATE_APPLICATION");
        // and M2 returned, then a duplicate of a claim since returned; M3 rejected twice, then a duplicate
        member("M2", 1000);
        claim("M2", "RETURNED", "ACCOUNT_CLOSED");
        claim("M2", "DUPLICATE", "DUPLICATE_APPLICATION");
        member("M3", 1000);
        claim("M3", "REJECTED", "INVALID_ACCOUNT");
        claim("M3", "REJECTED", "NOT_CONFIRMED");
        claim("M3", "DUPLICATE", "DUPLICATE_APPLICATION");
        // and M4's live claim awaits confirmation beside a duplicate
        member("M4", 1000);
        claim("M4", "AWAITING_CONFIRMATION", null);
        claim("M4", "DUPLICATE", "DUPLICATE_APPLICATION");

        // then each state is the member's own last claim that was not a duplicate
        assertThat(stateOf("M1")).isEqualTo("REJECTED:NOT_CONFIRMED");
        assertThat(stateOf("M2")).isEqualTo("RETURNED");
        assertThat(stateOf("M3")).isEqualTo("REJECTED:NOT_CONFIRMED");
        assertThat(stateOf("M4")).isEqualTo("AWAITING_CONFIRMATION");
    }
}
