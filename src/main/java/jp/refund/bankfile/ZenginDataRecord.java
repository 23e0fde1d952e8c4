package jp.refund.bankfile;

import static jp.refund.bankfile.ZenginRecordBytes.*;

/**
 * Data record (データ区分 2): one transfer.
 * <pre>
 *   1       データ区分 "2"
 *   2-5     被仕向銀行番号        N4
 *   6-20    被仕向銀行名          C15
 *   21-23   被仕向支店番号        N3
 *   24-38   被仕向支店名          C15
 *   39-42   手形交換所番号        N4 "0000"
 *   43      預金種目              N1
 *   44-50   口座番号              N7
 *   51-80   受取人名              C30
 *   81-90   振込金額              N10
 *   91      新規コード            N1 "0"
 *   92-101  顧客コード1           N10 (claim number)
 *   102-111 顧客コード2           N10 "0000000000" (numeric: zero-filled, not blank)
 *   112     振込指定区分          N1 "7" (テレ振込)
 *   113     識別表示              C1 (blank)
 *   114-120 ダミー                C7
 * </pre>
 */
public record ZenginDataRecord(String bankCode, String bankName, String branchCode, String branchName,
                               String accountType, String accountNumber, String recipientName, long amountYen,
                               String customerCode1) {

    static final String RECORD = "data record";
    /** 顧客コード2 is a numeric field and this batch has nothing to put in it: ten zeros. */
    static final String CUSTOMER_CODE_2 = "0000000000";

    public byte[] format() {
        byte[] rec = new byte[LENGTH];
        rec[0] = '2';
        digits(rec, RECORD, "被仕向銀行番号", 2, 4, bankCode);
        text(rec, RECORD, "被仕向銀行名", 6, 15, bankName);
        digits(rec, RECORD, "被仕向支店番号", 21, 3, branchCode);
        text(rec, RECORD, "被仕向支店名", 24, 15, branchName);
        text(rec, RECORD, "手形交換所番号", 39, 4, "0000");
        digits(rec, RECORD, "預金種目", 43, 1, accountType);
        digits(rec, RECORD, "口座番号", 44, 7, accountNumber);
        text(rec, RECORD, "受取人名", 51, 30, recipientName);
        if (amountYen <= 0) {
            throw new ZenginFormatException(RECORD, "振込金額", 81, "a transfer must be more than 0 yen");
        }
        number(rec, RECORD, "振込金額", 81, 10, amountYen);
        text(rec, RECORD, "新規コード", 91, 1, "0");
        digits(rec, RECORD, "顧客コード1", 92, 10, customerCode1);
        text(rec, RECORD, "顧客コード2", 102, 10, CUSTOMER_CODE_2);
        text(rec, RECORD, "振込指定区分", 112, 1, "7");
        text(rec, RECORD, "識別表示", 113, 1, "");
        text(rec, RECORD, "ダミー", 114, 7, "");
        return rec;
    }

    /** The fields (by their Zengin names) in which this record differs from another, with both values. */
    public java.util.List<String> differences(ZenginDataRecord other) {
        java.util.List<String> diffs = new java.util.ArrayList<>();
        compare(diffs, "被仕向銀行番号", bankCode, other.bankCode);
        compare(diffs, "被仕向銀行名", bankName, other.bankName);
        compare(diffs, "被仕向支店番号", branchCode, other.branchCode);
        compare(diffs, "被仕向支店名", branchName, other.branchName);
        compare(diffs, "預金種目", accountType, other.accountType);
        compare(diffs, "口座番号", accountNumber, other.accountNumber);
        compare(diffs, "受取人名", recipientName, other.recipientName);
        compare(diffs, "振込金額", String.valueOf(amountYen), String.valueOf(other.amountYen));
        compare(diffs, "顧客コード1", customerCode1, other.customerCode1);
        return diffs;
    }

    private static void compare(java.util.List<String> diffs, String field, String mine, String theirs) {
        if (!mine.equals(theirs)) {
            diffs.add(field + " '" + mine + "' vs '" + theirs + "'");
        }
    }

    public static ZenginDataRecord parse(byte[] rec) {
        expect(rec, RECORD, "データ区分", 1, "2");
        ZenginDataRecord data = new ZenginDataRecord(
                readDigits(rec, RECORD, "被仕向銀行番号", 2, 4),
                readText(rec, RECORD, "被仕向銀行名", 6, 15),
                readDigits(rec, RECORD, "被仕向支店番号", 21, 3),
                readText(rec, RECORD, "被仕向支店名", 24, 15),
                readDigits(rec, RECORD, "預金種目", 43, 1),
                readDigits(rec, RECORD, "口座番号", 44, 7),
                readText(rec, RECORD, "受取人名", 51, 30),
                readNumber(rec, RECORD, "振込金額", 81, 10),
                readDigits(rec, RECORD, "顧客コード1", 92, 10));
        expect(rec, RECORD, "手形交換所番号", 39, "0000");
        expect(rec, RECORD, "新規コード", 91, "0");
        expectZerosOrBlank(rec, RECORD, "顧客コード2", 102, 10);
        expect(rec, RECORD, "振込指定区分", 112, "7");
        expectBlank(rec, RECORD, "ダミー", 114, 7);
        return data;
    }
}
