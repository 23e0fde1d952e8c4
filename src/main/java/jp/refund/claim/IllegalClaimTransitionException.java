package jp.refund.claim;

/** A status change the lifecycle does not allow: names the claim, where it stands and where it was sent. */
public class IllegalClaimTransitionException extends IllegalStateException {

    public IllegalClaimTransitionException(ClaimTransition transition, String claimNo, ClaimStatus from,
                                           ClaimStatus to) {
        super("claim " + claimNo + " cannot go from " + (from == null ? "(no claim)" : from) + " to " + to
                + " (" + transition + ")");
    }
}
