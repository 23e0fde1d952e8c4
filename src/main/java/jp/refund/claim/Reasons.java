package jp.refund.claim;

import java.util.List;
import java.util.stream.Collectors;

/** Reason codes as they are stored and written: {@code ;}-separated. */
final class Reasons {

    private Reasons() {
    }

    static String join(List<ClaimReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(";"));
    }
}
