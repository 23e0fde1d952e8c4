package jp.refund.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * applications_app.csv and applications_web.csv: one refund application. Account and
 * mailing fields are kept only for the chosen payout method; the other method's fields
 * are ignored, as the form sends them blank or stale.
 */
public record ApplicationRow(String applicationId, String channel, OffsetDateTime submittedAt, String payoutMethod,
                             String bankCode, String branchCode, String accountType, String accountNumber,
                             String yuchoSymbol, String yuchoNumber, String accountHolderKana,
                             String recipientName, String postalCode, String address,
                             String email, String phone,
                             String memberId,
                             String familyName, String givenName, String familyNameKana, String givenNameKana,
                             LocalDate birthDate) implements FeedRow {

    public static final String APP = "APP";
    public static final String WEB = "WEB";
    private static final List<String> ZENGIN_ACCOUNT = List.of("bank_code", "branch_code", "account_type",
            "account_number");
    private static final List<String> YUCHO_ACCOUNT = List.of("yucho_symbol", "yucho_number");

    static ApplicationRow parse(RowFields f, String channel) throws RowRejection {
        String applicationId = f.identifier("application_id");
        OffsetDateTime submittedAt = f.timestamp("submitted_at");
        String method = f.oneOf("payout_method", List.of("BANK", "POSTAL"));
        String bankCode = null, branchCode = null, accountType = null, accountNumber = null;
        String yuchoSymbol = null, yuchoNumber = null, holder = null;
        String recipient = null, postalCode = null, address = null;
        if (method.equals("BANK")) {
            boolean zengin = anyPresent(f, ZENGIN_ACCOUNT);
            boolean yucho = anyPresent(f, YUCHO_ACCOUNT);
            if (zengin && yucho) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, "yucho_symbol",
                        "both a bank account and a Japan Post Bank symbol/number are given; exactly one is allowed");
            }
            if (!zengin && !yucho) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, "bank_code",
                        "BANK payout without an account: give bank_code, branch_code, account_type, account_number"
                                + " or yucho_symbol, yucho_number");
            }
            if (zengin) {
                requireComplete(f, ZENGIN_ACCOUNT);
                bankCode = f.digits("bank_code", 4);
                branchCode = f.digits("branch_code", 3);
                accountType = f.digits("account_type", 1);
                accountNumber = f.digits("account_number", 1, 7);
            } else {
                requireComplete(f, YUCHO_ACCOUNT);
                yuchoSymbol = f.digits("yucho_symbol", 5);
                yuchoNumber = f.digits("yucho_number", 1, 8);
            }
            holder = f.required("account_holder_kana");
        } else {
            recipient = f.required("recipient_name");
            postalCode = f.postalCode("postal_code");
            address = f.required("address");
        }
        String email = f.required("email");
        String phone = f.phone("phone");
        if (channel.equals(APP)) {
            return new ApplicationRow(applicationId, channel, submittedAt, method, bankCode, branchCode, accountType,
                    accountNumber, yuchoSymbol, yuchoNumber, holder, recipient, postalCode, address, email, phone,
                    f.identifier("member_id"), null, null, null, null, null);
        }
        return new ApplicationRow(applicationId, channel, submittedAt, method, bankCode, branchCode, accountType,
                accountNumber, yuchoSymbol, yuchoNumber, holder, recipient, postalCode, address, email, phone,
                null, f.required("family_name"), f.required("given_name"), f.required("family_name_kana"),
                f.required("given_name_kana"), f.date("birth_date"));
    }

    private static boolean anyPresent(RowFields f, List<String> columns) {
        return columns.stream().anyMatch(c -> f.optional(c) != null);
    }

    private static void requireComplete(RowFields f, List<String> columns) throws RowRejection {
        for (String column : columns) {
            if (f.optional(column) == null) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, column,
                        "partial account: " + column + " is missing (" + String.join(", ", columns)
                                + " go together)");
            }
        }
    }

    @Override
    public String key() {
        return applicationId;
    }
}
