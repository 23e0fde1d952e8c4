package jp.refund.ingest;

import java.util.EnumMap;
import java.util.Map;
import jp.refund.claim.EmittedTransfers;
import jp.refund.claim.IssuedCertificates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of every feed, with the feed's rule that needs the book. */
@Component
class FeedTables {

    private final Map<Feed, FeedTable> tables = new EnumMap<>(Feed.class);
    private final JdbcTemplate jdbc;

    FeedTables(JdbcTemplate jdbc, EmittedTransfers emittedTransfers, IssuedCertificates issuedCertificates,
               @Value("${refund.certificate.grace-days:0}") int graceDays) {
        this.jdbc = jdbc;
        KeyLookup lookup = new KeyLookup(jdbc);
        Map<Feed, BookRule> rules = Map.of(
                Feed.MEMBERS, new NoMemberIdCaseTwins(lookup),
                Feed.CLOSING_BALANCES, new OneWalletPerMember(lookup),
                Feed.IDENTITY_CHECKS, new KnownApplications(lookup),
                Feed.BANK_RETURNS, new EmittedTransferReturns(lookup, emittedTransfers),
                Feed.CONFIRMATIONS, new KnownClaims(lookup),
                Feed.CERTIFICATE_REDEMPTIONS, new CertificateRedemptionRule(lookup, issuedCertificates, graceDays),
                Feed.CERTIFICATE_REISSUES, new ReissuableClaims(lookup, issuedCertificates));
        for (Feed feed : Feed.values()) {
            tables.put(feed, new FeedTable(feed, rules.getOrDefault(feed, BookRule.NONE), lookup));
        }
    }

    FeedTable of(Feed feed) {
        return tables.get(feed);
    }

    /** The alerts the redemption rule kept with the night's rejects (a broken night leaves none). */
    void deleteRedemptionAlerts(java.time.LocalDate runDate) {
        jdbc.update("DELETE FROM redemption_alert WHERE run_date = ?", runDate);
    }
}
