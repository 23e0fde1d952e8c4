package jp.refund.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import jp.refund.shared.Window;
import org.junit.jupiter.api.Test;

/** The incident's rule for whom a notice reaches (SPEC section 9). */
class RecipientsTest {

    private final Recipients recipients = new Recipients(new Window(
            OffsetDateTime.parse("2019-07-01T00:00:00+09:00"), OffsetDateTime.parse("2019-07-30T23:59:59+09:00")));

    private static RegisteredContact member(String contactChangedAt) {
        return new RegisteredContact("M1", " taro@example.jp ", "1000001", "東京都千代田区千代田1-1",
                contactChangedAt == null ? null : OffsetDateTime.parse(contactChangedAt));
    }

    @Test
    void anUnchangedContactIsMailedAtTheRegisteredAddress() {
        assertThat(recipients.of(member(null), "")).contains(new Recipient(Delivery.EMAIL, "taro@example.jp"));
        assertThat(recipients.of(member("2019-06-30T23:59:59+09:00"), "WEB_APPLICATION"))
                .contains(new Recipient(Delivery.EMAIL, "taro@example.jp"));
        assertThat(recipients.of(member("2019-07-31T00:00:00+09:00"), null))
                .contains(new Recipient(Delivery.EMAIL, "taro@example.jp"));
    }

    @Test
    void aContactChangedDuringTheIncidentGetsALetterToTheRegisteredAddress() {
        Recipient letter = new Recipient(Delivery.LETTER, "〒100-0001 東京都千代田区千代田1-1");
        assertThat(recipients.of(member("2019-07-01T00:00:00+09:00"), "")).contains(letter);
        assertThat(recipients.of(member("2019-07-30T14:59:59Z"), "CONTACT_CHANGED_DURING_INCIDENT")).contains(letter);
    }

    @Test
    void nobodyIdentifiedMeansNoNotice() {
        assertThat(recipients.of(null, "")).isEmpty();
        assertThat(recipients.of(member(null), "UNKNOWN_MEMBER")).isEmpty();
        assertThat(recipients.of(member(null), "IDENTITY_NOT_FOUND")).isEmpty();
        assertThat(recipients.of(member(null), "IDENTITY_AMBIGUOUS")).isEmpty();
        assertThat(recipients.of(member(null), "DUPLICATE_APPLICATION")).isPresent();
    }

    @Test
    void theTownOfAMailingAddressLeavesOutTheStreet() {
        assertThat(NoticeDerivation.town("東京都千代田区丸の内1-1")).isEqualTo("東京都千代田区");
        assertThat(NoticeDerivation.town("大阪府大阪市北区梅田1-1")).isEqualTo("大阪府大阪市");
        assertThat(NoticeDerivation.town("神奈川県横浜市西区高島2-3")).isEqualTo("神奈川県横浜市");
        assertThat(NoticeDerivation.town("北海道札幌市中央区大通西1")).isEqualTo("北海道札幌市");
        assertThat(NoticeDerivation.town("沖縄県那覇市久茂地1-1")).isEqualTo("沖縄県那覇市");
    }

    @Test
    void fieldsAreOneJsonObjectWithSortedKeysAndReadBack() {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put("zeta", "a \"quoted\" \\ value\n");
        fields.put("amount_yen", "8000");
        String json = NoticeFields.json(fields);
        assertThat(json).isEqualTo("{\"amount_yen\":\"8000\",\"zeta\":\"a \\\"quoted\\\" \\\\ value\\n\"}");
        assertThat(NoticeFields.parse(json)).isEqualTo(new java.util.TreeMap<>(fields));
    }
}
