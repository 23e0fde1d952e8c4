package jp.refund;

import jp.refund.ingest.Feed;

/** Header rows of the feeds, for tests that write small feed files inline. */
public final class FeedHeaders {

    public static final String MEMBERS = header(Feed.MEMBERS);
    public static final String WALLETS = header(Feed.CLOSING_BALANCES);
    public static final String APP = header(Feed.APPLICATIONS_APP);
    public static final String WEB = header(Feed.APPLICATIONS_WEB);
    public static final String CHECKS = header(Feed.IDENTITY_CHECKS);
    public static final String RETURNS = header(Feed.BANK_RETURNS);
    public static final String REDEMPTIONS = header(Feed.CERTIFICATE_REDEMPTIONS);
    public static final String REISSUES = header(Feed.CERTIFICATE_REISSUES);
    public static final String CONFIRMATIONS = header(Feed.CONFIRMATIONS);

    private FeedHeaders() {
    }

    private static String header(Feed feed) {
        return String.join(",", feed.columns()) + "\n";
    }
}
