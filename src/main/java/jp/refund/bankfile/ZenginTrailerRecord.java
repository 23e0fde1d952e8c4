package jp.refund.bankfile;

import static jp.refund.bankfile.ZenginRecordBytes.*;

/**
 * Trailer record (データ区分 8): the control totals the bank checks.
 * <pre>
 *   1      データ区分 "8"
 *   2-7    合計件数    N6
 *   8-19   合計金額    N12
 *   20-120 ダミー      C101
 * </pre>
 */
public record ZenginTrailerRecord(long count, long totalYen) {

    static final String RECORD = "trailer record";

    public byte[] format() {
        byte[] rec = new byte[LENGTH];
        rec[0] = '8';
        number(rec, RECORD, "合計件数", 2, 6, count);
        number(rec, RECORD, "合計金額", 8, 12, totalYen);
        text(rec, RECORD, "ダミー", 20, 101, "");
        return rec;
    }

    public static ZenginTrailerRecord parse(byte[] rec) {
        expect(rec, RECORD, "データ区分", 1, "8");
        ZenginTrailerRecord trailer = new ZenginTrailerRecord(readNumber(rec, RECORD, "合計件数", 2, 6),
                readNumber(rec, RECORD, "合計金額", 8, 12));
        expectBlank(rec, RECORD, "ダミー", 20, 101);
        return trailer;
    }
}
