package jp.refund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.refund.shared.BankAccount;
import org.junit.jupiter.api.Test;

/** The decision pass's book in memory: the registry's look-ups and the live claims' accounts. */
class NightDecisionBookTest {

    private static final BankAccount ACCOUNT = new BankAccount("0001", "001", "1", "1234567");

    @Test
    void membersAreFoundByTheirExactIdWhateverOrderTheBookGaveThem() {
        NightRegistry.Builder builder = new NightRegistry.Builder(1);
        for (String id : new String[]{"M3", "m1", "M1", "M10", "M2"}) {
            builder.add(id, "山田", "太郎" + id, "ヤマダ", "タロウ", LocalDate.of(1980, 4, 1), "1000001",
                    "東京都千代田区千代田1-" + id, id.equals("M2") ? OffsetDateTime.parse("2019-07-02T10:00:00+09:00") : null);
        }
        NightRegistry registry = builder.build();
        registry.addWallet("W-M2", "M2", 12_500, 500, true);
        registry.addWallet("W-X", "X9", 100, 0, false);

        assertThat(registry.size()).isEqualTo(5);
        assertThat(registry.member("M1").orElseThrow().givenName()).isEqualTo("太郎M1");
        assertThat(registry.member("m1").orElseThrow().givenName()).isEqualTo("太郎m1");
        assertThat(registry.member("M4")).isEmpty();
        assertThat(registry.member(null)).isEmpty();
        Member m2 = registry.member("M2").orElseThrow();
        assertThat(m2.address()).isEqualTo("東京都千代田区千代田1-M2");
        assertThat(m2.contactChangedAt()).isEqualTo(OffsetDateTime.parse("2019-07-02T10:00:00+09:00"));
        assertThat(registry.walletOf("M2")).contains(new Wallet("W-M2", "M2", 12_500, 500, true));
        assertThat(registry.walletOf("M3")).isEmpty();
        assertThat(registry.walletOf("X9")).as("a wallet of no member of the registry").isEmpty();
    }

    @Test
    void anAccountIsSharedOnlyWhenAnotherMembersLiveClaimPaysIntoIt() {
        LiveClaims live = new LiveClaims();
        assertThat(live.hasLiveClaim("M1")).isFalse();
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M1")).isFalse();

        live.record("M1", ACCOUNT);
        assertThat(live.hasLiveClaim("M1")).isTrue();
        assertThat(live.hasLiveClaim("M2")).isFalse();
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M1")).as("the member's own account").isFalse();
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M2")).isTrue();
        assertThat(live.accountUsedByOtherMember(new BankAccount("0001", "001", "2", "1234567"), "M2"))
                .as("another account type is another account").isFalse();

        live.record("M1", ACCOUNT);
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M1")).as("the same member twice").isFalse();
        live.record("M2", ACCOUNT);
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M1")).isTrue();
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M2")).isTrue();
        assertThat(live.accountUsedByOtherMember(ACCOUNT, "M3")).isTrue();
    }

    @Test
    void aPostalClaimIsLiveWithoutAnAccountAndAnAccountOutOfZenginFormIsComparedExactly() {
        LiveClaims live = new LiveClaims();
        live.record("M1", null);
        assertThat(live.hasLiveClaim("M1")).isTrue();

        BankAccount odd = new BankAccount("0001", "001", "1", "12345");
        assertThat(LiveClaims.key(odd)).isEqualTo(-1);
        live.record("M2", odd);
        assertThat(live.accountUsedByOtherMember(odd, "M3")).isTrue();
        assertThat(live.accountUsedByOtherMember(new BankAccount("0001", "001", "1", "0012345"), "M3")).isFalse();
        assertThat(LiveClaims.key(ACCOUNT)).isEqualTo(100_111_234_567L);
    }
}
