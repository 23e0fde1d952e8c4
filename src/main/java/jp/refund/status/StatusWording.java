package jp.refund.status;

import java.util.EnumMap;
import java.util.Map;
import jp.refund.claim.ClaimReason;
import jp.refund.claim.ClaimStatus;
import jp.refund.identity.ReviewFlag;

/**
 * Statuses, reasons, review flags and bank-return reasons in plain Japanese and English, with
 * what the customer can do next: what a support agent reads out on the phone. Keyed by the
 * enums ({@link ClaimStatus}, {@link ClaimReason}, {@link ReviewFlag}, {@link BankReturnReason}):
 * a test fails when a constant has no words.
 */
final class StatusWording {

    record Words(String ja, String en, String nextJa, String nextEn) {
    }

    /** Why the bank returned a transfer (SPEC's bank_returns feed; ingest keeps them as text). */
    enum BankReturnReason {
        ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, HOLDER_NAME_MISMATCH, OTHER
    }

    private StatusWording() {
    }

    static final Map<ClaimStatus, Words> STATUS = new EnumMap<>(ClaimStatus.class);
    static final Map<ClaimReason, Words> REASON = new EnumMap<>(ClaimReason.class);
    static final Map<ReviewFlag, Words> FLAG = new EnumMap<>(ReviewFlag.class);
    static final Map<BankReturnReason, Words> RETURN = new EnumMap<>(BankReturnReason.class);

