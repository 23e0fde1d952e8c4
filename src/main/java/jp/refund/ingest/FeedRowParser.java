package jp.refund.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Applies the shape checks of one feed to a record; never filters, every record comes out. */
class FeedRowParser implements ItemProcessor<FeedRecord, ParsedRow> {

    private final Feed feed;

    FeedRowParser(Feed feed) {
        this.feed = feed;
    }

    @Override
    public ParsedRow process(FeedRecord record) {
        try {
            RowFields fields = RowFields.of(record);
            FeedRow row = feed.layout().parse(fields);
            return ParsedRow.accepted(record, row, ContentHash.of(feed, fields));
        } catch (RowRejection rejection) {
            return ParsedRow.rejected(record, rejection);
        }
    }
}
