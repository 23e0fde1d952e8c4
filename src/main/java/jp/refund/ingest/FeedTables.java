package jp.refund.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of every feed, with the feed's rule that needs the book. */
@Component
class FeedTables {

    private final Map<Feed, FeedTable> tables = new EnumMap<>(Feed.class);

    FeedTables(JdbcTemplate jdbc, OneWalletPerMember oneWalletPerMember, KnownApplications knownApplications,
               EmittedTransferReturns emittedTransferReturns) {
        Map<Feed, BookRule> rules = Map.of(
                Feed.CLOSING_BALANCES, oneWalletPerMember,
                Feed.IDENTITY_CHECKS, knownApplications,
                Feed.BANK_RETURNS, emittedTransferReturns);
        for (Feed feed : Feed.values()) {
            tables.put(feed, new FeedTable(jdbc, feed, rules.getOrDefault(feed, BookRule.NONE)));
        }
    }

    FeedTable of(Feed feed) {
        return tables.get(feed);
    }
}