    static {
        STATUS.put(ClaimStatus.PENDING_REVIEW, new Words("本人確認中", "Identity check in progress",
                    "本人確認書類の確認が終わるまでお待ちください。", "Please wait until the identity documents have been checked."));
        STATUS.put(ClaimStatus.APPROVED, new Words("承認済み（支払待ち）", "Approved, waiting for payout",
                    "表示の日付以降に支払手続きが行われます。", "The payout is prepared on or after the date shown."));
        STATUS.put(ClaimStatus.SCHEDULED, new Words("支払手続済み", "Payout sent",
                    "口座への入金日、または払出証書の発行日をご確認ください。",
                    "See the transfer date or the certificate's issue date."));
        STATUS.put(ClaimStatus.RETURNED, new Words("振込不能（返却）", "Transfer returned by the bank",
                    "正しい口座で改めてお申し込みください。", "Please apply again with a correct bank account."));
        STATUS.put(ClaimStatus.REJECTED, new Words("お支払いできません", "Cannot be paid",
                    "理由をご確認ください。", "See the reason below."));
        STATUS.put(ClaimStatus.DUPLICATE, new Words("重複申請", "Duplicate application",
                    "先のお申し込みを確認します。", "The earlier application is the one being processed."));
        STATUS.put(ClaimStatus.PAID, new Words("お支払い済み（払出証書換金済み）", "Paid: the certificate was cashed",
                    "ゆうちょ銀行・郵便局の窓口でお受け取り済みです。", "The money was received at a Japan Post Bank counter."));
        STATUS.put(ClaimStatus.EXPIRED, new Words("払出証書の有効期限切れ", "Certificate expired unpaid",
                    "返金額はお支払い可能です。払出証書の再発行をお申し出ください。",
                    "The refund is still owed: ask for a new certificate to be issued."));
        STATUS.put(ClaimStatus.AWAITING_CONFIRMATION, new Words("払戻し額・方法のご確認待ち",
                    "Waiting for the applicant to confirm amount and payout method",
                    "確認期限までにアプリまたはWebフォームでご確認ください。期限を過ぎるとお申し込みは無効になります。",
                    "Confirm in the app or web form by the date shown; after it the application lapses."));
        REASON.put(ClaimReason.OUTSIDE_APPLICATION_WINDOW, new Words("受付期間外の申請です", "Submitted outside the application period",
                    "受付期間（2019年10月1日〜2020年1月10日）外のためお受けできません。",
                    "Applications were accepted from 2019-10-01 to 2020-01-10 only."));
        REASON.put(ClaimReason.UNKNOWN_MEMBER, new Words("会員が見つかりません", "Member not found",
                    "ご登録の会員IDをご確認ください。", "Check the member ID used in the app."));
        REASON.put(ClaimReason.IDENTITY_NOT_FOUND, new Words("ご本人を確認できません", "Identity could not be matched",
                    "生年月日・メールアドレスまたは電話番号・お名前（カナ）を登録内容どおりに入力して再申請してください。",
                    "Apply again with birth date, e-mail or phone and kana name exactly as registered."));
        REASON.put(ClaimReason.IDENTITY_AMBIGUOUS, new Words("ご本人を特定できません", "More than one member matches",
                    "アプリからお申し込みいただくか、窓口にご相談ください。", "Apply through the app, or contact the help desk."));
        REASON.put(ClaimReason.NO_REFUNDABLE_BALANCE, new Words("返金対象の残高がありません", "No refundable balance",
                    "残高がないか、不正利用分のみのため返金対象外です。",
                    "There is no balance, or only money put in by an attacker (compensated separately)."));
        REASON.put(ClaimReason.DUPLICATE_APPLICATION, new Words("既にお申し込み済みです", "Already applied",
                    "先のお申し込みの状況をご確認ください。", "Look up the earlier application."));
        REASON.put(ClaimReason.INVALID_BANK_ACCOUNT, new Words("口座情報に誤りがあります", "Bank account not valid",
                    "金融機関・支店・口座種別・口座番号を確認して再申請してください。",
                    "Check bank, branch, account type and number, and apply again."));
        REASON.put(ClaimReason.INVALID_ACCOUNT_HOLDER_NAME, new Words("口座名義を振込に使えません", "Account holder name cannot be used",
                    "口座名義をカタカナで入力して再申請してください。", "Apply again with the holder name in katakana."));
        REASON.put(ClaimReason.WEB_APPLICATION, new Words("Web申請のため本人確認が必要です", "Web application: identity documents required",
                    "本人確認書類の提出・確認をお待ちください。", "Wait for the identity documents to be checked."));
        REASON.put(ClaimReason.COMPROMISED_ACCOUNT, new Words("不正利用被害のあったアカウントです", "Account affected by the incident",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.CONTACT_CHANGED_DURING_INCIDENT, new Words("被害期間中に連絡先が変更されています",
                    "Contact details changed during the incident", "本人確認書類の確認後にお支払いします。",
                    "Paid after identity documents are checked."));
        REASON.put(ClaimReason.PAYEE_NAME_MISMATCH, new Words("受取人名が登録名と異なります", "Payee name differs from the registered name",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.MAILING_ADDRESS_CHANGED, new Words("送付先が登録住所と異なります", "Mailing address differs from the registered one",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.SHARED_BANK_ACCOUNT, new Words("他の会員と同じ口座です", "Account also used by another member",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.LARGE_REFUND, new Words("返金額が大きいため本人確認が必要です",
                    "Large refund: identity documents required",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.CONTACT_NOT_REGISTERED, new Words("申請の連絡先がご登録の連絡先と異なります",
                    "Neither the e-mail nor the phone given is the registered one",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.SHARED_CONTACT, new Words("他の会員の申請と同じ連絡先です",
                    "E-mail or phone also given on another member's application",
                    "本人確認書類の確認後にお支払いします。", "Paid after identity documents are checked."));
        REASON.put(ClaimReason.IDENTITY_CHECK_PASSED, new Words("本人確認が完了しました", "Identity check passed", "", ""));
        REASON.put(ClaimReason.IDENTITY_CHECK_FAILED, new Words("本人確認ができませんでした", "Identity check failed",
                    "窓口にご相談ください。", "Please contact the help desk."));
        REASON.put(ClaimReason.REISSUE_LOST, new Words("払出証書の紛失による再発行", "Certificate reissued: lost",
                    "新しい払出証書をお送りします。旧証書は使えません。", "A new certificate is on its way; the old one is void."));
        REASON.put(ClaimReason.REISSUE_DAMAGED, new Words("払出証書の破損による再発行", "Certificate reissued: damaged",
                    "新しい払出証書をお送りします。旧証書は使えません。", "A new certificate is on its way; the old one is void."));
        REASON.put(ClaimReason.REISSUE_NOT_RECEIVED, new Words("払出証書の未着による再発行",
                    "Certificate reissued: not received",
                    "新しい払出証書をお送りします。旧証書は使えません。", "A new certificate is on its way; the old one is void."));
        REASON.put(ClaimReason.REISSUE_EXPIRED, new Words("有効期限切れによる再発行", "Certificate reissued: expired",
                    "新しい有効期限の払出証書をお送りします。", "A new certificate with a new valid-until date is on its way."));
        REASON.put(ClaimReason.CONFIRMED_BY_APPLICANT, new Words("払戻し額・方法をご確認いただきました",
                    "The applicant confirmed amount and payout method", "", ""));
        REASON.put(ClaimReason.APPLICANT_DISAGREES, new Words("払戻し額・方法に相違のお申し出がありました",
                    "The applicant said amount or payout method is wrong",
                    "担当者が内容を確認します。本人確認書類の確認後にお支払いします。",
                    "Staff review the claim; it is paid after identity documents are checked."));
        REASON.put(ClaimReason.NOT_CONFIRMED, new Words("確認期限までにご確認がありませんでした",
                    "Not confirmed by the deadline",
                    "受付期間内であれば、改めてお申し込みいただけます。",
                    "Apply again while the application period is open."));
        RETURN.put(BankReturnReason.ACCOUNT_NOT_FOUND, new Words("口座が見つかりませんでした", "The bank found no such account",
                    "正しい口座で改めてお申し込みください。", "Apply again with a correct account."));
        RETURN.put(BankReturnReason.ACCOUNT_CLOSED, new Words("口座が解約されていました", "The account was closed",
                    "別の口座で改めてお申し込みください。", "Apply again with another account."));
        RETURN.put(BankReturnReason.HOLDER_NAME_MISMATCH, new Words("口座名義が一致しませんでした", "The holder name did not match",
                    "口座名義を確認して改めてお申し込みください。", "Check the holder name and apply again."));
        RETURN.put(BankReturnReason.OTHER, new Words("銀行で振込ができませんでした", "The bank could not complete the transfer",
                    "改めてお申し込みください。", "Please apply again."));
        for (ReviewFlag flag : ReviewFlag.values()) { // a review flag is the reason of the same name
            FLAG.put(flag, REASON.get(ClaimReason.valueOf(flag.name())));
        }
    }

    static Words status(String code) {
        for (ClaimStatus s : ClaimStatus.values()) {
            if (s.name().equals(code)) {
                return STATUS.get(s);
            }
        }
        return new Words(code, code, "", "");
    }

    /** A reason code as the claim records it: a claim reason, a review flag or a bank-return reason. */
    static Words reason(String code) {
        for (ClaimReason r : ClaimReason.values()) {
            if (r.name().equals(code)) {
                return REASON.get(r);
            }
        }
        for (ReviewFlag f : ReviewFlag.values()) {
            if (f.name().equals(code)) {
                return FLAG.get(f);
            }
        }
        for (BankReturnReason r : BankReturnReason.values()) {
            if (r.name().equals(code)) {
                return RETURN.get(r);
            }
        }
        return new Words(code, code, "", "");
    }
}
