package jp.refund.closeout;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.refund.certificate.StatementPdf;
import jp.refund.report.CloseOutWorkbook;
import jp.refund.report.ReconciliationLine;

/**
 * The figures of the close-out, once, for the CSV, the workbook and the PDF alike: the
 * reconciliation's buckets over the whole program, what was paid, what is still owed, and the
 * outcomes per channel and payout method.
 */
record ProgramStatement(LocalDate date, List<LocalDate> nights, List<ReconciliationLine> lines,
                        List<UnclaimedMember> unclaimed, Map<String, long[]> outcomes) {

    /** Bucket, Japanese and English label, as the statement prints them. */
    private static final String[][] OUTCOMES = {
            {"EMITTED_BANK", "銀行振込済", "Paid by bank transfer"},
            {"REDEEMED_CERTIFICATE", "払出証書 換金済", "Certificates cashed"},
            {"ISSUED_CERTIFICATE", "払出証書 有効期間中", "Certificates still valid"},
            {"EXPIRED_CERTIFICATE", "払出証書 期限切れ（未払）", "Certificates expired, unpaid"},
            {"AWAITING_CONFIRMATION", "申請者の確認待ち（未払）", "Awaiting the applicant's confirmation"},
            {"APPROVED_UNSCHEDULED", "承認済・未払", "Approved, not paid"},
            {"PENDING_REVIEW", "本人確認中（未払）", "Identity check pending"},
            {"UNCLAIMED", "未申請・却下・振込不能", "Never applied, refused or returned"}};

    long yen(String bucket) {
        return line(bucket)[1];
    }

    private long[] line(String bucket) {
        for (ReconciliationLine l : lines) {
            if (l.bucket().equals(bucket)) {
                return new long[]{l.wallets(), l.amountYen()};
            }
        }
        return new long[]{0, 0};
    }

    /** The reconciliation over the whole program, then what was paid and what is still owed. */
    List<ReconciliationLine> finalAccounting() {
        List<ReconciliationLine> out = new ArrayList<>(lines);
        long[] bank = line("EMITTED_BANK");
        long[] cashed = line("REDEEMED_CERTIFICATE");
        out.add(new ReconciliationLine("PAID_BY_BANK", bank[0], bank[1]));
        out.add(new ReconciliationLine("REDEEMED_BY_CERTIFICATE", cashed[0], cashed[1]));
        out.add(new ReconciliationLine("PAID_TOTAL", bank[0] + cashed[0], bank[1] + cashed[1]));
        out.add(new ReconciliationLine("STILL_OWED", unclaimed.size(),
                unclaimed.stream().mapToLong(UnclaimedMember::refundableYen).sum()));
        return out;
    }

    private long refundableWallets() {
        long wallets = 0;
        for (String[] o : OUTCOMES) {
            wallets += line(o[0])[0];
        }
        return wallets;
    }

    private long refundableYen() {
        return yen("CLOSING_TOTAL") - yen("DISPUTED");
    }

    private static final List<String> PAID = List.of("SCHEDULED", "PAID");

    /** Per channel and method: {paid members, paid yen, owed members, owed yen}. */
    private List<long[]> byChannel(List<String> keys) {
        List<long[]> rows = new ArrayList<>();
        for (String key : keys) {
            long[] row = new long[4];
            outcomes.forEach((k, v) -> {
                if (k.startsWith(key + "/")) {
                    boolean paid = PAID.contains(k.substring(key.length() + 1))
                            && !(k.endsWith("POSTAL/SCHEDULED"));
                    row[paid ? 0 : 2] += v[0];
                    row[paid ? 1 : 3] += v[1];
                }
            });
            rows.add(row);
        }
        return rows;
    }

    private static final List<String> CHANNELS = List.of("APP/BANK", "APP/POSTAL", "WEB/BANK", "WEB/POSTAL");
    private static final List<String> CHANNEL_LABELS = List.of("アプリ・銀行振込 APP, bank", "アプリ・払出証書 APP, certificate",
            "Web・銀行振込 WEB, bank", "Web・払出証書 WEB, certificate");

    List<CloseOutWorkbook.Sheet> sheets() {
        List<List<Object>> summary = new ArrayList<>();
        summary.add(java.util.Arrays.asList("close-out date", date, null, null));
        summary.add(java.util.Arrays.asList("nights", nights.get(0) + " – " + nights.get(nights.size() - 1),
                nights.size(), null));
        summary.add(List.of("CLOSING_TOTAL", "閉鎖時残高 Closing balances", line("CLOSING_TOTAL")[0], yen("CLOSING_TOTAL")));
        summary.add(List.of("DISPUTED", "不正入金分 Disputed (not refunded)", line("DISPUTED")[0], yen("DISPUTED")));
        summary.add(List.of("REFUNDABLE", "返金対象 Refundable", refundableWallets(), refundableYen()));
        for (String[] o : OUTCOMES) {
            summary.add(List.of(o[0], o[1] + " " + o[2], line(o[0])[0], line(o[0])[1]));
        }
        summary.add(List.of("DIFFERENCE", "差額 Difference", line("DIFFERENCE")[0], line("DIFFERENCE")[1]));
        List<List<Object>> channels = new ArrayList<>();
        List<long[]> rows = byChannel(CHANNELS);
        for (int i = 0; i < CHANNELS.size(); i++) {
            long[] r = rows.get(i);
            channels.add(List.of(CHANNELS.get(i), CHANNEL_LABELS.get(i), r[0], r[1], r[2], r[3]));
        }
        long[] none = line("UNCLAIMED");
        channels.add(List.of("NONE", "有効な申請なし No live claim", 0L, 0L, none[0], none[1]));
        List<List<Object>> members = new ArrayList<>();
        for (UnclaimedMember m : unclaimed) {
            members.add(java.util.Arrays.asList(m.memberId(), m.familyName(), m.givenName(), m.postalCode(),
                    m.address(), m.refundableYen(), m.state()));
        }
        List<List<Object>> accounting = new ArrayList<>();
        finalAccounting().forEach(l -> accounting.add(List.of(l.bucket(), l.wallets(), l.amountYen())));
        return List.of(
                new CloseOutWorkbook.Sheet("Statement", List.of("item", "label", "members", "amount_yen"),
                        List.of(false, false, false, true), summary),
                new CloseOutWorkbook.Sheet("By channel and method", List.of("channel/method", "label",
                        "paid_members", "paid_yen", "owed_members", "owed_yen"),
                        List.of(false, false, false, true, false, true), channels),
                new CloseOutWorkbook.Sheet("Final accounting", List.of("bucket", "wallets", "amount_yen"),
                        List.of(false, false, true), accounting),
                new CloseOutWorkbook.Sheet("Unclaimed members", List.of("member_id", "family_name", "given_name",
                        "postal_code", "address", "refundable_yen", "state"),
                        List.of(false, false, false, false, false, true, false), members));
    }

    private static String n(long value) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(value);
    }

    StatementPdf.Statement pdf() {
        List<List<String>> balanceRows = new ArrayList<>();
        balanceRows.add(List.of("閉鎖時残高の合計（2019-09-30 24:00）  Closing balances", n(line("CLOSING_TOTAL")[0]),
                n(yen("CLOSING_TOTAL"))));
        balanceRows.add(List.of("控除：不正入金分（別途補償、返金対象外）  Less: disputed, compensated separately",
                n(line("DISPUTED")[0]), n(yen("DISPUTED"))));
        balanceRows.add(List.of("返金対象額  Refundable", n(refundableWallets()), n(refundableYen())));
        List<List<String>> outcomeRows = new ArrayList<>();
        for (String[] o : OUTCOMES) {
            outcomeRows.add(List.of(o[1] + "  " + o[2], n(line(o[0])[0]), n(line(o[0])[1])));
        }
        outcomeRows.add(List.of("返金対象額 合計  Refundable, total", n(refundableWallets()), n(refundableYen())));
        outcomeRows.add(List.of("差額  Difference", n(line("DIFFERENCE")[0]), n(line("DIFFERENCE")[1])));

        List<List<String>> channelRows = new ArrayList<>();
        List<long[]> rows = byChannel(CHANNELS);
        long[] total = new long[4];
        for (int i = 0; i < CHANNELS.size(); i++) {
            long[] r = rows.get(i);
            channelRows.add(List.of(CHANNEL_LABELS.get(i), n(r[0]), n(r[1]), n(r[2]), n(r[3])));
            for (int k = 0; k < 4; k++) {
                total[k] += r[k];
            }
        }
        long[] none = line("UNCLAIMED");
        channelRows.add(List.of("有効な申請なし No live claim", "0", "0", n(none[0]), n(none[1])));
        channelRows.add(List.of("合計 Total", n(total[0]), n(total[1]), n(total[2] + none[0]), n(total[3] + none[1])));

        long owedYen = unclaimed.stream().mapToLong(UnclaimedMember::refundableYen).sum();
        return new StatementPdf.Statement(
                "返金プログラム 最終精算報告書",
                "Refund program — final accounting statement (close-out " + date + ")",
                List.of("対象：QRコード決済サービス 残高返金プログラム（サービス終了 2019-09-30 24:00 JST）",
                        "Program: refund of the closed wallet's balances.  単位：円 Amounts in yen.  件数＝会員（ウォレット）数"
                                + " Counts are members (wallets).",
                        "締め日 Close-out date: " + date + "   処理夜間 Nights: " + nights.size() + " (" + nights.get(0)
                                + " – " + nights.get(nights.size() - 1) + ")"),
                List.of(new StatementPdf.Table("1. 残高と返金対象額  Balances and the refundable amount",
                                List.of("区分 Item", "会員数 Members", "金額 Yen"), List.of(331f, 84f, 84f),
                                List.of(false, true, true), balanceRows, 1),
                        new StatementPdf.Table("2. 結果別の内訳  Outcome of every refundable balance",
                                List.of("区分 Outcome", "会員数 Members", "金額 Yen"), List.of(331f, 84f, 84f),
                                List.of(false, true, true), outcomeRows, 2),
                        new StatementPdf.Table("3. 申請経路・支払方法別  By channel and payout method",
                                List.of("経路・方法 Channel, method", "支払済 Paid", "支払済 金額 Yen", "未払 Owed",
                                        "未払 金額 Yen"), List.of(179f, 70f, 90f, 70f, 90f),
                                List.of(false, true, true, true, true), channelRows, 1)),
                List.of("未払の会員 " + n(unclaimed.size()) + " 名・" + n(owedYen) + " 円は unclaimed-members.csv に列挙（供託または公告用）。"
                                + "  Members still owed: listed in unclaimed-members.csv.",
                        "各夜間の出力と本書の各ファイルのハッシュは PROGRAM-MANIFEST.sha256 に記録（verify --program で検証）。"
                                + "  Every file is in the program manifest.",
                        "差額ゼロ：閉鎖時残高 − 不正入金分 − 各区分の合計 = 0 円、返金対象の会員数 − 各区分の会員数 = 0。",
                        "会員数：一部に不正入金のある会員は不正入金分と返金対象の両方に数え、全額が不正入金の会員は返金対象に数えない。"
                                + "  A partly disputed wallet counts in both; a wholly disputed one is not refundable."),
                List.of("作成 Prepared by（経理担当）", "承認 経理部長 Finance director", "監査 Auditor"),
                date, Long.parseLong(date.toString().replace("-", "")));
    }
}
