package jp.refund.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of every feed. */
@Component
public class FeedTables {

    private final Map<Feed, FeedTable<?>> tables = new EnumMap<>(Feed.class);

    FeedTables(JdbcTemplate jdbc, MemberTable members, WalletTable wallets, IdentityCheckTable checks,
               BankReturnTable returns) {
        register(members);
        register(wallets);
        register(new ApplicationTable(jdbc, Feed.APPLICATIONS_APP, ApplicationRow.APP));
        register(new ApplicationTable(jdbc, Feed.APPLICATIONS_WEB, ApplicationRow.WEB));
        register(checks);
        register(returns);
    }

    private void register(FeedTable<?> table) {
        tables.put(table.feed(), table);
    }

    public FeedTable<?> of(Feed feed) {
        return tables.get(feed);
    }
}
