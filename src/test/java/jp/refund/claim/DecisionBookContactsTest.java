package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the decision step reads for the contact flags of SPEC section 11, on the real schema:
 * the registered contacts (CONTACT_NOT_REGISTERED) and the contacts of the applications behind
 * claims decided on earlier nights (SHARED_CONTACT), where only a live claim counts.
 */
class DecisionBookContactsTest {

    private static final LocalDate EARLIER_NIGHT = LocalDate.of(2019, 10, 2);
    private static JdbcTemplate jdbc;
    private static DecisionBook book;

    @BeforeAll
    static void bookOfAnEarlierNight() {
        jdbc = MigratedDatabase.create();
        book = new DecisionBook(jdbc);
        member("M1", " Taro@Example.JP ", "090-1111-0001");
        member("M2", "hanako@example.jp", "090-2222-0002");
        application("A1", "M1", "mule@example.net", "080-1234-5678");
        claim("0000000001", "A1", "M1", ClaimStatus.PENDING_REVIEW);
        application("A2", "M2", "rejected@example.net", "070-0000-0000");
        claim("0000000002", "A2", "M2", ClaimStatus.REJECTED);
    }

    @Test
    void theRegistryHoldsTheRegisteredContactsInComparisonFormOnlyWhenAsked() {
        Member m1 = book.readRegistry(true).member("M1").orElseThrow();
        assertThat(m1.email()).isEqualTo("taro@example.jp");
        assertThat(m1.phone()).isEqualTo("09011110001");
        assertThat(book.readRegistry(false).member("M1").orElseThrow().email()).isNull();
    }

    @Test
    void aLiveClaimOfAnEarlierNightSharesItsApplicationsContactsAndARejectedOneDoesNot() {
        LiveClaims live = book.readLiveClaims(true);
        assertThat(live.contactUsedByOtherMember("mule@example.net", "", "M3")).isTrue();
        assertThat(live.contactUsedByOtherMember("", "08012345678", "M3")).isTrue();
        assertThat(live.contactUsedByOtherMember("mule@example.net", "08012345678", "M1")).as("its own member").isFalse();
        assertThat(live.contactUsedByOtherMember("rejected@example.net", "07000000000", "M3"))
                .as("a rejected claim is not live").isFalse();
        assertThat(live.hasLiveClaim("M2")).isFalse();
    }

    @Test
    void withTheFlagOffTheLiveClaimsHoldNoContact() {
        LiveClaims live = book.readLiveClaims(false);
        assertThat(live.holdsContacts()).isFalse();
        assertThat(live.hasLiveClaim("M1")).isTrue();
    }

    private static void member(String id, String email, String phone) {
        jdbc.update("INSERT INTO member (member_id, family_name, given_name, family_name_kana, given_name_kana,"
                + " birth_date, email, phone, postal_code, address, content_hash, ingested_on, source_line)"
                + " VALUES (?, '山田', '太郎', 'ヤマダ', 'タロウ', ?, ?, ?, '1000001', '東京都千代田区千代田1-1', ?, ?, 1)",
                id, LocalDate.of(1980, 4, 1), email, phone, "0".repeat(64), EARLIER_NIGHT);
    }

    private static void application(String id, String memberId, String email, String phone) {
        jdbc.update("INSERT INTO application (application_id, channel, submitted_at, payout_method, recipient_name,"
                + " postal_code, address, email, phone, member_id, content_hash, ingested_on, source_line)"
                + " VALUES (?, 'APP', ?, 'POSTAL', '山田 太郎', '1000001', '東京都千代田区千代田1-1', ?, ?, ?, ?, ?, 1)",
                id, OffsetDateTime.parse("2019-10-01T10:00:00+09:00"), email, phone, memberId, "0".repeat(64),
                EARLIER_NIGHT);
    }

    private static void claim(String claimNo, String applicationId, String memberId, ClaimStatus status) {
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, status, amount_yen, payout_method,"
                + " submitted_at, decided_on, status_since) VALUES (?, ?, 'APP', ?, ?, 8000, 'POSTAL', ?, ?, ?)",
                claimNo, applicationId, memberId, status.name(), OffsetDateTime.parse("2019-10-01T10:00:00+09:00"),
                EARLIER_NIGHT, EARLIER_NIGHT);
    }
}
