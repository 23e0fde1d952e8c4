package jp.refund.claim;

import static jp.refund.claim.ClaimReason.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.refund.identity.WebIdentityMatch;
import jp.refund.shared.BankAccount;
import jp.refund.shared.Window;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per rule and per flag of SPEC section 4, with both sides of every boundary. */
class ClaimDeciderTest {

    private static final DecisionSettings SETTINGS = new DecisionSettings(
            new Window(OffsetDateTime.parse("2019-10-01T00:00:00+09:00"), OffsetDateTime.parse("2020-01-10T23:59:59+09:00")),
            new Window(OffsetDateTime.parse("2019-07-01T00:00:00+09:00"), OffsetDateTime.parse("2019-07-30T23:59:59+09:00")));
    private static final String IN_WINDOW = "2019-10-05T12:00:00+09:00";

    private ClaimDecider decider = new ClaimDecider(SETTINGS, ReviewSettings.OFF);
    private final Book book = new Book();

    /**
     * The book of the night's decision pass, in memory as the night holds it: a real
     * {@link NightRegistry} of the members and wallets given (read again after every change),
     * every member as a web applicant's candidate, and real {@link LiveClaims}.
     */
    static final class Book implements DecisionContext {
        private final Map<String, Member> members = new LinkedHashMap<>();
        private final Map<String, Wallet> wallets = new LinkedHashMap<>();
        /** Holding contacts as a night with SHARED_CONTACT on does; the flag itself is the decider's setting. */
        private final LiveClaims live = new LiveClaims(true);
        private final Set<String> branches = new HashSet<>(Set.of("0001001", "0001004", "0005001", "9900018", "9900019"));
        private NightDecisionBook night;

        Book member(String id, String family, String given, String familyKana, String givenKana, String birth,
                    String email, String phone, String contactChangedAt) {
            members.put(id, new Member(id, family, given, familyKana, givenKana, LocalDate.parse(birth), email,
                    phone, "100-0001", "東京都千代田区千代田1-1",
                    contactChangedAt == null ? null : OffsetDateTime.parse(contactChangedAt)));
            night = null;
            return this;
        }

        Book wallet(String memberId, long balance, long disputed, boolean compromised) {
            wallets.put(memberId, new Wallet("W-" + memberId, memberId, balance, disputed, compromised));
            night = null;
            return this;
        }

        /** A live claim of the member, paying into {@code account} (null for a certificate). */
        Book liveClaim(String memberId, BankAccount account) {
            live.record(memberId, account);
            return this;
        }

        /** A live claim of the member whose application gave this e-mail and phone. */
        Book liveClaim(String memberId, String email, String phone) {
            live.record(memberId, null, WebIdentityMatch.email(email), WebIdentityMatch.phone(phone));
            return this;
        }

        NightDecisionBook night() {
            if (night == null) {
                NightRegistry.Builder registry = new NightRegistry.Builder(members.size());
                members.values().forEach(m -> {
                    registry.add(m.memberId(), m.familyName(), m.givenName(), m.familyNameKana(), m.givenNameKana(),
                            m.birthDate(), m.postalCode(), m.address(), m.contactChangedAt());
                    // as a night with CONTACT_NOT_REGISTERED on reads them (DecisionBook.readRegistry)
                    registry.contact(WebIdentityMatch.email(m.email()), WebIdentityMatch.phone(m.phone()));
                });
                NightRegistry built = registry.build();
                wallets.values().forEach(w -> built.addWallet(w.walletId(), w.memberId(), w.balanceYen(),
                        w.disputedYen(), w.compromised()));
                Map<LocalDate, List<Member>> candidates = new HashMap<>();
                members.values().forEach(m -> candidates.computeIfAbsent(m.birthDate(), d -> new ArrayList<>()).add(m));
                night = new NightDecisionBook(built, candidates, live, null);
            }
            return night;
        }

        @Override
        public Optional<Member> member(String memberId) {
            return night().member(memberId);
        }

