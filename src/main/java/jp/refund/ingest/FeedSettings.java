package jp.refund.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code refund.feeds.<feed>.charset}: the charset of a feed's files, UTF-8 (with or
 * without BOM) unless configured, e.g. {@code refund.feeds.members.charset=windows-31j}.
 */
@ConfigurationProperties("refund")
record FeedSettings(Map<String, FeedFileSettings> feeds) {

    record FeedFileSettings(Charset charset) {
    }

    FeedSettings {
        feeds = feeds == null ? Map.of() : Map.copyOf(feeds);
        for (String id : feeds.keySet()) {
            Feed.byId(id); // a misspelt feed name in the settings must not be ignored
        }
    }

    Charset charset(Feed feed) {
        FeedFileSettings settings = feeds.get(feed.id());
        return settings == null || settings.charset() == null ? StandardCharsets.UTF_8 : settings.charset();
    }
}
