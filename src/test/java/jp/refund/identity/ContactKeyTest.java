package jp.refund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.refund.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decisions find web applicants by the database's phone and e-mail keys, then match
 * them in Java: a key the database computes differently would lose a member. Each value
 * goes into a member row of the real schema and its keys must be the Java comparison forms.
 */
class ContactKeyTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void schema() {
        jdbc = MigratedDatabase.create();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Taro@Example.JP", " taro@example.jp ", "\ttaro@EXAMPLE.jp\u3000", "\u2003Hanako@example.com\n",
            "ＦＵＬＬ@example.jp"})
    void theDatabaseEmailKeyIsTheJavaComparisonForm(String email) {
        assertThat(keys(email, "03-1234-5678").get("EMAIL_KEY")).isEqualTo(WebIdentityMatch.email(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-1234-5678", "(03) 1234 5678", "+81 3-1234-5678", "０３-1234-5678"})
    void theDatabasePhoneKeyIsTheJavaComparisonForm(String phone) {
        assertThat(keys("a@example.jp", phone).get("PHONE_KEY")).isEqualTo(WebIdentityMatch.phone(phone));
    }

    private static Map<String, Object> keys(String email, String phone) {
        jdbc.update("DELETE FROM member");
        jdbc.update("INSERT INTO member (member_id, family_name, given_name, family_name_kana, given_name_kana,"
                + " birth_date, email, phone, postal_code, address, content_hash, ingested_on, source_line)"
                + " VALUES ('KEYTEST', '山田', '太郎', 'ヤマダ', 'タロウ', DATE '1980-01-01', ?, ?, '1000001', '東京都',"
                + " REPEAT('0', 64), DATE '2019-10-01', 2)", email, phone);
        return jdbc.queryForMap("SELECT email_key, phone_key FROM member WHERE member_id = 'KEYTEST'");
    }
}
