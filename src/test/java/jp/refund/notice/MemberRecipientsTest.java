package jp.refund.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.refund.MigratedDatabase;
import jp.refund.shared.KeysetPages;
import jp.refund.shared.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both ways of finding where a night's members get their notices give the same recipients: the
 * registry as it stood that night, with the incident rule applied.
 */
class MemberRecipientsTest {

    private static final LocalDate NIGHT = LocalDate.parse("2019-10-01");
    private static final int MEMBERS = 2 * KeysetPages.PAGE + 7; // the whole registry is read over three pages

    private final Recipients rule = new Recipients(new Window(
            OffsetDateTime.parse("2019-07-01T00:00:00+09:00"), OffsetDateTime.parse("2019-07-30T23:59:59+09:00")));
    private JdbcTemplate jdbc;

    @BeforeEach
    void registry() {
        jdbc = MigratedDatabase.create();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= MEMBERS; i++) {
            // every 10th member changed contact during the incident
            rows.add(member("M" + i, "m" + i + "@example.jp", i % 10 == 0 ? "2019-07-15T12:00:00+09:00" : null, NIGHT, i));
        }
        rows.add(member("LATE1", "late@example.jp", null, NIGHT.plusDays(2), 1)); // a row of a later night
        jdbc.batchUpdate("INSERT INTO member (member_id, family_name, given_name, family_name_kana, given_name_kana,"
                + " birth_date, email, phone, postal_code, address, contact_changed_at, content_hash, ingested_on,"
                + " source_line) VALUES (?, '山田', '太郎', 'ヤマダ', 'タロウ', DATE '1980-04-01', ?, '090-1111-0001',"
                + " '1000001', '東京都千代田区千代田1-1', ?, REPEAT('0', 64), ?, ?)", rows);
    }

    private static Object[] member(String id, String email, String changedAt, LocalDate ingestedOn, int line) {
        return new Object[]{id, email, changedAt == null ? null : OffsetDateTime.parse(changedAt), ingestedOn, line};
    }

    @Test
    void theWholeRegistryHoldsEachMemberOfTheNightWithTheIncidentRuleApplied() {
        MemberRecipients whole = MemberRecipients.forNight(jdbc, NIGHT, rule, MemberRecipients.Lookup.WHOLE_REGISTRY, 1);
        assertThat(whole.holdsWholeRegistry()).isTrue();
        for (int i = 1; i <= MEMBERS; i++) {
            String id = "M" + i;
            Recipient expected = i % 10 == 0 ? new Recipient(Delivery.LETTER, "〒100-0001 東京都千代田区千代田1-1")
                    : new Recipient(Delivery.EMAIL, "m" + i + "@example.jp");
            assertThat(whole.of(id)).as(id).isEqualTo(expected);
        }
        // not yet in the registry that night, never in it, no member id: nobody to tell
        assertThat(whole.of("LATE1")).isNull();
        assertThat(whole.of("NOBODY")).isNull();
        assertThat(whole.of(null)).isNull();
    }

    @Test
    void aNightThatTouchesAQuarterOfTheMembersReadsTheWholeRegistry() {
        MemberRecipients.Lookup auto = MemberRecipients.Lookup.AUTO;
        int all = MEMBERS + 1;
        assertThat(MemberRecipients.forNight(jdbc, NIGHT, rule, auto, all / 4 + 1).holdsWholeRegistry()).isTrue();
        assertThat(MemberRecipients.forNight(jdbc, NIGHT, rule, auto, all / 4 - 1).holdsWholeRegistry()).isFalse();
        assertThat(MemberRecipients.forNight(jdbc, NIGHT, rule, auto, 0).holdsWholeRegistry()).isFalse();
        // the registry read for a later night holds the member that came then
        assertThat(MemberRecipients.forNight(jdbc, NIGHT.plusDays(2), rule, MemberRecipients.Lookup.WHOLE_REGISTRY, 1)
                .of("LATE1")).isEqualTo(new Recipient(Delivery.EMAIL, "late@example.jp"));
        assertThat(MemberRecipients.forNight(jdbc, NIGHT, rule, MemberRecipients.Lookup.PER_CHANGE, all)
                .holdsWholeRegistry()).isFalse();
    }
}
