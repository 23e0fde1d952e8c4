package jp.refund.claim;

/** An approved claim as scheduling takes it: who, how much, and the application it came from. */
public record PayableClaim(String claimNo, String applicationId, Channel channel, String memberId, long amountYen) {
}