        @Override
        public List<Member> membersBornOn(LocalDate birthDate) {
            return night().membersBornOn(birthDate);
        }

        @Override
        public Optional<Wallet> walletOf(String memberId) {
            return night().walletOf(memberId);
        }

        @Override
        public boolean hasLiveClaim(String memberId) {
            return night().hasLiveClaim(memberId);
        }

        @Override
        public boolean accountUsedByOtherMember(BankAccount account, String memberId) {
            return night().accountUsedByOtherMember(account, memberId);
        }

        @Override
        public boolean contactUsedByOtherMember(String emailKey, String phoneKey, String memberId) {
            return night().contactUsedByOtherMember(emailKey, phoneKey, memberId);
        }

        @Override
        public boolean branchExists(String bankCode, String branchCode) {
            return branches.contains(bankCode + branchCode);
        }
    }

    {
        book.member("M1", "山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "taro@example.jp", "090-1111-0001", null)
                .wallet("M1", 12500, 500, false);
    }

    private static Application appBank(String memberId, String submittedAt, String holder) {
        return new Application("A1", Channel.APP, OffsetDateTime.parse(submittedAt), PayoutMethod.BANK, "0001", "001", "1", "1234567",
                null, null, holder, null, null, null, "taro@example.jp", "090-1111-0001", memberId, null, null, null,
                null, null);
    }

    private static Application appPostal(String recipient, String postalCode, String address) {
        return new Application("A2", Channel.APP, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.POSTAL, null, null, null, null,
                null, null, null, recipient, postalCode, address, "taro@example.jp", "090-1111-0001", "M1", null,
                null, null, null, null);
    }

    private static Application web(String email, String phone, String familyKana, String givenKana, String birth) {
        return new Application("B1", Channel.WEB, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.POSTAL, null, null, null, null, null,
                null, null, "山田 太郎", "100-0001", "東京都千代田区千代田1-1", email, phone, null, "山田", "太郎",
                familyKana, givenKana, LocalDate.parse(birth));
    }

    private ClaimDecision decide(Application application) {
        return decider.decide(application, book);
    }

    @Test
    void aCleanApplicationIsApprovedForTheWholeRefundableAmount() {
        ClaimDecision d = decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ"));
        assertThat(d.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.amountYen()).isEqualTo(12000);
        assertThat(d.account()).isEqualTo(new BankAccount("0001", "001", "1", "1234567"));
        assertThat(d.holderName()).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
    }

    @ParameterizedTest(name = "submitted {0}: inside = {1}")
    @CsvSource({
            "2019-09-30T23:59:59+09:00, false",
            "2019-10-01T00:00:00+09:00, true",
            "2019-09-30T15:00:00Z, true",
            "2019-09-30T14:59:59Z, false",
            "2020-01-10T23:59:59+09:00, true",
            "2020-01-10T23:59:59.999+09:00, true",
            "2020-01-11T00:00:00+09:00, false",
    })
    void theApplicationWindowIsInclusiveToTheSecond(String submittedAt, boolean inside) {
        ClaimDecision d = decide(appBank("M1", submittedAt, "ヤマダ タロウ"));
        if (inside) {
            assertThat(d.status()).isEqualTo(ClaimStatus.APPROVED);
        } else {
            assertThat(d.status()).isEqualTo(ClaimStatus.REJECTED);
            assertThat(d.reasons()).containsExactly(OUTSIDE_APPLICATION_WINDOW);
        }
    }

    @Test
    void theWindowRuleComesBeforeEveryOther() {
        ClaimDecision d = decide(appBank("NOBODY", "2020-02-01T09:00:00+09:00", "吉田"));
        assertThat(d.reasons()).containsExactly(OUTSIDE_APPLICATION_WINDOW);
    }

    @Test
    void anAppApplicationForAnUnknownMemberIsRejected() {
        ClaimDecision d = decide(appBank("M404", IN_WINDOW, "ヤマダ タロウ"));
        assertThat(d.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(d.reasons()).containsExactly(UNKNOWN_MEMBER);
        assertThat(d.memberId()).isEqualTo("M404");
    }

    @Nested
    class WebIdentity {

        @Test
        void birthDateAndEmailAndKanaNameFindTheMember() {
            ClaimDecision d = decide(web(" TARO@Example.JP ", "03-0000-0000", "やまだ", "たろう", "1980-04-01"));
            assertThat(d.memberId()).isEqualTo("M1");
            assertThat(d.status()).isEqualTo(ClaimStatus.PENDING_REVIEW);
            assertThat(d.reasons()).containsExactly(WEB_APPLICATION);
        }

        @Test
        void thePhoneComparesAsDigitsOnly() {
            ClaimDecision d = decide(web("other@example.jp", "09011110001", "ﾔﾏﾀﾞ", "ﾀﾛｳ", "1980-04-01"));
            assertThat(d.memberId()).isEqualTo("M1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "another birth date, taro@example.jp, 090-1111-0001, ヤマダ, タロウ, 1980-04-02",
                "neither e-mail nor phone, x@example.jp, 090-0000-0000, ヤマダ, タロウ, 1980-04-01",
                "another kana name, taro@example.jp, 090-1111-0001, ヤマダ, ジロウ, 1980-04-01",
                "given and family swapped, taro@example.jp, 090-1111-0001, タロウ, ヤマダ, 1980-04-01",
        })
        void withoutAllThreeNoMemberIsFound(String why, String email, String phone, String familyKana,
                                            String givenKana, String birth) {
            ClaimDecision d = decide(web(email, phone, familyKana, givenKana, birth));
            assertThat(d.reasons()).as(why).containsExactly(IDENTITY_NOT_FOUND);
            assertThat(d.memberId()).isNull();
        }

        @Test
        void twoMembersMatchingIsAmbiguousAndPaysNobody() {
            book.member("M2", "山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "other@example.jp", "090-1111-0001", null)
                    .wallet("M2", 9000, 0, false);
            ClaimDecision d = decide(web("taro@example.jp", "090-1111-0001", "ヤマダ", "タロウ", "1980-04-01"));
            assertThat(d.status()).isEqualTo(ClaimStatus.REJECTED);
            assertThat(d.reasons()).containsExactly(IDENTITY_AMBIGUOUS);
            assertThat(d.memberId()).isNull();
        }
    }

    @Test
    void aMemberWithoutWalletOrWithNothingRefundableIsRejected() {
        book.member("M3", "佐藤", "花子", "サトウ", "ハナコ", "1975-12-24", "h@example.jp", "090", null);
        assertThat(decide(appBank("M3", IN_WINDOW, "サトウ ハナコ")).reasons()).containsExactly(NO_REFUNDABLE_BALANCE);
        book.wallet("M3", 3000, 3000, false);
        assertThat(decide(appBank("M3", IN_WINDOW, "サトウ ハナコ")).reasons()).containsExactly(NO_REFUNDABLE_BALANCE);
        book.wallet("M3", 3000, 2999, false);
        assertThat(decide(appBank("M3", IN_WINDOW, "サトウ ハナコ")).amountYen()).isEqualTo(1);
    }

    @Test
    void aMemberWithALiveClaimGetsADuplicate() {
        book.liveClaim("M1", null);
        ClaimDecision d = decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ"));
        assertThat(d.status()).isEqualTo(ClaimStatus.DUPLICATE);
        assertThat(d.reasons()).containsExactly(DUPLICATE_APPLICATION);
    }

    @Nested
    class BankAccounts {

        private Application account(String bank, String branch, String type, String number) {
            return new Application("A1", Channel.APP, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.BANK, bank, branch, type, number,
                    null, null, "ヤマダ タロウ", null, null, null, "taro@example.jp", "090-1111-0001", "M1", null, null,
                    null, null, null);
        }

        private Application yucho(String symbol, String number) {
            return new Application("A1", Channel.APP, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.BANK, null, null, null, null,
                    symbol, number, "ヤマダ タロウ", null, null, null, "taro@example.jp", "090-1111-0001", "M1", null,
                    null, null, null, null);
        }

        @ParameterizedTest(name = "type {0}: valid = {1}")
        @CsvSource({"1, true", "2, true", "4, true", "3, false", "0, false", "9, false"})
        void onlyOrdinaryCheckingAndSavingsAccounts(String type, boolean valid) {
            ClaimDecision d = decide(account("0001", "001", type, "1234567"));
            assertThat(d.reasons().contains(INVALID_BANK_ACCOUNT)).isEqualTo(!valid);
        }

        @Test
        void theBankAndBranchMustBeInTheMaster() {
            assertThat(decide(account("0001", "999", "1", "1234567")).reasons()).containsExactly(INVALID_BANK_ACCOUNT);
            assertThat(decide(account("8888", "001", "1", "1234567")).reasons()).containsExactly(INVALID_BANK_ACCOUNT);
        }

        @Test
        void japanPostBankSymbolsAreConvertedAndChecked() {
            assertThat(decide(yucho("10180", "12345671")).account())
                    .isEqualTo(new BankAccount("9900", "018", "1", "1234567"));
            assertThat(decide(yucho("00120", "123456")).account())
                    .isEqualTo(new BankAccount("9900", "019", "2", "0123456"));
            assertThat(decide(yucho("20180", "12345671")).reasons()).containsExactly(INVALID_BANK_ACCOUNT);
            assertThat(decide(yucho("10990", "12345671")).reasons()).containsExactly(INVALID_BANK_ACCOUNT);
        }

        @Test
        void aHolderNameThatCannotBeWrittenInZenginCharactersIsRejected() {
            assertThat(decide(appBank("M1", IN_WINDOW, "山田 太郎")).reasons())
                    .containsExactly(INVALID_ACCOUNT_HOLDER_NAME);
        }

        @Test
        void anAccountRuleComesAfterTheDuplicateRule() {
            book.liveClaim("M1", null);
            assertThat(decide(account("0001", "999", "3", "1")).reasons()).containsExactly(DUPLICATE_APPLICATION);
        }
    }

    @Nested
    class Flags {

        @Test
        void aCompromisedWalletIsReviewed() {
            book.wallet("M1", 12500, 0, true);
            assertThat(decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")).reasons()).containsExactly(COMPROMISED_ACCOUNT);
        }

        @ParameterizedTest(name = "contact changed {0}: flagged = {1}")
        @CsvSource({
                "2019-06-30T23:59:59+09:00, false",
                "2019-07-01T00:00:00+09:00, true",
                "2019-07-30T23:59:59+09:00, true",
                "2019-07-31T00:00:00+09:00, false",
                "2019-07-30T14:59:59Z, true",
                "2019-07-30T15:00:00Z, false",
        })
        void aContactChangeDuringTheIncidentIsReviewed(String changedAt, boolean flagged) {
            book.member("M1", "山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "taro@example.jp", "090-1111-0001",
                    changedAt);
            List<ClaimReason> reasons = decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")).reasons();
            assertThat(reasons.contains(CONTACT_CHANGED_DURING_INCIDENT)).isEqualTo(flagged);
        }

        @ParameterizedTest(name = "holder {0}: mismatch = {1}")
        @CsvSource({
                "ヤマダ タロウ, false",
                "ﾔﾏﾀﾞﾀﾛｳ, false",
                "やまだ　たろう, false",
                "ヤマダ ジロウ, true",
                "タロウ ヤマダ, true",
        })
        void theBankHolderMustBeTheMembersKanaName(String holder, boolean mismatch) {
            List<ClaimReason> reasons = decide(appBank("M1", IN_WINDOW, holder)).reasons();
            assertThat(reasons.contains(PAYEE_NAME_MISMATCH)).isEqualTo(mismatch);
        }

        @Test
        void smallKanaInTheMembersNameMatchesTheLargeKanaOfABankName() {
            book.member("M1", "伊藤", "翔", "イトウ", "ショウ", "1995-11-11", "taro@example.jp", "090-1111-0001", null);
            assertThat(decide(appBank("M1", IN_WINDOW, "ｲﾄｳ ｼﾖｳ")).reasons()).isEmpty();
        }

        @Test
        void thePostalRecipientMustBeTheMembersRegisteredName() {
            assertThat(decide(appPostal("山田 太郎", "100-0001", "東京都千代田区千代田1-1")).reasons()).isEmpty();
            assertThat(decide(appPostal("山田太郎", "1000001", "東京都千代田区千代田１－１")).reasons()).isEmpty();
            assertThat(decide(appPostal("山田 花子", "100-0001", "東京都千代田区千代田1-1")).reasons())
                    .containsExactly(PAYEE_NAME_MISMATCH);
        }

        @Test
        void aCertificateMailedElsewhereIsReviewed() {
            assertThat(decide(appPostal("山田 太郎", "100-0002", "東京都千代田区千代田1-1")).reasons())
                    .containsExactly(MAILING_ADDRESS_CHANGED);
            assertThat(decide(appPostal("山田 太郎", "100-0001", "東京都千代田区千代田1-2")).reasons())
                    .containsExactly(MAILING_ADDRESS_CHANGED);
        }

        @Test
        void anAccountOnAnotherMembersLiveClaimIsShared() {
            assertThat(decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")).reasons()).isEmpty();
            book.liveClaim("M9", new BankAccount("0001", "001", "1", "1234567"));
            assertThat(decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")).reasons()).containsExactly(SHARED_BANK_ACCOUNT);
        }

        @Test
        void flagsComeInTheOrderOfTheSpecification() {
            book.member("M1", "山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "taro@example.jp", "090-1111-0001",
                    "2019-07-02T10:00:00+09:00").wallet("M1", 12500, 0, true);
            book.liveClaim("M9", new BankAccount("0001", "001", "1", "1234567"));
            ClaimDecision d = decide(appBank("M1", IN_WINDOW, "ヤマダ ハナコ"));
            assertThat(d.status()).isEqualTo(ClaimStatus.PENDING_REVIEW);
            assertThat(d.reasons()).containsExactly(COMPROMISED_ACCOUNT, CONTACT_CHANGED_DURING_INCIDENT,
                    PAYEE_NAME_MISMATCH, SHARED_BANK_ACCOUNT);
        }
    }
    /** The stricter flags of SPEC section 11: each off by default, each at the edges of its rule. */
    @Nested
    class StricterFlags {

        private Application appBankWith(String email, String phone) {
            return new Application("A3", Channel.APP, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.BANK, "0001", "001",
                    "1", "1234567", null, null, "ヤマダ タロウ", null, null, null, email, phone, "M1", null, null, null,
                    null, null);
        }

        private void review(long largeRefundYen, boolean contactNotRegistered, boolean sharedContact) {
            decider = new ClaimDecider(SETTINGS, new ReviewSettings(largeRefundYen, contactNotRegistered, sharedContact));
        }

        @Test
        void everyFlagIsOffByDefault() {
            book.liveClaim("M9", "taro@example.jp", "090-1111-0001");
            ClaimDecision d = decide(appBankWith("attacker@example.net", "080-9999-0000"));
            assertThat(d.status()).isEqualTo(ClaimStatus.APPROVED);
            assertThat(d.reasons()).isEmpty();
        }

        @ParameterizedTest(name = "threshold {0} yen, refundable 12000: held = {1}")
        @CsvSource({"12000, true", "12001, false", "1, true", "0, false"})
        void aLargeRefundIsHeldFromTheThresholdOn(long threshold, boolean held) {
            review(threshold, false, false);
            ClaimDecision d = decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ"));
            assertThat(d.reasons().contains(LARGE_REFUND)).isEqualTo(held);
            assertThat(d.status()).isEqualTo(held ? ClaimStatus.PENDING_REVIEW : ClaimStatus.APPROVED);
            assertThat(d.amountYen()).as("a flag never changes the amount").isEqualTo(12000);
        }

        @Test
        void theLargeRefundThresholdComparesTheRefundableAmountNotTheBalance() {
            review(12500, false, false);
            assertThat(decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")).reasons())
                    .as("balance 12500 less 500 disputed is 12000, one threshold below").doesNotContain(LARGE_REFUND);
        }

        @ParameterizedTest(name = "e-mail {0}, phone {1}: held = {2}")
        @CsvSource({
                "attacker@example.net, 080-9999-0000, true",
                "attacker@example.net, 09011110001, false",
                "' TARO@Example.JP ', 080-9999-0000, false",
                "taro@example.jp, 090-1111-0001, false",
                "'', '', true",
        })
        void anAppApplicationIsHeldWhenNeitherContactIsTheRegisteredOne(String email, String phone, boolean held) {
            review(0, true, false);
            ClaimDecision d = decide(appBankWith(email, phone));
            assertThat(d.reasons().contains(CONTACT_NOT_REGISTERED)).isEqualTo(held);
        }

        @Test
        void aWebApplicationIsNeverHeldForItsContact() {
            review(0, true, false);
            ClaimDecision d = decide(web("taro@example.jp", "03-0000-0000", "ヤマダ", "タロウ", "1980-04-01"));
            assertThat(d.reasons()).containsExactly(WEB_APPLICATION);
        }

        @Test
        void aContactOnTheApplicationOfAnotherMembersLiveClaimIsShared() {
            review(0, false, true);
            book.liveClaim("M9", "other@example.jp", "090-1111-0001");
            assertThat(decide(appBankWith("taro@example.jp", "09011110001")).reasons()).containsExactly(SHARED_CONTACT);
            assertThat(decide(appBankWith("taro@example.jp", "03-0000-0000")).reasons())
                    .as("e-mail compared with e-mail, phone with phone").isEmpty();
            book.liveClaim("M8", " OTHER@example.JP", "03-1234-5678");
            assertThat(decide(appBankWith("other@example.jp", "03-0000-0000")).reasons()).containsExactly(SHARED_CONTACT);
        }

        @Test
        void theMembersOwnEarlierContactAndAnEmptyContactAreNotShared() {
            review(0, false, true);
            book.liveClaim("M2", "", "");
            assertThat(decide(appBankWith("", "")).reasons()).isEmpty();
            LiveClaims own = new LiveClaims(true);
            own.record("M1", null, "taro@example.jp", "09011110001");
            assertThat(own.contactUsedByOtherMember("taro@example.jp", "09011110001", "M1")).isFalse();
            assertThat(own.contactUsedByOtherMember("taro@example.jp", "", "M2")).isTrue();
        }

        @Test
        void aClaimDecidedEarlierTheSameNightCountsInDecisionOrder() {
            review(0, false, true);
            book.member("M2", "山田", "花子", "ヤマダ", "ハナコ", "1982-05-05", "hanako@example.jp", "090-1111-0002", null)
                    .wallet("M2", 3000, 0, false);
            Application first = new Application("A4", Channel.APP, OffsetDateTime.parse(IN_WINDOW), PayoutMethod.BANK,
                    "0001", "001", "1", "7654321", null, null, "ヤマダ ハナコ", null, null, null, "family@example.jp",
                    "090-1111-0002", "M2", null, null, null, null, null);
            ClaimDecision d1 = decide(first);
            assertThat(d1.reasons()).as("nothing decided before it").isEmpty();
            book.night().recordLiveClaim(d1, first);

            assertThat(decide(appBankWith("family@example.jp", "090-1111-0001")).reasons()).containsExactly(SHARED_CONTACT);
        }

        @Test
        void allFlagsComeAfterTheFlagsOfSectionFourInTheOrderOfTheSpecification() {
            review(12000, true, true);
            book.member("M1", "山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "taro@example.jp", "090-1111-0001",
                    "2019-07-02T10:00:00+09:00").wallet("M1", 12500, 500, true);
            book.liveClaim("M9", new BankAccount("0001", "001", "1", "1234567"));
            book.liveClaim("M7", "mule@example.net", "080-0000-0000");
            Application application = new Application("A5", Channel.APP, OffsetDateTime.parse(IN_WINDOW),
                    PayoutMethod.BANK, "0001", "001", "1", "1234567", null, null, "ヤマダ ハナコ", null, null, null,
                    "mule@example.net", "080-1111-1111", "M1", null, null, null, null, null);
            List<ClaimReason> expected = List.of(COMPROMISED_ACCOUNT, CONTACT_CHANGED_DURING_INCIDENT, PAYEE_NAME_MISMATCH,
                    SHARED_BANK_ACCOUNT, LARGE_REFUND, CONTACT_NOT_REGISTERED, SHARED_CONTACT);
            assertThat(decide(application).reasons()).containsExactlyElementsOf(expected);
            assertThat(decider.conclude(decider.assess(application, book), application, book).reasons())
                    .as("in two halves").containsExactlyElementsOf(expected);
        }
    }

    /**
     * A partitioned night (issue 20) assesses an application before the claims decided ahead of
     * it exist, and concludes it later: the decision must be the one made on the book as it
     * stands at the conclusion.
     */
    @Nested
    class InTwoHalves {

        @Test
        void aLiveClaimRecordedAfterTheAssessmentMakesADuplicate() {
            ApplicationAssessment assessed = decider.assess(appBank("M1", IN_WINDOW, "ヤマダ タロウ"), book);
            book.liveClaim("M1", null);

            ClaimDecision d = decider.conclude(assessed, appBank("M1", IN_WINDOW, "ヤマダ タロウ"), book);

            assertThat(d.status()).isEqualTo(ClaimStatus.DUPLICATE);
            assertThat(d).isEqualTo(decide(appBank("M1", IN_WINDOW, "ヤマダ タロウ")));
        }

        @Test
        void anAccountTakenAfterTheAssessmentIsShared() {
            Application application = appBank("M1", IN_WINDOW, "ヤマダ ハナコ");
            ApplicationAssessment assessed = decider.assess(application, book);
            book.liveClaim("M9", new BankAccount("0001", "001", "1", "1234567"));

            ClaimDecision d = decider.conclude(assessed, application, book);

            assertThat(d.reasons()).containsExactly(PAYEE_NAME_MISMATCH, SHARED_BANK_ACCOUNT);
            assertThat(d).isEqualTo(decide(appBank("M1", IN_WINDOW, "ヤマダ ハナコ")));
        }

        @Test
        void theDuplicateRuleStillComesBetweenTheBalanceAndTheAccountRules() {
            Application badBranch = new Application("A1", Channel.APP, OffsetDateTime.parse(IN_WINDOW),
                    PayoutMethod.BANK, "0001", "999", "1", "1234567", null, null, "ヤマダ タロウ", null, null, null,
                    "taro@example.jp", "090-1111-0001", "M1", null, null, null, null, null);
            ApplicationAssessment assessed = decider.assess(badBranch, book);
            assertThat(decider.conclude(assessed, badBranch, book).reasons()).containsExactly(INVALID_BANK_ACCOUNT);

            book.liveClaim("M1", null);
            assertThat(decider.conclude(assessed, badBranch, book).reasons()).containsExactly(DUPLICATE_APPLICATION);
            book.wallet("M1", 500, 500, false);
            assertThat(decider.conclude(decider.assess(badBranch, book), badBranch, book).reasons())
                    .containsExactly(NO_REFUNDABLE_BALANCE);
        }
    }
}
