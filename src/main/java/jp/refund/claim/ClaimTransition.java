package jp.refund.claim;

import static jp.refund.claim.ClaimStatus.APPROVED;
import static jp.refund.claim.ClaimStatus.AWAITING_CONFIRMATION;
import static jp.refund.claim.ClaimStatus.DUPLICATE;
import static jp.refund.claim.ClaimStatus.EXPIRED;
import static jp.refund.claim.ClaimStatus.PAID;
import static jp.refund.claim.ClaimStatus.PENDING_REVIEW;
import static jp.refund.claim.ClaimStatus.REJECTED;
import static jp.refund.claim.ClaimStatus.RETURNED;
import static jp.refund.claim.ClaimStatus.SCHEDULED;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every way a claim's status may change (SPEC section 4), each from the statuses it may
 * start in to the ones it may end in. {@link ClaimLifecycle} performs them; nothing else
 * writes a status. A claim that does not exist yet starts at {@link #DECIDE}.
 */
public enum ClaimTransition {
    /**
     * The first decision on an application: the claim comes into being (AWAITING_CONFIRMATION
     * instead of APPROVED when confirmation is required).
     */
    DECIDE(EnumSet.noneOf(ClaimStatus.class), EnumSet.of(PENDING_REVIEW, APPROVED, REJECTED, DUPLICATE,
            AWAITING_CONFIRMATION)),
    PASS_IDENTITY_CHECK(EnumSet.of(PENDING_REVIEW), EnumSet.of(APPROVED)),
    FAIL_IDENTITY_CHECK(EnumSet.of(PENDING_REVIEW), EnumSet.of(REJECTED)),
    SCHEDULE_TRANSFER(EnumSet.of(APPROVED), EnumSet.of(SCHEDULED)),
    ISSUE_CERTIFICATE(EnumSet.of(APPROVED), EnumSet.of(SCHEDULED)),
    RETURN_TRANSFER(EnumSet.of(SCHEDULED), EnumSet.of(RETURNED)),
    /** Japan Post Bank cashed the claim's current certificate in time, for its amount (SPEC section 10). */
    REDEEM_CERTIFICATE(EnumSet.of(SCHEDULED), EnumSet.of(PAID)),
    /** The certificate was not cashed by valid-until + grace days: still owed, reissuable. */
    EXPIRE_CERTIFICATE(EnumSet.of(SCHEDULED), EnumSet.of(EXPIRED)),
    /**
     * The certificate is void; the claim is scheduled again (APPROVED) or, for a new address
     * that is not the registered one, waits for an identity check (PENDING_REVIEW).
     */
    REISSUE_CERTIFICATE(EnumSet.of(SCHEDULED, EXPIRED), EnumSet.of(APPROVED, PENDING_REVIEW)),
    /**
     * An identity check PASS while confirmation is required, on a claim that never awaited
     * confirmation: it waits for the applicant instead of being approved (SPEC section 9).
     */
    AWAIT_CONFIRMATION(EnumSet.of(PENDING_REVIEW), EnumSet.of(AWAITING_CONFIRMATION)),
    /** The applicant confirmed amount and method by the end of confirm_by (JST): approved tonight. */
    CONFIRM(EnumSet.of(AWAITING_CONFIRMATION), EnumSet.of(APPROVED)),
    /** The applicant declined: back to review with APPLICANT_DISAGREES; a later PASS approves it. */
    DECLINE(EnumSet.of(AWAITING_CONFIRMATION), EnumSet.of(PENDING_REVIEW)),
    /** confirm_by passed without a confirmation: REJECTED NOT_CONFIRMED (the member may apply again). */
    CONFIRMATION_LAPSED(EnumSet.of(AWAITING_CONFIRMATION), EnumSet.of(REJECTED));

    private final EnumSet<ClaimStatus> from;
    private final EnumSet<ClaimStatus> to;

    ClaimTransition(EnumSet<ClaimStatus> from, EnumSet<ClaimStatus> to) {
        this.from = from;
        this.to = to;
    }

    /** The statuses a claim must be in for this transition; empty for {@link #DECIDE}. */
    public Set<ClaimStatus> from() {
        return EnumSet.copyOf(from);
    }

    public Set<ClaimStatus> to() {
        return EnumSet.copyOf(to);
    }

    public boolean allows(ClaimStatus fromStatus, ClaimStatus toStatus) {
        return (fromStatus == null ? from.isEmpty() : from.contains(fromStatus)) && to.contains(toStatus);
    }
}
