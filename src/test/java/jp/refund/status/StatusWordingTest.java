package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;

import jp.refund.claim.ClaimReason;
import jp.refund.claim.ClaimStatus;
import jp.refund.identity.ReviewFlag;
import org.junit.jupiter.api.Test;

/** Every status, reason, review flag and bank-return reason has its words, in both languages. */
class StatusWordingTest {

    @Test
    void noConstantIsWithoutWords() {
        assertThat(StatusWording.STATUS.keySet()).containsExactlyInAnyOrder(ClaimStatus.values());
        assertThat(StatusWording.REASON.keySet()).containsExactlyInAnyOrder(ClaimReason.values());
        assertThat(StatusWording.FLAG.keySet()).containsExactlyInAnyOrder(ReviewFlag.values());
        assertThat(StatusWording.RETURN.keySet()).containsExactlyInAnyOrder(StatusWording.BankReturnReason.values());
        for (var words : java.util.List.of(StatusWording.STATUS.values(), StatusWording.REASON.values(),
                StatusWording.FLAG.values(), StatusWording.RETURN.values())) {
            assertThat(words).allSatisfy(w -> {
                assertThat(w).isNotNull();
                assertThat(w.ja()).isNotBlank();
                assertThat(w.en()).isNotBlank();
            });
        }
    }

    @Test
    void codesAsTheClaimRecordsThemFindTheirWords() {
        assertThat(StatusWording.status("PENDING_REVIEW").en()).isEqualTo("Identity check in progress");
        assertThat(StatusWording.reason("SHARED_BANK_ACCOUNT").ja()).isEqualTo("他の会員と同じ口座です");
        assertThat(StatusWording.reason("ACCOUNT_CLOSED").en()).isEqualTo("The account was closed");
        assertThat(StatusWording.reason("SOMETHING_NEW").en()).isEqualTo("SOMETHING_NEW");
    }
}
