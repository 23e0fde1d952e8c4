package jp.refund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jp.refund.SampleDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decisions find web applicants by the database's phone and e-mail keys, then match
 * them in Java: a key the database computes differently would lose a member. Each value
 * goes into a member row (rolled back) and its keys must be the Java comparison forms.
 */
class ContactKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Taro@Example.JP", " taro@example.jp ", "\ttaro@EXAMPLE.jp\u3000", "\u2003Hanako@example.com\n",
            "ＦＵＬＬ@example.jp"})
    void theDatabaseEmailKeyIsTheJavaComparisonForm(String email) throws SQLException {
        assertThat(keys(email, "03-1234-5678")[0]).isEqualTo(WebIdentityMatch.email(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-1234-5678", "(03) 1234 5678", "+81 3-1234-5678", "０３-1234-5678"})
    void theDatabasePhoneKeyIsTheJavaComparisonForm(String phone) throws SQLException {
        assertThat(keys("a@example.jp", phone)[1]).isEqualTo(WebIdentityMatch.phone(phone));
    }

    private static String[] keys(String email, String phone) throws SQLException {
        try (Connection connection = SampleDatabase.prepared().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO member (member_id, family_name,"
                    + " given_name, family_name_kana, given_name_kana, birth_date, email, phone, postal_code, address,"
                    + " content_hash, ingested_on, source_line) VALUES ('KEYTEST', '山田', '太郎', 'ヤマダ', 'タロウ',"
                    + " DATE '1980-01-01', ?, ?, '1000001', '東京都', REPEAT('0', 64), DATE '2019-10-01', 2)");
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT email_key, phone_key FROM member WHERE member_id = 'KEYTEST'")) {
                insert.setString(1, email);
                insert.setString(2, phone);
                insert.executeUpdate();
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new String[]{rs.getString(1), rs.getString(2)};
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
