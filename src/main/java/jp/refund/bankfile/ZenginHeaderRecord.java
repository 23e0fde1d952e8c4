package jp.refund.bankfile;

import static jp.refund.bankfile.ZenginRecordBytes.*;

/**
 * Header record (データ区分 1) of a 総合振込 file: who pays, from which account, on which day.
 * <pre>
 *   1      データ区分 "1"
 *   2-3    種別コード "21" (総合振込)
 *   4      コード区分 "0" (JIS/Shift_JIS)
 *   5-14   振込依頼人コード      N10
 *   15-54  振込依頼人名          C40
 *   55-58  取組日 MMDD           N4
 *   59-62  仕向銀行番号          N4
 *   63-77  仕向銀行名            C15
 *   78-80  仕向支店番号          N3
 *   81-95  仕向支店名            C15
 *   96     預金種目(依頼人)      N1
 *   97-103 口座番号(依頼人)      N7
 *   104-120 ダミー               C17
 * </pre>
 */
public record ZenginHeaderRecord(String originatorCode, String originatorName, String valueDateMmdd,
                                 String bankCode, String bankName, String branchCode, String branchName,
                                 String accountType, String accountNumber) {

    static final String RECORD = "header record";

    public byte[] format() {
        byte[] rec = new byte[LENGTH];
        rec[0] = '1';
        text(rec, RECORD, "種別コード", 2, 2, "21");
        text(rec, RECORD, "コード区分", 4, 1, "0");
        digits(rec, RECORD, "振込依頼人コード", 5, 10, originatorCode);
        text(rec, RECORD, "振込依頼人名", 15, 40, originatorName);
        digits(rec, RECORD, "取組日", 55, 4, valueDateMmdd);
        digits(rec, RECORD, "仕向銀行番号", 59, 4, bankCode);
        text(rec, RECORD, "仕向銀行名", 63, 15, bankName);
        digits(rec, RECORD, "仕向支店番号", 78, 3, branchCode);
        text(rec, RECORD, "仕向支店名", 81, 15, branchName);
        digits(rec, RECORD, "預金種目(依頼人)", 96, 1, accountType);
        digits(rec, RECORD, "口座番号(依頼人)", 97, 7, accountNumber);
        text(rec, RECORD, "ダミー", 104, 17, "");
        return rec;
    }

    public static ZenginHeaderRecord parse(byte[] rec) {
        expect(rec, RECORD, "データ区分", 1, "1");
        expect(rec, RECORD, "種別コード", 2, "21");
        expect(rec, RECORD, "コード区分", 4, "0");
        ZenginHeaderRecord header = new ZenginHeaderRecord(
                readDigits(rec, RECORD, "振込依頼人コード", 5, 10),
                readText(rec, RECORD, "振込依頼人名", 15, 40),
                readDigits(rec, RECORD, "取組日", 55, 4),
                readDigits(rec, RECORD, "仕向銀行番号", 59, 4),
                readText(rec, RECORD, "仕向銀行名", 63, 15),
                readDigits(rec, RECORD, "仕向支店番号", 78, 3),
                readText(rec, RECORD, "仕向支店名", 81, 15),
                readDigits(rec, RECORD, "預金種目(依頼人)", 96, 1),
                readDigits(rec, RECORD, "口座番号(依頼人)", 97, 7));
        expectBlank(rec, RECORD, "ダミー", 104, 17);
        return header;
    }
}
