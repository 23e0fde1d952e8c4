package jp.refund.bankfile;

import static jp.refund.bankfile.ZenginRecordBytes.*;

/** End record (データ区分 9): "9" and 119 spaces. */
public record ZenginEndRecord() {

    static final String RECORD = "end record";

    public byte[] format() {
        byte[] rec = new byte[LENGTH];
        rec[0] = '9';
        text(rec, RECORD, "ダミー", 2, 119, "");
        return rec;
    }

    public static ZenginEndRecord parse(byte[] rec) {
        expect(rec, RECORD, "データ区分", 1, "9");
        expectBlank(rec, RECORD, "ダミー", 2, 119);
        return new ZenginEndRecord();
    }
}
