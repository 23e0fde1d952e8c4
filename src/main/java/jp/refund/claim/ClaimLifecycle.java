package jp.refund.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.refund.shared.BankAccount;
import jp.refund.shared.DatabaseKind;
import jp.refund.shared.KeySet;
import jp.refund.shared.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one owner of a claim's status. Every change goes through one method here, one per
 * {@link ClaimTransition}: it checks the status the claim is in (an illegal change is an
 * {@link IllegalClaimTransitionException}, never a silent update), writes the claim and its
 * event together, and numbers the night's events and the claim and certificate serials.
 * No other code inserts or updates {@code claim} or {@code claim_event} (a module test
 * keeps it so).
 *
 * <p>Numbers are read from what is written (the last event of the night, the highest claim
 * and certificate number), so a repeated or resumed night numbers everything the same.
 */
@Component
public class ClaimLifecycle {

    /** The columns a decision fills, in the order of {@link #decide}'s rows. */
    private static final String DECIDED_COLUMNS = "claim_no, application_id, channel, member_id, wallet_id, status,"
            + " reasons, amount_yen, payout_method, bank_code, branch_code, account_type, account_number, holder_name,"
            + " recipient_name, postal_code, address, submitted_at, decided_on, status_since, approved_on, confirm_by";
    /** What a transition may change on a claim of an earlier night: kept before the night first changes it. */
    private static final List<String> CHANGING_COLUMNS = List.of("status", "reasons", "status_since", "approved_on",
            "payout_date", "reference", "emitted_on", "certificate_no", "valid_until", "confirm_by", "postal_code",
            "address");
    private static final String EVENT_COLUMNS = "run_date, seq, claim_no, application_id, channel, member_id, status,"
            + " reasons, amount_yen, payout_method, payout_date, reference";

    private final JdbcTemplate jdbc;
    /** Read from the connection once: the scheduler updates the night's transfers its own way on PostgreSQL. */
    private DatabaseKind kind;

    ClaimLifecycle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- DECIDE -------------------------------------------------------------------------

    /**
     * Records the first decision on each application as a new claim, numbered in the order
     * given, with its first event. Returns the claim numbers.
     */
    List<String> decide(LocalDate runDate, List<Application> applications, List<ClaimDecision> decisions) {
        return decide(runDate, applications, decisions, null);
    }

