package jp.refund.shared;

import java.util.Optional;

/**
 * A bank account in Zengin form: bank 4 digits, branch 3, type 1 digit, number 7 digits
 * zero-padded. Japan Post Bank 記号番号 are converted to this form first, so two ways of
 * writing the same account compare equal.
 */
public record BankAccount(String bankCode, String branchCode, String accountType, String accountNumber) {

    public static final String JAPAN_POST_BANK = "9900";

    public static BankAccount of(String bankCode, String branchCode, String accountType, String accountNumber) {
        return new BankAccount(bankCode, branchCode, accountType, padded(accountNumber));
    }

    /**
     * Japan Post Bank 記号 (5 digits) and 番号 (up to 8 digits). Symbol starting with 1
     * (総合口座): branch = symbol digits 2-3 + "8", type 1, number = 番号 without its last
     * digit. Symbol starting with 0 (振替口座): branch = digits 2-3 + "9", type 2, number =
     * 番号. Empty when the pair cannot be an account.
     */
    public static Optional<BankAccount> fromJapanPostBank(String symbol, String number) {
        if (symbol == null || number == null || symbol.length() != 5 || number.isEmpty() || number.length() > 8) {
            return Optional.empty();
        }
        String middle = symbol.substring(1, 3);
        if (symbol.charAt(0) == '1') {
            String withoutCheckDigit = number.substring(0, number.length() - 1);
            if (withoutCheckDigit.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BankAccount(JAPAN_POST_BANK, middle + "8", "1", padded(withoutCheckDigit)));
        }
        if (symbol.charAt(0) == '0' && number.length() <= 7) {
            return Optional.of(new BankAccount(JAPAN_POST_BANK, middle + "9", "2", padded(number)));
        }
        return Optional.empty();
    }

    private static String padded(String number) {
        return "0".repeat(Math.max(0, 7 - number.length())) + number;
    }

    /** Account number masked to its last 3 digits, for people who must not see it whole. */
    public String maskedNumber() {
        return "****" + accountNumber.substring(4);
    }
}
