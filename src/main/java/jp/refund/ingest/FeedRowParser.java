package jp.refund.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Applies the shape checks of one feed to a record; never filters, every record comes out. */
public class FeedRowParser<R extends FeedRow> implements ItemProcessor<FeedRecord, ParsedRow<R>> {

    private final FeedTable<R> table;

    public FeedRowParser(FeedTable<R> table) {
        this.table = table;
    }

    @Override
    public ParsedRow<R> process(FeedRecord record) {
        try {
            RowFields fields = RowFields.of(record);
            R row = table.parse(fields);
            return ParsedRow.accepted(record, row, ContentHash.of(table.feed(), fields));
        } catch (RowRejection rejection) {
            return ParsedRow.rejected(record, rejection);
        }
    }
}