    /**
     * As {@link #decide(LocalDate, List, List)}; a claim decided AWAITING_CONFIRMATION must be
     * confirmed by the end of {@code confirmBy} (SPEC section 9).
     */
    List<String> decide(LocalDate runDate, List<Application> applications, List<ClaimDecision> decisions,
                        LocalDate confirmBy) {
        long serial = lastClaimSerial();
        List<String> claimNos = new ArrayList<>(applications.size());
        List<Object[]> rows = new ArrayList<>(applications.size());
        List<ClaimEvent> events = new ArrayList<>(applications.size());
        int seq = lastEventSeq(runDate);
        for (int i = 0; i < applications.size(); i++) {
            Application a = applications.get(i);
            ClaimDecision d = decisions.get(i);
            String claimNo = SerialNumber.CLAIM_NUMBER.of(++serial);
            if (!ClaimTransition.DECIDE.allows(null, d.status())) {
                throw new IllegalClaimTransitionException(ClaimTransition.DECIDE, claimNo, null, d.status());
            }
            BankAccount acc = d.account();
            boolean postal = a.payoutMethod() == PayoutMethod.POSTAL;
            rows.add(new Object[]{claimNo, a.applicationId(), a.channel().name(), d.memberId(), d.walletId(),
                    d.status().name(), Reasons.join(d.reasons()), d.amountYen(), a.payoutMethod().name(),
                    acc == null ? null : acc.bankCode(), acc == null ? null : acc.branchCode(),
                    acc == null ? null : acc.accountType(), acc == null ? null : acc.accountNumber(),
                    d.holderName(), postal ? a.recipientName() : null,
                    postal && a.postalCode() != null ? a.postalCode().replace("-", "") : null,
                    postal ? a.address() : null, a.submittedAt(), runDate, runDate,
                    d.status() == ClaimStatus.APPROVED ? runDate : null,
                    d.status() == ClaimStatus.AWAITING_CONFIRMATION ? requireDeadline(confirmBy, claimNo) : null});
            events.add(new ClaimEvent(runDate, ++seq, claimNo, a.applicationId(), a.channel(), d.memberId(),
                    d.status(), Reasons.join(d.reasons()), d.amountYen(), a.payoutMethod(), null, null));
            claimNos.add(claimNo);
        }
        // PostgreSQL: one COPY per chunk; a batch of multi-row INSERTs was the decisions' largest single wait
        // at full scale (docs/benchmarks/2026-12-03-claims-by-copy.md)
        if (!PostgresCopy.into(jdbc, "COPY claim (" + DECIDED_COLUMNS + ") FROM STDIN (FORMAT csv)",
                csv -> rows.forEach(row -> PostgresCopy.appendRow(csv, row)), rows.size())) {
            jdbc.batchUpdate("INSERT INTO claim (" + DECIDED_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
        insertEvents(events);
        return claimNos;
    }

    // ---- identity checks -------------------------------------------------------------------

    /** PASS_IDENTITY_CHECK: a claim pending review is approved (one PASS clears every flag). */
    ClaimState passIdentityCheck(LocalDate runDate, ClaimState claim, String checkId) {
        return reviewOutcome(ClaimTransition.PASS_IDENTITY_CHECK, runDate, claim, ClaimStatus.APPROVED,
                ClaimReason.IDENTITY_CHECK_PASSED, checkId);
    }

    /** FAIL_IDENTITY_CHECK: a claim pending review is rejected. */
    ClaimState failIdentityCheck(LocalDate runDate, ClaimState claim, String checkId) {
        return reviewOutcome(ClaimTransition.FAIL_IDENTITY_CHECK, runDate, claim, ClaimStatus.REJECTED,
                ClaimReason.IDENTITY_CHECK_FAILED, checkId);
    }

    /** A check on a claim that is no longer pending review changes nothing; the check says so. */
    void recordCheckWithoutEffect(String checkId) {
        recordCheckEffect(checkId, "NO_EFFECT");
    }

    private void recordCheckEffect(String checkId, String effect) {
        jdbc.update("UPDATE identity_check SET effect = ? WHERE check_id = ?", effect, checkId);
    }

    private ClaimState reviewOutcome(ClaimTransition transition, LocalDate runDate, ClaimState claim,
                                     ClaimStatus to, ClaimReason reason, String checkId) {
        keepBeforeNight(runDate, List.of(claim.claimNo()));
        int updated = jdbc.update("UPDATE claim SET status = ?, reasons = ?, status_since = ?,"
                        + " approved_on = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_on END"
                        + " WHERE claim_no = ? AND status IN " + inList(transition), to.name(), reason.name(),
                runDate, to.name(), runDate, claim.claimNo());
        requireMoved(transition, to, List.of(claim.claimNo()), new int[]{updated});
        insertEvents(List.of(new ClaimEvent(runDate, lastEventSeq(runDate) + 1, claim.claimNo(),
                claim.applicationId(), claim.channel(), claim.memberId(), to, reason.name(), claim.amountYen(),
                claim.payoutMethod(), null, null)));
        recordCheckEffect(checkId, to.name());
        return claim.withStatus(to);
    }

    // ---- confirmation by the applicant (SPEC section 9) -----------------------------------------

    /**
     * AWAIT_CONFIRMATION: an identity check PASS while confirmation is required: the claim waits
     * for the applicant until the end of {@code confirmBy} instead of being approved.
     */
    ClaimState awaitConfirmation(LocalDate runDate, ClaimState claim, String checkId, LocalDate confirmBy) {
        ClaimTransition transition = ClaimTransition.AWAIT_CONFIRMATION;
        ClaimStatus to = ClaimStatus.AWAITING_CONFIRMATION;
        keepBeforeNight(runDate, List.of(claim.claimNo()));
        int updated = jdbc.update("UPDATE claim SET status = ?, reasons = ?, status_since = ?, confirm_by = ?"
                        + " WHERE claim_no = ? AND status IN " + inList(transition), to.name(),
                ClaimReason.IDENTITY_CHECK_PASSED.name(), runDate, requireDeadline(confirmBy, claim.claimNo()),
                claim.claimNo());
        requireMoved(transition, to, List.of(claim.claimNo()), new int[]{updated});
        insertEvents(List.of(event(runDate, claim, to, ClaimReason.IDENTITY_CHECK_PASSED)));
        recordCheckEffect(checkId, to.name());
        return claim.withStatus(to);
    }

    /** CONFIRM: the applicant confirmed in time; approved tonight (its approval date for scheduling). */
    ClaimState confirm(LocalDate runDate, ClaimState claim, String confirmationId) {
        return confirmationOutcome(ClaimTransition.CONFIRM, runDate, claim, ClaimStatus.APPROVED,
                ClaimReason.CONFIRMED_BY_APPLICANT, confirmationId);
    }

    /** DECLINE: the applicant disagrees; the claim goes to review with APPLICANT_DISAGREES. */
    ClaimState decline(LocalDate runDate, ClaimState claim, String confirmationId) {
        return confirmationOutcome(ClaimTransition.DECLINE, runDate, claim, ClaimStatus.PENDING_REVIEW,
                ClaimReason.APPLICANT_DISAGREES, confirmationId);
    }

    /** An answer that changes nothing (late, or the claim no longer awaits confirmation); the row says so. */
    void recordConfirmationWithoutEffect(String confirmationId) {
        jdbc.update("UPDATE confirmation SET effect = 'NO_EFFECT' WHERE confirmation_id = ?", confirmationId);
    }

    private ClaimState confirmationOutcome(ClaimTransition transition, LocalDate runDate, ClaimState claim,
                                           ClaimStatus to, ClaimReason reason, String confirmationId) {
        keepBeforeNight(runDate, List.of(claim.claimNo()));
        int updated = jdbc.update("UPDATE claim SET status = ?, reasons = ?, status_since = ?,"
                        + " approved_on = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_on END"
                        + " WHERE claim_no = ? AND status IN " + inList(transition), to.name(), reason.name(),
                runDate, to.name(), runDate, claim.claimNo());
        requireMoved(transition, to, List.of(claim.claimNo()), new int[]{updated});
        insertEvents(List.of(event(runDate, claim, to, reason)));
        jdbc.update("UPDATE confirmation SET effect = ? WHERE confirmation_id = ?", to.name(), confirmationId);
        return claim.withStatus(to);
    }

    /**
     * CONFIRMATION_LAPSED: every claim still awaiting confirmation whose {@code confirm_by} is
     * before the night becomes REJECTED NOT_CONFIRMED, in claim-number order. Returns how many.
     */
    public int lapseConfirmations(LocalDate runDate) {
        List<String> claimNos = jdbc.queryForList("SELECT claim_no FROM claim WHERE status = 'AWAITING_CONFIRMATION'"
                + " AND confirm_by < ? ORDER BY claim_no", String.class, runDate);
        Map<String, ClaimState> claims = claims(claimNos);
        List<Object[]> updates = new ArrayList<>(claimNos.size());
        List<ClaimEvent> events = new ArrayList<>(claimNos.size());
        int seq = lastEventSeq(runDate);
        ClaimTransition transition = ClaimTransition.CONFIRMATION_LAPSED;
        for (String claimNo : claimNos) {
            ClaimState c = claims.get(claimNo);
            updates.add(new Object[]{runDate, claimNo});
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.REJECTED, ClaimReason.NOT_CONFIRMED.name(), c.amountYen(), c.payoutMethod(), null,
                    null));
        }
        keepBeforeNight(runDate, claimNos);
        int[] counts = jdbc.batchUpdate("UPDATE claim SET status = 'REJECTED', reasons = 'NOT_CONFIRMED',"
                + " status_since = ? WHERE claim_no = ? AND status IN " + inList(transition), updates);
        requireMoved(transition, ClaimStatus.REJECTED, claimNos, counts);
        insertEvents(events);
        return events.size();
    }

