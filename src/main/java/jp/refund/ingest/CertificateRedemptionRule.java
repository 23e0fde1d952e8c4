package jp.refund.ingest;

import static jp.refund.ingest.CertificateRedemptionColumns.AMOUNT_YEN;
import static jp.refund.ingest.CertificateRedemptionColumns.CERTIFICATE_NO;
import static jp.refund.ingest.CertificateRedemptionColumns.OFFICE_CODE;
import static jp.refund.ingest.CertificateRedemptionColumns.REDEEMED_AT;
import static jp.refund.ingest.CertificateRedemptionColumns.REDEMPTION_ID;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.refund.claim.ClaimStatus;
import jp.refund.claim.IssuedCertificates;

/**
 * A redemption must name the current certificate of a SCHEDULED POSTAL claim, cashed on or
 * before its valid-until date + {@code refund.certificate.grace-days} (JST), for its exact
 * amount (SPEC section 10); the first broken rule names the reject: IMPOSSIBLE_TIMESTAMP (cashed
 * after the night it arrives in), UNKNOWN_CERTIFICATE (never issued), IMPOSSIBLE_TIMESTAMP (cashed
 * before the certificate's issue date), VOID_CERTIFICATE (replaced by a reissue), ALREADY_REDEEMED,
 * EXPIRED_CERTIFICATE, AMOUNT_MISMATCH. Each such reject is also a line of
 * {@code reports/redemption-alerts.csv}, every cell as received.
 *
 * <p>Redemptions apply oldest {@code redeemed_at} first: a chunk's rows are judged in that
 * order (ties: redemption_id), so of two cashings of one certificate the later one is the
 * alert whatever the file's order. (Across chunks of {@code refund.ingest.chunk-size} rows the
 * file's order stands.) Nothing a night does between ingest and applying the redemptions
 * changes a certificate, so judging at ingest is judging when applied.
 */
record CertificateRedemptionRule(KeyLookup lookup, IssuedCertificates issued, int graceDays) implements BookRule {


    @Override
    public Check prepare(List<FeedRow> candidates, LocalDate runDate) {
        List<String> numbers = candidates.stream().map(row -> row.get(CERTIFICATE_NO)).distinct().toList();
        Map<String, IssuedCertificates.Issued> certificates = issued.find(numbers);
        // accepted on an earlier night or earlier in this one (applied or not yet)
        Set<String> redeemed = new HashSet<>(lookup.find("certificate_redemption", "certificate_no",
                "certificate_no", numbers).keySet());
        Set<String> known = lookup.find("certificate_redemption", "redemption_id", "redemption_id",
                candidates.stream().map(FeedRow::key).toList()).keySet();
        Map<FeedRow, RowRejection> outcomes = new IdentityHashMap<>();
        candidates.stream().filter(row -> !known.contains(row.key()))
                .sorted(Comparator.comparing((FeedRow row) -> row.get(REDEEMED_AT).toInstant())
                        .thenComparing(FeedRow::key))
                .forEach(row -> {
                    RowRejection rejection = judge(row, certificates.get(row.get(CERTIFICATE_NO)), redeemed, runDate);
                    if (rejection == null) {
                        redeemed.add(row.get(CERTIFICATE_NO));
                    }
                    outcomes.put(row, rejection);
                });
        return new Check() {
            @Override
            public RowRejection check(FeedRow row) {
                return outcomes.get(row);
            }

            @Override
            public void rejected(FeedRow row, FeedRecord received, FeedReject reject) {
                // every cell as received: Japan Post Bank searches for its own row (issue 37); and every
                // rejected row, whatever the reason, with its raw line (issue 38): a cashing refused for
                // its shape, or merged into a neighbour by a bare CR, would otherwise leave its
                // certificate SCHEDULED, to expire and be reissued: the same money paid twice
                lookup.jdbc().update("INSERT INTO redemption_alert (run_date, line_number, redemption_id,"
                                + " certificate_no, redeemed_at, office_code, amount_yen, reason, raw_line)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", runDate, reject.lineNumber(),
                        cell(received, REDEMPTION_ID, 40), cell(received, CERTIFICATE_NO, 40),
                        cell(received, REDEEMED_AT, 64), cell(received, OFFICE_CODE, 10),
                        cell(received, AMOUNT_YEN, 15), reject.reason().name(), rawLine(received.raw()));
            }
        };
    }

    /** The longest raw line an alert keeps: a longer one is no cashing, and its reject keeps it whole. */
    static final int MAX_RAW_LINE = 100_000;

    /**
     * A cell as received when the record has its header's columns and the cell fits the alert's
     * column; otherwise null (the raw line has it).
     */
    private static String cell(FeedRecord received, FeedColumn<?> column, int width) {
        if (received.fields().size() != received.header().size()) {
            return null;
        }
        String value = received.cell(column.name());
        return value == null || value.length() > width ? null : value;
    }

    private static String rawLine(String raw) {
        return raw.length() <= MAX_RAW_LINE ? raw : raw.substring(0, MAX_RAW_LINE) + "... ("
                + (raw.length() - MAX_RAW_LINE) + " more characters in the rejects file)";
    }

    private RowRejection judge(FeedRow row, IssuedCertificates.Issued certificate, Set<String> redeemed,
                               LocalDate runDate) {
        String number = row.get(CERTIFICATE_NO);
        RowRejection future = NightDates.afterTheNight(REDEEMED_AT, row.get(REDEEMED_AT), runDate);
        if (future != null) {
            return future;
        }
        if (certificate == null) {
            return reject(RejectReason.UNKNOWN_CERTIFICATE, CERTIFICATE_NO, "no certificate " + number
                    + " was ever issued");
        }
        LocalDate cashedOn = NightDates.inJapan(row.get(REDEEMED_AT));
        if (cashedOn.isBefore(certificate.issueDate())) {
            return reject(RejectReason.IMPOSSIBLE_TIMESTAMP, REDEEMED_AT, "certificate " + number + " was issued on "
                    + certificate.issueDate() + ", after it was cashed on " + cashedOn);
        }
        if (certificate.voided()) {
            return reject(RejectReason.VOID_CERTIFICATE, CERTIFICATE_NO, "certificate " + number
                    + " was replaced by a reissue and is void");
        }
        if (certificate.redeemed() || redeemed.contains(number) || certificate.claimStatus() == ClaimStatus.PAID) {
            return reject(RejectReason.ALREADY_REDEEMED, CERTIFICATE_NO, "certificate " + number
                    + " was already redeemed");
        }
        LocalDate lastDay = certificate.validUntil().plusDays(graceDays);
        if (cashedOn.isAfter(lastDay) || certificate.claimStatus() != ClaimStatus.SCHEDULED) {
            return reject(RejectReason.EXPIRED_CERTIFICATE, REDEEMED_AT, "certificate " + number + " was valid until "
                    + certificate.validUntil() + (graceDays > 0 ? " + " + graceDays + " grace day(s)" : "")
                    + (cashedOn.isAfter(lastDay) ? ", cashed on " + cashedOn : "; its claim is "
                    + certificate.claimStatus()));
        }
        if (certificate.amountYen() != row.get(AMOUNT_YEN)) {
            return reject(RejectReason.AMOUNT_MISMATCH, AMOUNT_YEN, "certificate " + number + " is for "
                    + certificate.amountYen() + " yen, not " + row.get(AMOUNT_YEN));
        }
        return null;
    }

    private static RowRejection reject(RejectReason reason, FeedColumn<?> column, String message) {
        return new RowRejection(reason, column.name(), message);
    }
}
