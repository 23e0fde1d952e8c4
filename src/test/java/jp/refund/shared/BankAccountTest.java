package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankAccountTest {

    @Test
    void sogoKozaSymbolsBecomeBranchDigitsPlusEightTypeOneAndNumberWithoutItsLastDigit() {
        assertThat(BankAccount.fromJapanPostBank("10180", "12345671"))
                .contains(new BankAccount("9900", "018", "1", "1234567"));
        assertThat(BankAccount.fromJapanPostBank("14020", "9871"))
                .contains(new BankAccount("9900", "408", "1", "0000987"));
    }

    @Test
    void furikaeSymbolsBecomeBranchDigitsPlusNineTypeTwoAndTheWholeNumberPadded() {
        assertThat(BankAccount.fromJapanPostBank("00120", "123456"))
                .contains(new BankAccount("9900", "019", "2", "0123456"));
    }

    @Test
    void symbolsThatCannotBeAnAccountAreRefused() {
        assertThat(BankAccount.fromJapanPostBank("20180", "12345671")).isEmpty(); // starts with 2
        assertThat(BankAccount.fromJapanPostBank("10180", "1")).isEmpty();        // nothing left after the check digit
        assertThat(BankAccount.fromJapanPostBank("00120", "12345678")).isEmpty(); // 8 digits do not fit 7
    }

    @Test
    void accountNumbersComparePaddedToSevenDigits() {
        assertThat(BankAccount.of("0009", "001", "1", "123")).isEqualTo(BankAccount.of("0009", "001", "1", "0000123"));
        assertThat(BankAccount.of("0009", "001", "1", "123").maskedNumber()).isEqualTo("****123");
    }
}
