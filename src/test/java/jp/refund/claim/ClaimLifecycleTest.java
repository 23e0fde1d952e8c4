package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.refund.MigratedDatabase;
import jp.refund.shared.BankAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every transition from every status, on the real schema: the legal ones move the claim
 * and write its event, the illegal ones throw naming claim, from and to, and change nothing.
 */
class ClaimLifecycleTest {

    private static final LocalDate NIGHT = LocalDate.of(2019, 11, 14);
    private static final LocalDate VALUE_DATE = LocalDate.of(2019, 11, 18);
    private static final String CLAIM_NO = SerialNumber.CLAIM_NUMBER.of(SerialNumber.FIRST_SERIAL);

    private static JdbcTemplate jdbc;
    private static ClaimLifecycle lifecycle;
    private static ClaimBook book;

    @BeforeAll
    static void schema() {
        use(MigratedDatabase.create());
    }

    /** The book every test of the class runs on ({@link PostgresClaimLifecycleIT}: PostgreSQL's). */
    static void use(JdbcTemplate database) {
        jdbc = database;
        lifecycle = new ClaimLifecycle(jdbc);
        book = new ClaimBook(jdbc);
    }

    @BeforeEach
    void emptyBook() {
        lifecycle = new ClaimLifecycle(jdbc); // it reads once per night which claims are of earlier nights
        jdbc.update("DELETE FROM certificate");
        jdbc.update("DELETE FROM claim_before_night");
        jdbc.update("DELETE FROM claim_event");
        jdbc.update("DELETE FROM claim");
    }

