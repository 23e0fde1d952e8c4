package jp.refund.ingest;

import static jp.refund.ingest.CertificateReissueColumns.CLAIM_NO;
import static jp.refund.ingest.CertificateReissueColumns.REQUESTED_AT;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.IssuedCertificates;
import jp.refund.claim.PayoutMethod;
import jp.refund.shared.KeySet;

/**
 * A reissue cannot be requested after the night it arrives in (IMPOSSIBLE_TIMESTAMP); it must
 * name a claim (else UNKNOWN_CLAIM), and the claim must be POSTAL with its
 * certificate not redeemed — SCHEDULED, or EXPIRED — else NOT_REISSUABLE (SPEC section 10).
 * Requests apply oldest {@code requested_at} first (ties: reissue_id), after this night's
 * redemptions: a certificate redeemed tonight is not reissuable, and a second request for the
 * same claim tonight finds it already being reissued.
 */
record ReissuableClaims(KeyLookup lookup, IssuedCertificates issued) implements BookRule {

    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        List<String> claimNos = candidates.stream().map(row -> row.get(CLAIM_NO)).distinct().toList();
        Map<String, IssuedCertificates.ClaimCertificate> claims = issued.claims(claimNos);
        Set<String> redeemedTonight = new HashSet<>(lookup.find("certificate_redemption", "certificate_no",
                "certificate_no", claims.values().stream().map(IssuedCertificates.ClaimCertificate::certificateNo)
                        .filter(n -> n != null).toList()).keySet());
        Set<String> reissuedTonight = new HashSet<>();
        if (!claimNos.isEmpty()) {
            KeySet keys = KeySet.text(claimNos);
            lookup.jdbc().query("SELECT r.claim_no FROM " + KeySet.TEXT_KEYS
                    + " JOIN certificate_reissue r ON r.claim_no = k.id WHERE r.ingested_on = ?", ps -> {
                        keys.asFirstParameter().setValues(ps);
                        ps.setObject(2, runDate);
                    }, rs -> {
                        reissuedTonight.add(rs.getString(1));
                    });
        }
        Set<String> known = lookup.find("certificate_reissue", "reissue_id", "reissue_id",
                candidates.stream().map(FeedRow::key).toList()).keySet();
        Map<FeedRow, RowRejection> outcomes = new IdentityHashMap<>();
        candidates.stream().filter(row -> !known.contains(row.key()))
                .sorted(Comparator.comparing((FeedRow row) -> row.get(REQUESTED_AT).toInstant())
                        .thenComparing(FeedRow::key))
                .forEach(row -> {
                    RowRejection rejection = NightDates.afterTheNight(REQUESTED_AT, row.get(REQUESTED_AT), runDate);
                    if (rejection == null) {
                        rejection = judge(claims.get(row.get(CLAIM_NO)), row.get(CLAIM_NO), redeemedTonight,
                                reissuedTonight);
                    }
                    if (rejection == null) {
                        reissuedTonight.add(row.get(CLAIM_NO));
                    }
                    outcomes.put(row, rejection);
                });
        return outcomes::get;
    }

    private static RowRejection judge(IssuedCertificates.ClaimCertificate claim, String claimNo,
                                      Set<String> redeemedTonight, Set<String> reissuedTonight) {
        if (claim == null) {
            return new RowRejection(RejectReason.UNKNOWN_CLAIM, CLAIM_NO.name(), "no claim " + claimNo + " exists");
        }
        if (claim.payoutMethod() != PayoutMethod.POSTAL) {
            return notReissuable(claimNo + " is paid by bank transfer: it has no certificate");
        }
        if (reissuedTonight.contains(claimNo)) {
            return notReissuable(claimNo + " is already being reissued tonight by an earlier request");
        }
        boolean scheduled = claim.status() == ClaimStatus.SCHEDULED
                && !redeemedTonight.contains(claim.certificateNo());
        if (!scheduled && claim.status() != ClaimStatus.EXPIRED) {
            return notReissuable(claimNo + (claim.status() == ClaimStatus.SCHEDULED || claim.status() == ClaimStatus.PAID
                    ? " was paid: its certificate " + claim.certificateNo() + " was redeemed"
                    : " is " + claim.status() + ": it has no certificate that could be replaced"));
        }
        return null;
    }

    private static RowRejection notReissuable(String message) {
        return new RowRejection(RejectReason.NOT_REISSUABLE, CLAIM_NO.name(), "claim " + message);
    }
}
