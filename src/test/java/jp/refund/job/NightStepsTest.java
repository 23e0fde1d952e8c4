package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.refund.claim.SerialNumber;
import jp.refund.shared.NightParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The night's claim and payout steps one at a time, as the job wires them, on a book put
 * together row by row: no feed files, no other step.
 */
@SpringBatchTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:night-steps;DB_CLOSE_DELAY=-1",
        "refund.schedule.bank-capacity-per-day=2"})
class NightStepsTest {

    private static final LocalDate NIGHT = LocalDate.of(2019, 11, 14);

    @Autowired
    private JobOperatorTestUtils steps;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyBook(@Autowired JobRepositoryTestUtils jobRuns) {
        jobRuns.removeJobExecutions();
        for (String table : List.of("claim_event", "claim", "application", "wallet", "member", "identity_check")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void decideApplicationsNumbersClaimsInSubmissionOrderAndFindsTheDuplicate() {
        member("M1", "ヤマダ", "タロウ");
        member("M2", "サトウ", "ハナコ");
        wallet("W1", "M1", 12_500, 0);
        wallet("W2", "M2", 30_000, 1_000);
        application("A2", "M2", "2019-10-01T11:00:00+09:00", "0005", "サトウ ハナコ");
        application("A1", "M1", "2019-10-01T10:00:00+09:00", "0001", "ヤマダ タロウ");
        application("A3", "M2", "2019-10-01T12:00:00+09:00", "0005", "サトウ ハナコ");
        application("A4", "M9", "2019-10-01T13:00:00+09:00", "0001", "ヤマダ タロウ");

        assertThat(step("decide-applications")).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT claim_no, application_id, status, reasons, amount_yen FROM claim"
                + " ORDER BY claim_no")).map(row -> (List<Object>) new ArrayList<>(row.values())).containsExactly(
                Arrays.<Object>asList(SerialNumber.CLAIM_NUMBER.of(100_000_001L), "A1", "APPROVED", "", 12_500L),
                Arrays.<Object>asList(SerialNumber.CLAIM_NUMBER.of(100_000_002L), "A2", "APPROVED", "", 29_000L),
                Arrays.<Object>asList(SerialNumber.CLAIM_NUMBER.of(100_000_003L), "A3", "DUPLICATE", "DUPLICATE_APPLICATION", 29_000L),
                Arrays.<Object>asList(SerialNumber.CLAIM_NUMBER.of(100_000_004L), "A4", "REJECTED", "UNKNOWN_MEMBER", 0L));
        assertThat(jdbc.queryForList("SELECT seq FROM claim_event WHERE run_date = ? ORDER BY seq", Integer.class,
                NIGHT)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void schedulePayoutsTakesTheOldestApprovalsUpToTheDaysCapacity() {
        member("M1", "ヤマダ", "タロウ");
        wallet("W1", "M1", 12_500, 0);
        for (int i = 1; i <= 3; i++) {
            application("A" + i, "M1", "2019-10-01T1" + i + ":00:00+09:00", "0001", "ヤマダ タロウ");
        }
        step("decide-applications"); // A1 approved, A2 and A3 duplicates
        jdbc.update("UPDATE claim SET status = 'APPROVED', reasons = '', amount_yen = 1000, approved_on = ?"
                + " WHERE application_id <> 'A1'", NIGHT.minusDays(30)); // two older approvals, by hand

        assertThat(step("schedule-payouts")).isEqualTo(BatchStatus.COMPLETED);
        // value date: 2 bank business days after Thursday 2019-11-14; capacity 2 takes the two older approvals
        assertThat(jdbc.queryForList("SELECT application_id, status, payout_date, reference FROM claim"
                + " ORDER BY claim_no")).map(row -> (List<Object>) new ArrayList<>(row.values())).containsExactly(
                Arrays.<Object>asList("A1", "APPROVED", null, null),
                Arrays.<Object>asList("A2", "SCHEDULED", java.sql.Date.valueOf("2019-11-18"), "SOGOFURI-20191118.txt"),
                Arrays.<Object>asList("A3", "SCHEDULED", java.sql.Date.valueOf("2019-11-18"), "SOGOFURI-20191118.txt"));
    }

    /** The step's outcome (not its JobExecution: @SpringBatchTest would take a method returning one for its own). */
    private BatchStatus step(String name) {
        try {
            JobParameters night = new NightParameters(NIGHT, Path.of("input", NIGHT.toString()),
                    Path.of("target", "night-steps")).toJobParameters();
            // each step of a test in a job instance of its own
            return steps.startStep(name, new JobParametersBuilder(night).addString("test.step", name).toJobParameters(),
                    new ExecutionContext()).getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void member(String id, String familyKana, String givenKana) {
        jdbc.update("INSERT INTO member (member_id, family_name, given_name, family_name_kana, given_name_kana,"
                + " birth_date, email, phone, postal_code, address, content_hash, ingested_on, source_line)"
                + " VALUES (?, '山田', '太郎', ?, ?, DATE '1980-04-01', 'a@example.jp', '090-1111-0001', '1000001',"
                + " '東京都千代田区千代田1-1', REPEAT('0', 64), DATE '2019-10-01', 2)", id, familyKana, givenKana);
    }

    private void wallet(String id, String memberId, long balance, long disputed) {
        jdbc.update("INSERT INTO wallet (wallet_id, member_id, balance_yen, disputed_yen, compromised, content_hash,"
                + " ingested_on, source_line) VALUES (?, ?, ?, ?, FALSE, REPEAT('0', 64), DATE '2019-10-01', 2)",
                id, memberId, balance, disputed);
    }

    private void application(String id, String memberId, String submittedAt, String bank, String holder) {
        jdbc.update("INSERT INTO application (application_id, channel, submitted_at, payout_method, bank_code,"
                + " branch_code, account_type, account_number, account_holder_kana, email, phone, member_id,"
                + " content_hash, ingested_on, source_line) VALUES (?, 'APP', ?, 'BANK', ?, '001', '1', '1234567', ?,"
                + " 'a@example.jp', '090-1111-0001', ?, REPEAT('0', 64), DATE '2019-10-01', 2)", id,
                OffsetDateTime.parse(submittedAt), bank, holder, memberId);
    }
}
