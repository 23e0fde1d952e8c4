package jp.refund.status;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one way a look-up goes, for the pages and the API alike: admit (rate limit, daily
 * cap) → check the query (kind, length) → look up → log → the claims, or an error the
 * caller turns into its status ({@link ClaimLookup.BadQuery} 400,
 * {@link LookupLog.TooManyLookups} 429; no claim is the caller's 404 or empty list).
 */
@Component
class LookupFlow {

    /** Longer queries are refused (400) and logged cut short: no id, phone or address is this long. */
    static final int MAX_QUERY = 100;

    private final ClaimLookup lookup;
    private final LookupLog log;

    LookupFlow(ClaimLookup lookup, LookupLog log) {
        this.lookup = lookup;
        this.log = log;
    }

    /** Claims found for one query of a kind of {@link ClaimLookup#KINDS} (anything else is a logged 400). */
    List<ClaimView> find(String username, String client, String kind, String value) {
        String loggedKind = ClaimLookup.KINDS.contains(kind) ? kind : "invalid";
        log.admit(username, client);
        if (loggedKind.equals("invalid")) {
            log.log(username, loggedKind, kind, 0, "BAD_REQUEST");
            throw new ClaimLookup.BadQuery("search by one of " + ClaimLookup.KINDS);
        }
        if (value != null && value.length() > MAX_QUERY) {
            log.log(username, loggedKind, value, 0, "TOO_LONG");
            throw new ClaimLookup.BadQuery("a query has at most " + MAX_QUERY + " characters");
        }
        try {
            List<ClaimView> claims = lookup.find(kind, value);
            log.log(username, kind, value, claims.size(), claims.isEmpty() ? "NOT_FOUND" : "OK");
            return claims;
        } catch (ClaimLookup.BadQuery e) {
            log.log(username, kind, value, 0, "BAD_REQUEST");
            throw e;
        }
    }
}
