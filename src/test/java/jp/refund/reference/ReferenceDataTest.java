package jp.refund.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class ReferenceDataTest {

    private static final BankMaster MASTER = BankMaster.load(new ClassPathResource("reference/bank-master.csv"));
    private static final BankCalendar CALENDAR = BankCalendar.load(
            new ClassPathResource("reference/jp-bank-holidays.csv"));

    @Test
    void theShippedBankMasterHasEveryBranchWithKanaNames() {
        assertThat(MASTER.branchCount()).isEqualTo(28944);
        assertThat(MASTER.branch("0001", "001")).get()
                .extracting(BankMaster.Branch::bankKana, BankMaster.Branch::branchKana)
                .containsExactly("ミズホ", "トウキヨウ");
        assertThat(MASTER.branch("9900", "018")).get().extracting(BankMaster.Branch::branchKana)
                .isEqualTo("ゼロイチハチ");
        assertThat(MASTER.branch("0001", "999")).isEmpty();
    }

    @Test
    void aBrokenMasterIsRefusedWithItsLine() {
        var broken = new ByteArrayResource(("bank_code,bank_name,bank_kana,branch_code,branch_name,branch_kana\n"
                + "0001,みずほ,ミズホ,01,東京営業部,トウキヨウ\n").getBytes());
        assertThatThrownBy(() -> BankMaster.load(broken)).hasMessageContaining("line 2");
    }

    @Test
    void businessDaysSkipWeekendsAndBankHolidays() {
        assertThat(CALENDAR.isBusinessDay(LocalDate.of(2019, 12, 30))).isTrue();
        assertThat(CALENDAR.isBusinessDay(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(CALENDAR.isBusinessDay(LocalDate.of(2020, 1, 13))).isFalse();
        // Monday 2019-12-30 + 2 business days: 12-31, 01-01..03 closed, 01-04/05 weekend -> 01-06, 01-07
        assertThat(CALENDAR.businessDaysAfter(LocalDate.of(2019, 12, 30), 2)).isEqualTo(LocalDate.of(2020, 1, 7));
        // Friday 2020-01-10: weekend, then Monday 01-13 Coming-of-Age Day -> 01-14, 01-15
        assertThat(CALENDAR.businessDaysAfter(LocalDate.of(2020, 1, 10), 2)).isEqualTo(LocalDate.of(2020, 1, 15));
        // a run on a Sunday still counts from that day
        assertThat(CALENDAR.businessDaysAfter(LocalDate.of(2019, 11, 17), 1)).isEqualTo(LocalDate.of(2019, 11, 18));
    }

    @Test
    void datesOutsideTheCalendarAreRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> CALENDAR.isBusinessDay(LocalDate.of(2022, 1, 4)))
                .hasMessageContaining("covers 2019-2021 only");
    }
}
