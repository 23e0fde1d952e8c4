package jp.refund.rehearsal;

/**
 * One line of the attack report: what the applications of one campaign claimed and where their
 * yen stands after the nights (docs/audit.md, "Attacker rehearsal", defines each figure). Every
 * claim's yen is in exactly one of paid, approved-waiting, held, stopped and returned, so they add
 * up to the yen claimed. The honest-only figures stay 0 on the attackers' lines.
 */
public final class CampaignFigures {

    private final String name;
    long applications;
    long claimedYen;
    long paidClaims;
    long paidYen;
    long paidWithoutCheckYen;
    long approvedWaitingYen;
    long heldYen;
    long stoppedYen;
    long returnedYen;
    long heldForReviewClaims;
    long delayedClaims;
    long delayedYen;
    long ownersBlocked;

    CampaignFigures(String name) {
        this.name = name;
    }

    /** The CSV's columns, in order. */
    static final String[] HEADER = {"campaign", "applications", "claimed_yen", "paid_claims", "paid_yen",
            "paid_without_document_check_yen", "approved_waiting_yen", "held_yen", "stopped_yen", "returned_yen",
            "honest_held_for_review_claims", "honest_delayed_claims", "honest_delayed_yen", "honest_owners_blocked"};

    String[] row(boolean honest) {
        return new String[]{name, n(applications), n(claimedYen), n(paidClaims), n(paidYen), n(paidWithoutCheckYen),
                n(approvedWaitingYen), n(heldYen), n(stoppedYen), n(returnedYen),
                honest ? n(heldForReviewClaims) : "", honest ? n(delayedClaims) : "", honest ? n(delayedYen) : "",
                honest ? n(ownersBlocked) : ""};
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    void add(CampaignFigures other) {
        applications += other.applications;
        claimedYen += other.claimedYen;
        paidClaims += other.paidClaims;
        paidYen += other.paidYen;
        paidWithoutCheckYen += other.paidWithoutCheckYen;
        approvedWaitingYen += other.approvedWaitingYen;
        heldYen += other.heldYen;
        stoppedYen += other.stoppedYen;
        returnedYen += other.returnedYen;
    }

    public String name() {
        return name;
    }

    public long applications() {
        return applications;
    }

    public long claimedYen() {
        return claimedYen;
    }

    public long paidYen() {
        return paidYen;
    }

    public long paidWithoutCheckYen() {
        return paidWithoutCheckYen;
    }
}
