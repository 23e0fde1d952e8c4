package jp.refund.bankfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import jp.refund.kana.ZenginName;
import org.junit.jupiter.api.Test;

/**
 * Each record type against a golden record written independently of this code (Python's
 * shift_jis codec), byte for byte, and parsed back to the same values.
 */
class ZenginRecordsTest {

    static byte[] golden(String name) {
        try (InputStream in = ZenginRecordsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final ZenginHeaderRecord HEADER = new ZenginHeaderRecord("1234567890", "ﾍﾝｷﾝｼﾞﾑｷﾖｸ", "1119", "0001",
            "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳ", "1", "1234567");
    static final ZenginDataRecord SATO = new ZenginDataRecord("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "1",
            "7654321", "ｻﾄｳ ﾊﾅｺ", 29000, "1000000032");
    static final String LONG_NAME = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾞ";
    static final ZenginDataRecord LONG = new ZenginDataRecord("9900", "ﾕｳﾁﾖ", "018", "ｾﾞﾛｲﾁﾊﾁ", "1", "1234567",
            ZenginName.forBankFile(LONG_NAME), 4321, "1000000057");

    @Test
    void headerRecord() {
        assertThat(HEADER.format()).isEqualTo(golden("header-record.bin"));
        assertThat(ZenginHeaderRecord.parse(golden("header-record.bin"))).isEqualTo(HEADER);
    }

    @Test
    void dataRecordWithHalfWidthKanaAndVoicedMarks() {
        byte[] golden = golden("data-record.bin");
        assertThat(SATO.format()).isEqualTo(golden);
        assertThat(ZenginDataRecord.parse(golden)).isEqualTo(SATO);
        // ﾋﾞ is two bytes: the kana 0xCB and the voiced mark 0xDE
        assertThat(new String(golden, 5, 15, Charset.forName("Shift_JIS"))).isEqualTo("ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ  ");
        assertThat(golden[7] & 0xFF).isEqualTo(0xCB);
        assertThat(golden[8] & 0xFF).isEqualTo(0xDE);
    }

    @Test
    void customerCode2IsANumericFieldOfTenZeros() {
        byte[] rec = SATO.format();
        assertThat(new String(rec, 101, 10, Charset.forName("Shift_JIS"))).isEqualTo("0000000000");
        // a file written before the field was zero-filled still reads (its night's manifest protects its bytes)
        byte[] blank = rec.clone();
        java.util.Arrays.fill(blank, 101, 111, (byte) ' ');
        assertThat(ZenginDataRecord.parse(blank)).isEqualTo(SATO);
        byte[] other = rec.clone();
        other[110] = '5';
        assertThatThrownBy(() -> ZenginDataRecord.parse(other))
                .hasMessage("data record field 顧客コード2 (byte 102): expected 10 zeros, found '0000000005'");
    }

    @Test
    void aNameCutAtAVoicedMarkLeavesTheKanaOutToo() {
        assertThat(ZenginName.forBankFile(LONG_NAME)).hasSize(29).endsWith("ﾍ");
        assertThat(ZenginName.fit("ｶﾞｷﾞ", 3)).isEqualTo("ｶﾞ");
        assertThat(ZenginName.fit("ｶﾞｷﾞ", 2)).isEqualTo("ｶﾞ");
        assertThat(LONG.format()).isEqualTo(golden("data-record-cut-at-dakuten.bin"));
    }

    @Test
    void trailerAndEndRecords() {
        ZenginTrailerRecord trailer = new ZenginTrailerRecord(2, 33321);
        assertThat(trailer.format()).isEqualTo(golden("trailer-record.bin"));
        assertThat(ZenginTrailerRecord.parse(golden("trailer-record.bin"))).isEqualTo(trailer);
        assertThat(new ZenginEndRecord().format()).isEqualTo(golden("end-record.bin"));
        assertThat(ZenginEndRecord.parse(golden("end-record.bin"))).isEqualTo(new ZenginEndRecord());
    }

    @Test
    void formatErrorsNameTheRecordTheFieldAndTheBytePosition() {
        ZenginDataRecord kanji = new ZenginDataRecord("0005", "ﾐﾂﾋﾞｼ", "001", "ﾎﾝﾃﾝ", "1", "7654321", "佐藤", 1,
                "1000000032");
        assertThatThrownBy(kanji::format).isInstanceOf(ZenginFormatException.class)
                .hasMessage("data record field 受取人名 (byte 51): character '佐' is not JIS X 0201");
        ZenginDataRecord tooMuch = new ZenginDataRecord("0005", "ﾐﾂﾋﾞｼ", "001", "ﾎﾝﾃﾝ", "1", "7654321", "ｻﾄｳ",
                12_345_678_901L, "1000000032");
        assertThatThrownBy(tooMuch::format).hasMessage(
                "data record field 振込金額 (byte 81): 12345678901 does not fit 10 digits");
        ZenginDataRecord shortAccount = new ZenginDataRecord("0005", "ﾐﾂﾋﾞｼ", "001", "ﾎﾝﾃﾝ", "1", "123", "ｻﾄｳ", 1,
                "1000000032");
        assertThatThrownBy(shortAccount::format).hasMessage(
                "data record field 口座番号 (byte 44): '123' is not 7 digits");
    }

    @Test
    void parseErrorsNameTheRecordTheFieldAndTheBytePosition() {
        byte[] rec = golden("data-record.bin");
        rec[84] = 'X'; // inside 振込金額 (bytes 81-90)
        assertThatThrownBy(() -> ZenginDataRecord.parse(rec)).isInstanceOf(ZenginFormatException.class)
                .hasMessage("data record field 振込金額 (byte 81): '0000X29000' is not 10 digits");
        byte[] trailer = golden("trailer-record.bin");
        trailer[0] = '2';
        assertThatThrownBy(() -> ZenginTrailerRecord.parse(trailer))
                .hasMessage("trailer record field データ区分 (byte 1): expected '8', found '2'");
    }
}