    static Stream<Arguments> everyTransitionFromEveryStatus() {
        List<Arguments> cases = new ArrayList<>();
        for (ClaimTransition transition : ClaimTransition.values()) {
            if (transition == ClaimTransition.DECIDE) {
                continue; // a decision makes the claim: see decideMakesAClaimInADecisionStatusOnly
            }
            for (ClaimStatus from : ClaimStatus.values()) {
                cases.add(Arguments.of(transition, from));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyTransitionFromEveryStatus")
    void aTransitionMovesOnlyFromTheStatusesItAllows(ClaimTransition transition, ClaimStatus from) {
        PayoutMethod method = POSTAL_TRANSITIONS.contains(transition) ? PayoutMethod.POSTAL : PayoutMethod.BANK;
        claimIn(from, method);
        ClaimStatus to = transition.to().iterator().next();
        if (transition.from().contains(from)) {
            perform(transition);
            assertThat(statusOf(CLAIM_NO)).isEqualTo(to);
            assertThat(events()).singleElement().satisfies(e -> {
                assertThat(e.seq()).isEqualTo(1);
                assertThat(e.claimNo()).isEqualTo(CLAIM_NO);
                assertThat(e.status()).isEqualTo(to);
                assertThat(e.amountYen()).isEqualTo(8_000);
            });
        } else {
            assertThatThrownBy(() -> perform(transition))
                    .isInstanceOf(IllegalClaimTransitionException.class)
                    .hasMessage("claim " + CLAIM_NO + " cannot go from " + from + " to " + to + " (" + transition
                            + ")");
            assertThat(statusOf(CLAIM_NO)).isEqualTo(from);
            assertThat(events()).isEmpty();
        }
    }

    static Stream<Arguments> everyLegalTransition() {
        return everyTransitionFromEveryStatus()
                .filter(a -> ((ClaimTransition) a.get()[0]).from().contains((ClaimStatus) a.get()[1]));
    }

    /**
     * Issue 38: a night that starts over from its ingest takes back what it did to a claim of an
     * earlier night, whatever the transition (every column as before, the certificate's redemption
     * or void undone), its own claims, events and certificates, and gives their numbers back.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyLegalTransition")
    void aNightForgottenPutsBackTheClaimsOfEarlierNightsItMovedAndGivesItsNumbersBack(ClaimTransition transition,
                                                                                       ClaimStatus from) {
        PayoutMethod method = POSTAL_TRANSITIONS.contains(transition) ? PayoutMethod.POSTAL : PayoutMethod.BANK;
        claimIn(from, method);
        jdbc.update("UPDATE claim SET approved_on = ?, reasons = 'EARLIER' WHERE claim_no = ?", NIGHT.minusDays(1),
                CLAIM_NO);
        if (method == PayoutMethod.POSTAL) {
            jdbc.update("UPDATE claim SET recipient_name = 'old name', postal_code = '9000001', address = 'old address'"
                    + " WHERE claim_no = ?", CLAIM_NO);
            jdbc.update("INSERT INTO certificate (certificate_no, claim_no, amount_yen, issue_date, valid_until,"
                    + " issued_on) VALUES (?, ?, 8000, ?, ?, ?)", CERTIFICATE_NO, CLAIM_NO, NIGHT.minusMonths(6),
                    NIGHT.minusDays(1), NIGHT.minusMonths(6));
        }
        var claimsBefore = jdbc.queryForList("SELECT * FROM claim ORDER BY claim_no");
        var certificatesBefore = jdbc.queryForList("SELECT * FROM certificate ORDER BY certificate_no");
        Application next = application("A2", PayoutMethod.BANK);
        ClaimDecision approved = new ClaimDecision(ClaimStatus.APPROVED, List.of(), "M2", "W2", 5_000,
                BankAccount.of("0001", "001", "1", "7654321"), "ﾔﾏﾀﾞ ﾊﾅｺ");

        String decided = lifecycle.decide(NIGHT, List.of(next), List.of(approved)).get(0);
        perform(transition);
        lifecycle.forgetNight(NIGHT);

        assertThat(jdbc.queryForList("SELECT * FROM claim ORDER BY claim_no")).isEqualTo(claimsBefore);
        assertThat(jdbc.queryForList("SELECT * FROM certificate ORDER BY certificate_no")).isEqualTo(certificatesBefore);
        assertThat(events()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_before_night", Integer.class)).isZero();
        assertThat(lifecycle.decide(NIGHT, List.of(next), List.of(approved))).containsExactly(decided);
    }

    @Test
    void everyStatusIsReachedByATransitionAndEveryNonFinalStatusIsLeftByOne() {
        for (ClaimStatus status : ClaimStatus.values()) {
            assertThat(Stream.of(ClaimTransition.values()).anyMatch(t -> t.to().contains(status)))
                    .as("a transition reaches " + status).isTrue();
        }
        assertThat(Stream.of(ClaimTransition.values()).flatMap(t -> t.from().stream()).distinct())
                .containsExactlyInAnyOrder(ClaimStatus.PENDING_REVIEW, ClaimStatus.APPROVED, ClaimStatus.SCHEDULED,
                        ClaimStatus.EXPIRED, ClaimStatus.AWAITING_CONFIRMATION);
    }

    @Test
    void decideMakesAClaimInADecisionStatusOnly() {
        for (ClaimStatus status : ClaimStatus.values()) {
            Application application = application("A-" + status.ordinal(), PayoutMethod.BANK);
            ClaimDecision decision = new ClaimDecision(status, List.of(), "M1", "W1", 8_000,
                    BankAccount.of("0001", "001", "1", "1234567"), "ﾔﾏﾀﾞ ﾀﾛｳ");
            if (ClaimTransition.DECIDE.to().contains(status)) {
                String claimNo = lifecycle.decide(NIGHT, List.of(application), List.of(decision),
                        NIGHT.plusDays(30)).get(0);
                assertThat(statusOf(claimNo)).isEqualTo(status);
            } else {
                assertThatThrownBy(() -> lifecycle.decide(NIGHT, List.of(application), List.of(decision)))
                        .isInstanceOf(IllegalClaimTransitionException.class)
                        .hasMessageContaining("cannot go from (no claim) to " + status);
            }
        }
        // claims and events numbered in the order decided, with nothing skipped for the refused ones
        assertThat(events()).extracting(ClaimEvent::seq).containsExactly(1, 2, 3, 4, 5);
        assertThat(events()).extracting(ClaimEvent::claimNo).containsExactly(SerialNumber.CLAIM_NUMBER.of(100_000_001L),
                SerialNumber.CLAIM_NUMBER.of(100_000_002L), SerialNumber.CLAIM_NUMBER.of(100_000_003L),
                SerialNumber.CLAIM_NUMBER.of(100_000_004L), SerialNumber.CLAIM_NUMBER.of(100_000_005L));
    }

    @Test
    void eventsOfANightAreNumberedOnAcrossTransitionsAndCertificatesFollowOnFromTheLastOne() {
        claimIn(ClaimStatus.APPROVED, PayoutMethod.POSTAL);
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, status, amount_yen, payout_method,"
                        + " submitted_at, decided_on, status_since, certificate_no) VALUES (?, 'OLD', 'APP',"
                        + " 'SCHEDULED', 1, 'POSTAL', ?, ?, ?, ?)", SerialNumber.CLAIM_NUMBER.of(100_000_009L),
                OffsetDateTime.parse("2019-10-02T10:00:00+09:00"), NIGHT, NIGHT, SerialNumber.CERTIFICATE_NUMBER.of(100_000_041L));
        lifecycle.issueCertificates(NIGHT, List.of(payable()), NIGHT.plusDays(1), NIGHT.plusMonths(6));
        lifecycle.decide(NIGHT, List.of(application("A9", PayoutMethod.BANK)),
                List.of(new ClaimDecision(ClaimStatus.REJECTED, List.of(ClaimReason.UNKNOWN_MEMBER), null, null, 0,
                        null, null)));
        assertThat(events()).extracting(ClaimEvent::seq).containsExactly(1, 2);
        assertThat(events().get(0).reference()).isEqualTo(SerialNumber.CERTIFICATE_NUMBER.of(100_000_042L));
        assertThat(events().get(1).claimNo()).isEqualTo(SerialNumber.CLAIM_NUMBER.of(100_000_010L));
    }

    private void perform(ClaimTransition transition) {
        ClaimState claim = lifecycle.claims(List.of(CLAIM_NO)).get(CLAIM_NO);
        switch (transition) {
            case PASS_IDENTITY_CHECK -> lifecycle.passIdentityCheck(NIGHT, claim, "C1");
            case FAIL_IDENTITY_CHECK -> lifecycle.failIdentityCheck(NIGHT, claim, "C1");
            case SCHEDULE_TRANSFER -> lifecycle.scheduleTransfers(NIGHT, List.of(payable()), VALUE_DATE,
                    "SOGOFURI-20191118.txt");
            case ISSUE_CERTIFICATE -> lifecycle.issueCertificates(NIGHT, List.of(payable()), NIGHT.plusDays(1),
                    NIGHT.plusMonths(6));
            case RETURN_TRANSFER -> lifecycle.returnTransfers(NIGHT, List.of(new TransferReturn(CLAIM_NO, "R1")));
            case REDEEM_CERTIFICATE -> lifecycle.redeemCertificates(NIGHT, List.of(new CertificateRedemption("R1",
                    CERTIFICATE_NO, CLAIM_NO)));
            case EXPIRE_CERTIFICATE -> {
                if (lifecycle.expireCertificates(NIGHT, NIGHT) == 0) { // only SCHEDULED claims are looked for
                    throw new IllegalClaimTransitionException(transition, CLAIM_NO, claim.status(),
                            ClaimStatus.EXPIRED);
                }
            }
            case REISSUE_CERTIFICATE -> lifecycle.reissueCertificate(NIGHT, new ReissueRequest("RI1", CLAIM_NO,
                    ReissueReason.LOST, "1000001", "new address"), true);
            case AWAIT_CONFIRMATION -> lifecycle.awaitConfirmation(NIGHT, claim, "C1", NIGHT.plusDays(30));
            case CONFIRM -> lifecycle.confirm(NIGHT, claim, "K1");
            case DECLINE -> lifecycle.decline(NIGHT, claim, "K1");
            case CONFIRMATION_LAPSED -> {
                if (lifecycle.lapseConfirmations(NIGHT) == 0) { // only claims awaiting confirmation are looked for
                    throw new IllegalClaimTransitionException(transition, CLAIM_NO, claim.status(),
                            ClaimStatus.REJECTED);
                }
            }
            case DECIDE -> throw new IllegalArgumentException("not for an existing claim");
        }
    }

    private static final String CERTIFICATE_NO = SerialNumber.CERTIFICATE_NUMBER.of(100_000_077L);
    private static final java.util.Set<ClaimTransition> POSTAL_TRANSITIONS = java.util.EnumSet.of(
            ClaimTransition.ISSUE_CERTIFICATE, ClaimTransition.REDEEM_CERTIFICATE, ClaimTransition.EXPIRE_CERTIFICATE,
            ClaimTransition.REISSUE_CERTIFICATE);

    private static PayableClaim payable() {
        return new PayableClaim(CLAIM_NO, "A1", Channel.APP, "M1", 8_000);
    }

    private void claimIn(ClaimStatus status, PayoutMethod method) {
        jdbc.update("INSERT INTO claim (claim_no, application_id, channel, member_id, status, amount_yen,"
                        + " payout_method, submitted_at, decided_on, status_since) VALUES (?, 'A1', 'APP', 'M1', ?,"
                        + " 8000, ?, ?, ?, ?)", CLAIM_NO, status.name(), method.name(),
                OffsetDateTime.parse("2019-10-05T12:00:00+09:00"), NIGHT.minusDays(1), NIGHT.minusDays(1));
        // a confirmation deadline that ended the day before the night (what a lapse acts on)
        jdbc.update("UPDATE claim SET confirm_by = ? WHERE claim_no = ?", NIGHT.minusDays(1), CLAIM_NO);
        if (method == PayoutMethod.POSTAL && status != ClaimStatus.APPROVED && status != ClaimStatus.PENDING_REVIEW) {
            // a certificate that ran out the day before the night (what a redemption or expiry acts on)
            jdbc.update("UPDATE claim SET certificate_no = ?, reference = ?, valid_until = ? WHERE claim_no = ?",
                    CERTIFICATE_NO, CERTIFICATE_NO, NIGHT.minusDays(1), CLAIM_NO);
        }
    }

    private static Application application(String id, PayoutMethod method) {
        return new Application(id, Channel.APP, OffsetDateTime.parse("2019-10-05T12:00:00+09:00"), method,
                "0001", "001", "1", "1234567", null, null, "ﾔﾏﾀﾞ ﾀﾛｳ", null, null, null, null, null, "M1", null, null,
                null, null, null);
    }

    private ClaimStatus statusOf(String claimNo) {
        return ClaimStatus.valueOf(jdbc.queryForObject("SELECT status FROM claim WHERE claim_no = ?", String.class,
                claimNo));
    }

    private List<ClaimEvent> events() {
        List<ClaimEvent> events = new ArrayList<>();
        book.forEachEvent(NIGHT, events::add);
        return events;
    }

    // ---- confirmation (SPEC section 9) -----------------------------------------------------------

    @Test
    void aDecisionAwaitingConfirmationCarriesItsDeadlineAndNoApprovalDate() {
        ClaimDecision decision = new ClaimDecision(ClaimStatus.AWAITING_CONFIRMATION, List.of(), "M1", "W1", 8_000,
                BankAccount.of("0001", "001", "1", "1234567"), "ﾔﾏﾀﾞ ﾀﾛｳ");
        String claimNo = lifecycle.decide(NIGHT, List.of(application("A-W", PayoutMethod.BANK)), List.of(decision),
                NIGHT.plusDays(30)).get(0);
        assertThat(jdbc.queryForMap("SELECT status, confirm_by, approved_on FROM claim WHERE claim_no = ?", claimNo))
                .containsEntry("STATUS", "AWAITING_CONFIRMATION")
                .containsEntry("CONFIRM_BY", java.sql.Date.valueOf(NIGHT.plusDays(30)))
                .containsEntry("APPROVED_ON", null);
        assertThatThrownBy(() -> lifecycle.decide(NIGHT, List.of(application("A-X", PayoutMethod.BANK)),
                List.of(decision), null)).hasMessageContaining("without a deadline");
    }

    @Test
    void aConfirmationApprovesTonightAndADeclineGoesToReviewWithItsFlag() {
        claimIn(ClaimStatus.AWAITING_CONFIRMATION, PayoutMethod.BANK);
        ClaimState claim = lifecycle.claims(List.of(CLAIM_NO)).get(CLAIM_NO);
        lifecycle.decline(NIGHT, claim, "K1");
        assertThat(jdbc.queryForMap("SELECT status, reasons FROM claim WHERE claim_no = ?", CLAIM_NO))
                .containsEntry("STATUS", "PENDING_REVIEW").containsEntry("REASONS", "APPLICANT_DISAGREES");
        emptyBook();
        claimIn(ClaimStatus.AWAITING_CONFIRMATION, PayoutMethod.BANK);
        lifecycle.confirm(NIGHT, lifecycle.claims(List.of(CLAIM_NO)).get(CLAIM_NO), "K2");
        assertThat(jdbc.queryForMap("SELECT status, reasons, approved_on FROM claim WHERE claim_no = ?", CLAIM_NO))
                .containsEntry("STATUS", "APPROVED").containsEntry("REASONS", "CONFIRMED_BY_APPLICANT")
                .containsEntry("APPROVED_ON", java.sql.Date.valueOf(NIGHT));
        assertThat(events()).singleElement().satisfies(e -> assertThat(e.reasons()).isEqualTo("CONFIRMED_BY_APPLICANT"));
    }

    @Test
    void aClaimLapsesOnlyTheNightAfterItsDeadline() {
        claimIn(ClaimStatus.AWAITING_CONFIRMATION, PayoutMethod.BANK);
        jdbc.update("UPDATE claim SET confirm_by = ? WHERE claim_no = ?", NIGHT, CLAIM_NO);
        assertThat(lifecycle.lapseConfirmations(NIGHT)).isZero(); // the deadline day itself is still in time
        assertThat(lifecycle.lapseConfirmations(NIGHT.plusDays(1))).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT status, reasons FROM claim WHERE claim_no = ?", CLAIM_NO))
                .containsEntry("STATUS", "REJECTED").containsEntry("REASONS", "NOT_CONFIRMED");
        assertThat(ClaimStatus.REJECTED.isLive()).isFalse();
        assertThat(ClaimStatus.AWAITING_CONFIRMATION.isLive()).isTrue();
    }

    @Test
    void anAnswerCountsInTimeUntilTheEndOfTheDeadlineDayInJapan() {
        LocalDate confirmBy = LocalDate.of(2019, 10, 31);
        assertThat(ConfirmationSettings.inTime(OffsetDateTime.parse("2019-10-31T23:59:59+09:00"), confirmBy)).isTrue();
        assertThat(ConfirmationSettings.inTime(OffsetDateTime.parse("2019-10-31T14:59:59Z"), confirmBy)).isTrue();
        assertThat(ConfirmationSettings.inTime(OffsetDateTime.parse("2019-10-31T15:00:00Z"), confirmBy)).isFalse();
        assertThat(ConfirmationSettings.inTime(OffsetDateTime.parse("2019-11-01T00:00:00+09:00"), confirmBy)).isFalse();
    }
}