    private ClaimEvent event(LocalDate runDate, ClaimState claim, ClaimStatus to, ClaimReason reason) {
        return new ClaimEvent(runDate, lastEventSeq(runDate) + 1, claim.claimNo(), claim.applicationId(),
                claim.channel(), claim.memberId(), to, reason.name(), claim.amountYen(), claim.payoutMethod(), null,
                null);
    }

    private static LocalDate requireDeadline(LocalDate confirmBy, String claimNo) {
        if (confirmBy == null) {
            throw new IllegalArgumentException("claim " + claimNo + " would await confirmation without a deadline");
        }
        return confirmBy;
    }

    // ---- payouts ---------------------------------------------------------------------------

    /**
     * SCHEDULE_TRANSFER: approved BANK claims go into the night's bank file for value date
     * {@code valueDate}. Returns their yen.
     */
    public long scheduleTransfers(LocalDate runDate, List<PayableClaim> claims, LocalDate valueDate,
                                  String bankFileName) {
        List<ClaimEvent> events = new ArrayList<>(claims.size());
        int seq = lastEventSeq(runDate);
        long yen = 0;
        for (PayableClaim c : claims) {
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.SCHEDULED, "", c.amountYen(), PayoutMethod.BANK, valueDate, bankFileName));
            yen += c.amountYen();
        }
        ClaimTransition transition = ClaimTransition.SCHEDULE_TRANSFER;
        keepBeforeNight(runDate, claimNos(claims));
        String set = "UPDATE claim SET status = 'SCHEDULED', status_since = ?, payout_date = ?, reference = ?,"
                + " emitted_on = ? WHERE ";
        String from = " AND payout_method = 'BANK' AND status IN " + inList(transition);
        if (kind() == DatabaseKind.POSTGRESQL) {
            // every transfer of the night gets the same values: one statement for them all (a statement per
            // claim was the scheduler's whole time there), the claims joined from one array
            KeySet keys = KeySet.text(claimNos(claims));
            int moved = jdbc.update(set + "claim_no IN (SELECT CAST(k.id AS CHAR(10)) FROM " + KeySet.TEXT_KEYS + ")"
                    + from, ps -> {
                        ps.setObject(1, runDate);
                        ps.setObject(2, valueDate);
                        ps.setString(3, bankFileName);
                        ps.setObject(4, runDate);
                        keys.bindAt(ps, 5);
                    });
            requireAllMoved(transition, claims, moved, valueDate, bankFileName);
        } else {
            List<Object[]> updates = claims.stream()
                    .map(c -> new Object[]{runDate, valueDate, bankFileName, runDate, c.claimNo()}).toList();
            int[] counts = jdbc.batchUpdate(set + "claim_no = ?" + from, updates);
            requireMoved(transition, ClaimStatus.SCHEDULED, claimNos(claims), counts);
        }
        insertEvents(events);
        return yen;
    }

    /**
     * ISSUE_CERTIFICATE: approved POSTAL claims get the next certificate numbers, in the
     * order given, for issue date {@code issueDate}, valid until {@code validUntil}.
     * Returns their yen.
     */
    public long issueCertificates(LocalDate runDate, List<PayableClaim> claims, LocalDate issueDate,
                                  LocalDate validUntil) {
        // after every number ever issued: a reissued claim's old certificate is only in certificate
        String last = jdbc.queryForObject("SELECT MAX(n) FROM (SELECT MAX(certificate_no) n FROM claim"
                + " UNION ALL SELECT MAX(certificate_no) n FROM certificate) issued", String.class);
        long serial = last == null ? SerialNumber.FIRST_SERIAL - 1 : SerialNumber.CERTIFICATE_NUMBER.serialOf(last);
        List<Object[]> updates = new ArrayList<>(claims.size());
        List<ClaimEvent> events = new ArrayList<>(claims.size());
        int seq = lastEventSeq(runDate);
        long yen = 0;
        for (PayableClaim c : claims) {
            String certificateNo = SerialNumber.CERTIFICATE_NUMBER.of(++serial);
            updates.add(new Object[]{runDate, issueDate, certificateNo, runDate, certificateNo, validUntil,
                    c.claimNo()});
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.SCHEDULED, "", c.amountYen(), PayoutMethod.POSTAL, issueDate, certificateNo));
            yen += c.amountYen();
        }
        ClaimTransition transition = ClaimTransition.ISSUE_CERTIFICATE;
        keepBeforeNight(runDate, claimNos(claims));
        int[] counts = jdbc.batchUpdate("UPDATE claim SET status = 'SCHEDULED', status_since = ?, payout_date = ?,"
                + " reference = ?, emitted_on = ?, certificate_no = ?, valid_until = ? WHERE claim_no = ?"
                + " AND payout_method = 'POSTAL' AND status IN " + inList(transition), updates);
        requireMoved(transition, ClaimStatus.SCHEDULED, claimNos(claims), counts);
        // each certificate as printed: a later reissue changes the claim, never this record
        jdbc.batchUpdate("INSERT INTO certificate (certificate_no, claim_no, recipient_name, postal_code, address,"
                + " amount_yen, issue_date, valid_until, issued_on) SELECT certificate_no, claim_no, recipient_name,"
                + " postal_code, address, amount_yen, payout_date, valid_until, emitted_on FROM claim"
                + " WHERE claim_no = ?", claimNos(claims).stream().map(n -> new Object[]{n}).toList());
        insertEvents(events);
        return yen;
    }

    /**
     * RETURN_TRANSFER: the bank sent these transfers back, in this order; each claim becomes
     * RETURNED with the bank's reason (its money is refundable again).
     */
    public int returnTransfers(LocalDate runDate, List<TransferReturn> returns) {
        Map<String, ClaimState> claims = claims(returns.stream().map(TransferReturn::claimNo).toList());
        List<Object[]> updates = new ArrayList<>(returns.size());
        List<ClaimEvent> events = new ArrayList<>(returns.size());
        int seq = lastEventSeq(runDate);
        ClaimTransition transition = ClaimTransition.RETURN_TRANSFER;
        for (TransferReturn r : returns) {
            ClaimState c = claims.get(r.claimNo());
            if (c == null || c.payoutMethod() != PayoutMethod.BANK) {
                throw new IllegalClaimTransitionException(transition, r.claimNo(), c == null ? null : c.status(),
                        ClaimStatus.RETURNED);
            }
            updates.add(new Object[]{r.reason(), runDate, r.claimNo()});
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.RETURNED, r.reason(), c.amountYen(), PayoutMethod.BANK, c.payoutDate(),
                    c.reference()));
        }
        keepBeforeNight(runDate, returns.stream().map(TransferReturn::claimNo).toList());
        int[] counts = jdbc.batchUpdate("UPDATE claim SET status = 'RETURNED', reasons = ?, status_since = ?"
                + " WHERE claim_no = ? AND status IN " + inList(transition), updates);
        requireMoved(transition, ClaimStatus.RETURNED, returns.stream().map(TransferReturn::claimNo).toList(), counts);
        insertEvents(events);
        return events.size();
    }

    // ---- certificates after issue (SPEC section 10) -------------------------------------------

    /**
     * REDEEM_CERTIFICATE: Japan Post Bank cashed these certificates, in this order; each must
     * be its claim's current certificate, and the claim becomes PAID. Returns how many.
     */
    public int redeemCertificates(LocalDate runDate, List<CertificateRedemption> redemptions) {
        List<String> claimNos = redemptions.stream().map(CertificateRedemption::claimNo).toList();
        Map<String, ClaimState> claims = claims(claimNos);
        List<Object[]> updates = new ArrayList<>(redemptions.size());
        List<Object[]> certificates = new ArrayList<>(redemptions.size());
        List<ClaimEvent> events = new ArrayList<>(redemptions.size());
        int seq = lastEventSeq(runDate);
        ClaimTransition transition = ClaimTransition.REDEEM_CERTIFICATE;
        for (CertificateRedemption r : redemptions) {
            ClaimState c = claims.get(r.claimNo());
            if (c == null || c.payoutMethod() != PayoutMethod.POSTAL) {
                throw new IllegalClaimTransitionException(transition, r.claimNo(), c == null ? null : c.status(),
                        ClaimStatus.PAID);
            }
            updates.add(new Object[]{runDate, r.claimNo(), r.certificateNo()});
            certificates.add(new Object[]{r.redemptionId(), runDate, r.certificateNo()});
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.PAID, "", c.amountYen(), PayoutMethod.POSTAL, c.payoutDate(), r.certificateNo()));
        }
        keepBeforeNight(runDate, claimNos);
        int[] counts = jdbc.batchUpdate("UPDATE claim SET status = 'PAID', status_since = ? WHERE claim_no = ?"
                + " AND certificate_no = ? AND payout_method = 'POSTAL' AND status IN " + inList(transition), updates);
        requireMoved(transition, ClaimStatus.PAID, claimNos, counts);
        jdbc.batchUpdate("UPDATE certificate SET redemption_id = ?, redeemed_on = ? WHERE certificate_no = ?",
                certificates);
        insertEvents(events);
        return events.size();
    }

    /**
     * EXPIRE_CERTIFICATE: every SCHEDULED POSTAL claim whose certificate was valid only until
     * a day before {@code validBefore} becomes EXPIRED, in claim-number order. Returns how many.
     */
    public int expireCertificates(LocalDate runDate, LocalDate validBefore) {
        List<String> claimNos = jdbc.queryForList("SELECT claim_no FROM claim WHERE status = 'SCHEDULED'"
                + " AND payout_method = 'POSTAL' AND valid_until < ? ORDER BY claim_no", String.class, validBefore);
        Map<String, ClaimState> claims = claims(claimNos);
        List<Object[]> updates = new ArrayList<>(claimNos.size());
        List<ClaimEvent> events = new ArrayList<>(claimNos.size());
        int seq = lastEventSeq(runDate);
        ClaimTransition transition = ClaimTransition.EXPIRE_CERTIFICATE;
        for (String claimNo : claimNos) {
            ClaimState c = claims.get(claimNo);
            updates.add(new Object[]{runDate, claimNo});
            events.add(new ClaimEvent(runDate, ++seq, c.claimNo(), c.applicationId(), c.channel(), c.memberId(),
                    ClaimStatus.EXPIRED, "", c.amountYen(), PayoutMethod.POSTAL, c.payoutDate(), c.reference()));
        }
        keepBeforeNight(runDate, claimNos);
        int[] counts = jdbc.batchUpdate("UPDATE claim SET status = 'EXPIRED', status_since = ? WHERE claim_no = ?"
                + " AND payout_method = 'POSTAL' AND status IN " + inList(transition), updates);
        requireMoved(transition, ClaimStatus.EXPIRED, claimNos, counts);
        insertEvents(events);
        return events.size();
    }

    /**
     * REISSUE_CERTIFICATE: the claim's certificate becomes void (for Japan Post Bank's list),
     * the new address, if any, becomes the claim's mailing address, and the claim is APPROVED
     * again ({@code REISSUE_<reason>}, approved tonight, so scheduling gives it a new number and
     * validity) or, when {@code toReview}, PENDING_REVIEW with {@code MAILING_ADDRESS_CHANGED}.
     */
    public ClaimStatus reissueCertificate(LocalDate runDate, ReissueRequest request, boolean toReview) {
        ClaimTransition transition = ClaimTransition.REISSUE_CERTIFICATE;
        ClaimStatus to = toReview ? ClaimStatus.PENDING_REVIEW : ClaimStatus.APPROVED;
        ClaimReason reason = toReview ? ClaimReason.MAILING_ADDRESS_CHANGED : request.reason().approvalReason();
        ClaimState c = claims(List.of(request.claimNo())).get(request.claimNo());
        if (c == null || c.payoutMethod() != PayoutMethod.POSTAL) {
            throw new IllegalClaimTransitionException(transition, request.claimNo(), c == null ? null : c.status(),
                    to);
        }
        keepBeforeNight(runDate, List.of(request.claimNo()));
        int updated = jdbc.update("UPDATE claim SET status = ?, reasons = ?, status_since = ?,"
                        + " approved_on = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_on END,"
                        + " postal_code = COALESCE(?, postal_code), address = COALESCE(?, address)"
                        + " WHERE claim_no = ? AND payout_method = 'POSTAL' AND status IN " + inList(transition),
                to.name(), reason.name(), runDate, to.name(), runDate, request.postalCode(), request.address(),
                request.claimNo());
        requireMoved(transition, to, List.of(request.claimNo()), new int[]{updated});
        jdbc.update("UPDATE certificate SET voided_on = ?, void_reason = ? WHERE certificate_no = ?"
                + " AND voided_on IS NULL", runDate, request.reason().name(), c.reference());
        insertEvents(List.of(new ClaimEvent(runDate, lastEventSeq(runDate) + 1, c.claimNo(), c.applicationId(),
                c.channel(), c.memberId(), to, reason.name(), c.amountYen(), PayoutMethod.POSTAL, null,
                c.reference())));
        return to;
    }

    // ---- a night that starts over (issue 38) ---------------------------------------------------

    /**
     * Takes back everything night {@code runDate} did to claims and certificates, so that it can
     * run again from its ingest as if for the first time: its own claims, events and certificates
     * go (their claim and certificate numbers are free again: numbers follow the highest written),
     * the certificates it redeemed or voided are as before, and every claim of an earlier night it
     * changed gets back the columns kept before the night first changed it.
     */
    void forgetNight(LocalDate runDate) {
        jdbc.update("DELETE FROM claim WHERE decided_on = ?", runDate);
        jdbc.update("DELETE FROM claim_event WHERE run_date = ?", runDate);
        jdbc.update("DELETE FROM certificate WHERE issued_on = ?", runDate);
        jdbc.update("UPDATE certificate SET redemption_id = NULL, redeemed_on = NULL WHERE redeemed_on = ?", runDate);
        jdbc.update("UPDATE certificate SET voided_on = NULL, void_reason = NULL WHERE voided_on = ?", runDate);
        String restore = CHANGING_COLUMNS.stream().map(c -> c + " = (SELECT b." + c + " FROM claim_before_night b"
                + " WHERE b.run_date = ? AND b.claim_no = claim.claim_no)")
                .collect(java.util.stream.Collectors.joining(", "));
        Object[] dates = java.util.Collections.nCopies(CHANGING_COLUMNS.size() + 1, runDate).toArray();
        jdbc.update("UPDATE claim SET " + restore + " WHERE claim_no IN (SELECT claim_no FROM claim_before_night"
                + " WHERE run_date = ?)", dates);
        jdbc.update("DELETE FROM claim_before_night WHERE run_date = ?", runDate);
    }

    /** A completed night never starts over: what it kept to do so goes with its completion. */
    public void nightCompleted(LocalDate runDate) {
        jdbc.update("DELETE FROM claim_before_night WHERE run_date <= ?", runDate);
    }

    /**
     * Keeps, once per night, the changing columns of claims decided on an earlier night, before
     * the night changes them (in the change's transaction): what {@link #forgetNight} puts back.
     * The night's own claims need nothing kept (they go): they are told apart by number, without
     * a statement, so the first night of a book schedules its claims at no extra cost.
     */
    private void keepBeforeNight(LocalDate runDate, Collection<String> claimNos) {
        String lastEarlier = lastClaimBefore(runDate);
        if (lastEarlier == null) {
            return;
        }
        List<String> earlier = claimNos.stream().filter(n -> n.compareTo(lastEarlier) <= 0).distinct().toList();
        if (earlier.isEmpty()) {
            return;
        }
        String insert = "INSERT INTO claim_before_night (run_date, claim_no, " + String.join(", ", CHANGING_COLUMNS)
                + ") SELECT ?, c.claim_no, " + CHANGING_COLUMNS.stream().map(c -> "c." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        String notKept = "NOT EXISTS (SELECT 1 FROM claim_before_night b WHERE b.run_date = ?"
                + " AND b.claim_no = c.claim_no)";
        if (earlier.size() == 1) { // an identity check or an answer: one claim, one index step
            jdbc.update(insert + " FROM claim c WHERE c.claim_no = ? AND " + notKept, runDate, earlier.get(0), runDate);
            return;
        }
        KeySet keys = KeySet.text(earlier);
        jdbc.update(insert + " FROM " + KeySet.TEXT_KEYS + " JOIN claim c ON c.claim_no = k.id WHERE " + notKept,
                ps -> {
                    ps.setObject(1, runDate);
                    keys.bindAt(ps, 2);
                    ps.setObject(3, runDate);
                });
    }

    /** The night {@link #lastClaimBefore} was read for, and what it was. */
    private record EarlierClaims(LocalDate runDate, String last) {
    }

    private volatile EarlierClaims earlierClaims;

    /**
     * The highest claim number decided before the night (null: none). Claim numbers only grow, so
     * every claim above it is the night's own; read once per night (no claim of an earlier night
     * is made while it runs).
     */
    private String lastClaimBefore(LocalDate runDate) {
        EarlierClaims known = earlierClaims;
        if (known == null || !known.runDate().equals(runDate)) {
            known = new EarlierClaims(runDate, jdbc.queryForObject("SELECT MAX(claim_no) FROM claim"
                    + " WHERE decided_on < ?", String.class, runDate));
            earlierClaims = known;
        }
        return known.last();
    }

    // ---- shared by every transition ----------------------------------------------------------

    /** Claims by number, as they stand (for a transition that repeats their details in its event). */
    Map<String, ClaimState> claims(Collection<String> claimNos) {
        Map<String, ClaimState> claims = new HashMap<>();
        if (claimNos.isEmpty()) {
            return claims;
        }
        jdbc.query("SELECT c.claim_no, c.application_id, c.channel, c.member_id, c.status, c.amount_yen,"
                        + " c.payout_method, c.payout_date, c.reference FROM " + KeySet.TEXT_KEYS
                        + " JOIN claim c ON c.claim_no = k.id", KeySet.text(claimNos).asFirstParameter(),
                rs -> {
                    ClaimState c = ClaimBook.STATE.mapRow(rs, 0);
                    claims.put(c.claimNo(), c);
                });
        return claims;
    }

    /** Every update of a batch moved its claim, or the transition was illegal for the claim that did not move. */
    private void requireMoved(ClaimTransition transition, ClaimStatus to, List<String> claimNos, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) { // (a driver that cannot count a batch says SUCCESS_NO_INFO, -2: not zero)
                String claimNo = claimNos.get(i);
                ClaimState now = claims(List.of(claimNo)).get(claimNo);
                throw new IllegalClaimTransitionException(transition, claimNo, now == null ? null : now.status(),
                        to);
            }
        }
    }

    /**
     * After one statement moved {@code moved} of {@code claims}: fails naming the first claim that did
     * not move (its status is not one the transition starts from) unless all did.
     */
    private void requireAllMoved(ClaimTransition transition, List<PayableClaim> claims, int moved,
                                 LocalDate payoutDate, String reference) {
        if (moved == claims.size()) {
            return;
        }
        Map<String, ClaimState> now = claims(claimNos(claims));
        for (PayableClaim c : claims) {
            ClaimState state = now.get(c.claimNo());
            if (state == null || state.status() != ClaimStatus.SCHEDULED || !payoutDate.equals(state.payoutDate())
                    || !reference.equals(state.reference())) {
                throw new IllegalClaimTransitionException(transition, c.claimNo(), state == null ? null
                        : state.status(), ClaimStatus.SCHEDULED);
            }
        }
        throw new IllegalStateException(transition + " moved " + moved + " of " + claims.size() + " claims");
    }

    private DatabaseKind kind() {
        if (kind == null) {
            kind = DatabaseKind.of(jdbc);
        }
        return kind;
    }

    private static List<String> claimNos(List<PayableClaim> claims) {
        return claims.stream().map(PayableClaim::claimNo).toList();
    }

    private static String inList(ClaimTransition transition) {
        return transition.from().stream().map(s -> "'" + s.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private long lastClaimSerial() {
        String last = jdbc.queryForObject("SELECT MAX(claim_no) FROM claim", String.class);
        return last == null ? SerialNumber.FIRST_SERIAL - 1 : SerialNumber.CLAIM_NUMBER.serialOf(last);
    }

    /** The night's last event number: along the primary key backwards, one index step. */
    private int lastEventSeq(LocalDate runDate) {
        List<Integer> last = jdbc.queryForList("SELECT seq FROM claim_event WHERE run_date = ?"
                + " ORDER BY run_date DESC, seq DESC FETCH FIRST 1 ROWS ONLY", Integer.class, runDate);
        return last.isEmpty() ? 0 : last.get(0);
    }

    private void insertEvents(List<ClaimEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (PostgresCopy.into(jdbc, "COPY claim_event (" + EVENT_COLUMNS + ") FROM STDIN (FORMAT csv)",
                csv -> events.forEach(e -> PostgresCopy.appendRow(csv, e.runDate(), e.seq(), e.claimNo(),
                        e.applicationId(), e.channel(), e.memberId(), e.status(), e.reasons(), e.amountYen(),
                        e.payoutMethod(), e.payoutDate(), e.reference())), events.size())) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO claim_event (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events, events.size(), (ps, e) -> {
            ps.setObject(1, e.runDate());
            ps.setInt(2, e.seq());
            ps.setString(3, e.claimNo());
            ps.setString(4, e.applicationId());
            ps.setString(5, e.channel().name());
            ps.setString(6, e.memberId());
            ps.setString(7, e.status().name());
            ps.setString(8, e.reasons());
            ps.setLong(9, e.amountYen());
            ps.setString(10, e.payoutMethod().name());
            ps.setObject(11, e.payoutDate());
            ps.setString(12, e.reference());
        });
    }
}
