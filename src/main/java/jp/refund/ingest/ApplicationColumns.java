package jp.refund.ingest;

import static jp.refund.ingest.ColumnRule.IDENTIFIER;
import static jp.refund.ingest.ColumnRule.TEXT;
import static jp.refund.ingest.ColumnRule.TIMESTAMP;
import static jp.refund.ingest.ColumnRule.digits;
import static jp.refund.ingest.ColumnRule.oneOf;
import static jp.refund.ingest.FeedColumn.column;

import java.time.OffsetDateTime;
import java.util.List;
import jp.refund.claim.Channel;
import jp.refund.claim.PayoutMethod;

/**
 * applications_app.csv and applications_web.csv, both kept in {@code application} with
 * their channel, so an application_id used by the other channel is a conflicting
 * duplicate. Account fields are read only for BANK and mailing fields only for POSTAL:
 * the other method's fields are ignored, as the form sends them blank or stale. Mailing
 * address, contact, member id, names and birth date follow the members' rules, so they
 * are the members' columns.
 */
final class ApplicationColumns {

    static final FeedColumn<String> APPLICATION_ID = column("application_id", IDENTIFIER);
    static final FeedColumn<OffsetDateTime> SUBMITTED_AT = column("submitted_at", TIMESTAMP);
    static final FeedColumn<PayoutMethod> PAYOUT_METHOD = column("payout_method", oneOf(PayoutMethod.class));
    static final FeedColumn<String> BANK_CODE = column("bank_code", digits(4));
    static final FeedColumn<String> BRANCH_CODE = column("branch_code", digits(3));
    /** One digit; whether it is 1, 2 or 4 is a decision. */
    static final FeedColumn<String> ACCOUNT_TYPE = column("account_type", digits(1));
    static final FeedColumn<String> ACCOUNT_NUMBER = column("account_number", digits(1, 7));
    /** Japan Post Bank 記号, instead of the four Zengin account fields. */
    static final FeedColumn<String> YUCHO_SYMBOL = column("yucho_symbol", digits(5));
    static final FeedColumn<String> YUCHO_NUMBER = column("yucho_number", digits(1, 8));
    /** Whether it can be written in Zengin characters is a decision. */
    static final FeedColumn<String> ACCOUNT_HOLDER_KANA = column("account_holder_kana", TEXT);
    static final FeedColumn<String> RECIPIENT_NAME = column("recipient_name", TEXT);
    /** WEB only: the kana the applicant typed, not checked here (a mismatch is a decision). */
    static final FeedColumn<String> FAMILY_NAME_KANA = column("family_name_kana", TEXT);
    static final FeedColumn<String> GIVEN_NAME_KANA = column("given_name_kana", TEXT);

    private static final List<FeedColumn<String>> ZENGIN_ACCOUNT = List.of(BANK_CODE, BRANCH_CODE, ACCOUNT_TYPE,
            ACCOUNT_NUMBER);
    private static final List<FeedColumn<String>> YUCHO_ACCOUNT = List.of(YUCHO_SYMBOL, YUCHO_NUMBER);

    /** APP adds the member of the logged-in session. */
    static final FeedLayout APP = common(Channel.APP)
            .columns(MemberColumns.MEMBER_ID)
            .build();

    /** WEB adds what the applicant typed: nothing of it is proven. */
    static final FeedLayout WEB = common(Channel.WEB)
            .columns(MemberColumns.FAMILY_NAME, MemberColumns.GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA,
                    MemberColumns.BIRTH_DATE)
            .build();

    private ApplicationColumns() {
    }

    private static FeedLayout.Builder common(Channel channel) {
        return FeedLayout.into("application")
                .key(APPLICATION_ID)
                .columns(SUBMITTED_AT, PAYOUT_METHOD)
                .check(ApplicationColumns::oneCompleteAccount)
                .columnsWhen(ApplicationColumns::zenginAccount, BANK_CODE, BRANCH_CODE, ACCOUNT_TYPE, ACCOUNT_NUMBER)
                .columnsWhen(ApplicationColumns::yuchoAccount, YUCHO_SYMBOL, YUCHO_NUMBER)
                .columnsWhen(ApplicationColumns::bank, ACCOUNT_HOLDER_KANA)
                .columnsWhen(ApplicationColumns::postal, RECIPIENT_NAME, MemberColumns.POSTAL_CODE,
                        MemberColumns.ADDRESS)
                .columns(MemberColumns.EMAIL, MemberColumns.PHONE)
                .constant("channel", channel);
    }

    /** A BANK application carries exactly one of the two account forms, complete. */
    private static void oneCompleteAccount(FeedRow row, RowFields fields) throws RowRejection {
        if (!bank(row, fields)) {
            return;
        }
        boolean zengin = anyPresent(fields, ZENGIN_ACCOUNT);
        boolean yucho = anyPresent(fields, YUCHO_ACCOUNT);
        if (zengin && yucho) {
            throw new RowRejection(RejectReason.INVALID_FORMAT, YUCHO_SYMBOL.name(),
                    "both a bank account and a Japan Post Bank symbol/number are given; exactly one is allowed");
        }
        if (!zengin && !yucho) {
            throw new RowRejection(RejectReason.INVALID_FORMAT, BANK_CODE.name(),
                    "BANK payout without an account: give bank_code, branch_code, account_type, account_number"
                            + " or yucho_symbol, yucho_number");
        }
        List<FeedColumn<String>> account = zengin ? ZENGIN_ACCOUNT : YUCHO_ACCOUNT;
        for (FeedColumn<String> column : account) {
            if (fields.optional(column.name()) == null) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, column.name(),
                        "partial account: " + column.name() + " is missing ("
                                + String.join(", ", account.stream().map(FeedColumn::name).toList())
                                + " go together)");
            }
        }
    }

    private static boolean bank(FeedRow row, RowFields fields) {
        return row.get(PAYOUT_METHOD) == PayoutMethod.BANK;
    }

    private static boolean postal(FeedRow row, RowFields fields) {
        return row.get(PAYOUT_METHOD) == PayoutMethod.POSTAL;
    }

    private static boolean zenginAccount(FeedRow row, RowFields fields) {
        return bank(row, fields) && anyPresent(fields, ZENGIN_ACCOUNT);
    }

    private static boolean yuchoAccount(FeedRow row, RowFields fields) {
        return bank(row, fields) && !anyPresent(fields, ZENGIN_ACCOUNT);
    }

    private static boolean anyPresent(RowFields fields, List<FeedColumn<String>> columns) {
        return columns.stream().anyMatch(c -> fields.present(c.name()));
    }
}
