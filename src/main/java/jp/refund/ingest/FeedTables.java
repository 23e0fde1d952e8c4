package jp.refund.ingest;

import java.util.EnumMap;
import java.util.Map;
import jp.refund.claim.EmittedTransfers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of every feed, with the feed's rule that needs the book. */
@Component
class FeedTables {

    private final Map<Feed, FeedTable> tables = new EnumMap<>(Feed.class);

    FeedTables(JdbcTemplate jdbc, EmittedTransfers emittedTransfers) {
        KeyLookup lookup = new KeyLookup(jdbc);
        Map<Feed, BookRule> rules = Map.of(
                Feed.MEMBERS, new NoMemberIdCaseTwins(lookup),
                Feed.CLOSING_BALANCES, new OneWalletPerMember(lookup),
                Feed.IDENTITY_CHECKS, new KnownApplications(lookup),
                Feed.BANK_RETURNS, new EmittedTransferReturns(lookup, emittedTransfers));
        for (Feed feed : Feed.values()) {
            tables.put(feed, new FeedTable(feed, rules.getOrDefault(feed, BookRule.NONE), lookup));
        }
    }

    FeedTable of(Feed feed) {
        return tables.get(feed);
    }
}
