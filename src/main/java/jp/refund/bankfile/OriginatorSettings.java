package jp.refund.bankfile;

import jp.refund.kana.ZenginName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.originator.*}: the company as the bank knows it (header record of every
 * bank file), and {@code refund.originator.crlf}: CRLF after each record (default) or
 * none, as the bank asks. The sample values are placeholders; the bank assigns the real ones.
 */
@ConfigurationProperties("refund.originator")
public record OriginatorSettings(String code, String nameKana, String bankCode, String branchCode,
                                 String accountType, String accountNumber, @DefaultValue("true") boolean crlf) {

    public OriginatorSettings {
        require(code, "[0-9]{10}", "code", "10 digits");
        require(bankCode, "[0-9]{4}", "bank-code", "4 digits");
        require(branchCode, "[0-9]{3}", "branch-code", "3 digits");
        require(accountType, "[124]", "account-type", "1, 2 or 4");
        require(accountNumber, "[0-9]{7}", "account-number", "7 digits");
        if (nameKana == null || nameKana.length() > 40 || !nameKana.chars().allMatch(c -> ZenginName.isZenginCharacter((char) c))) {
            throw new IllegalArgumentException("refund.originator.name-kana must be at most 40 Zengin characters"
                    + " (half-width katakana, A-Z, 0-9, space, ( ) . - / \\ ,)");
        }
    }

    private static void require(String value, String pattern, String name, String rule) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException("refund.originator." + name + " must be " + rule + ": " + value);
        }
    }
}
