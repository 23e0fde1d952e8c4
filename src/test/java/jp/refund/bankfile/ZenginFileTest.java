package jp.refund.bankfile;

import static jp.refund.bankfile.ZenginRecordsTest.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZenginFileTest {

    private final ZenginFile file = ZenginFile.of(ZenginRecordsTest.HEADER,
            List.of(ZenginRecordsTest.SATO, ZenginRecordsTest.LONG));

    @Test
    void aFileIsHeaderTransfersTrailerAndEndWithCrlf() {
        byte[] bytes = file.toBytes(true);
        assertThat(bytes).isEqualTo(golden("SOGOFURI-20191119.txt"));
        assertThat(bytes).hasSize(5 * 122);
        assertThat(file.trailer()).isEqualTo(new ZenginTrailerRecord(2, 33321));
    }

    @Test
    void aFileParsesBackToTheSameTransfersWithOrWithoutLineEnds() {
        assertThat(ZenginFile.parse(golden("SOGOFURI-20191119.txt"))).isEqualTo(file);
        byte[] noLineEnds = file.toBytes(false);
        assertThat(noLineEnds).hasSize(5 * 120);
        assertThat(ZenginFile.parse(noLineEnds)).isEqualTo(file);
        assertThat(ZenginFile.parse(noLineEnds).toBytes(true)).isEqualTo(golden("SOGOFURI-20191119.txt"));
    }

    @Test
    void aTrailerThatDisagreesWithTheTransfersIsCaught() {
        byte[] bytes = golden("SOGOFURI-20191119.txt");
        byte[] tampered = Arrays.copyOf(bytes, bytes.length);
        tampered[122 + 85] = '9'; // first transfer: 29000 -> 99000 yen
        assertThatThrownBy(() -> ZenginFile.parse(tampered)).isInstanceOf(ZenginFormatException.class)
                .hasMessage("trailer record field 合計金額 (byte 8): says 33321 yen, the transfers add up to 103321");
    }

    @Test
    void brokenStructureIsNamedByRecordNumber() {
        byte[] bytes = golden("SOGOFURI-20191119.txt");
        assertThatThrownBy(() -> ZenginFile.parse(Arrays.copyOf(bytes, bytes.length - 1)))
                .hasMessageContaining("609 bytes is not a whole number of 120-byte records with CRLF");
        byte[] badKind = Arrays.copyOf(bytes, bytes.length);
        badKind[2 * 122] = '3';
        assertThatThrownBy(() -> ZenginFile.parse(badKind))
                .hasMessage("record 3 (data record) field データ区分 (byte 1): expected '2', found '3'");
    }
}
