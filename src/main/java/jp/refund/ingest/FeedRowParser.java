package jp.refund.ingest;

import java.util.function.ToIntFunction;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies the shape checks of one feed to a record; never filters, every record comes out.
 * Every amount also has a plausibility ceiling ({@code refund.ingest.max-balance-yen}): far
 * below what a bank file's 10 digits carry, so nothing accepted here can stop a later step.
 */
class FeedRowParser implements ItemProcessor<FeedRecord, ParsedRow> {

    private final Feed feed;
    private final long maxAmountYen;
    private final ToIntFunction<FeedColumn<?>> maxLength;

    /** {@code maxLength}: how many characters the table column of a text column holds. */
    FeedRowParser(Feed feed, long maxAmountYen, ToIntFunction<FeedColumn<?>> maxLength) {
        this.feed = feed;
        this.maxAmountYen = maxAmountYen;
        this.maxLength = maxLength;
    }

    @Override
    public ParsedRow process(FeedRecord record) {
        try {
            RowFields fields = RowFields.of(record);
            FeedRow row = feed.layout().parse(fields);
            requireFittingTexts(row);
            requirePlausibleAmounts(row);
            return ParsedRow.accepted(record, row, ContentHash.of(feed, fields));
        } catch (RowRejection rejection) {
            return ParsedRow.rejected(record, rejection);
        }
    }

    private void requireFittingTexts(FeedRow row) throws RowRejection {
        for (FeedColumn<?> column : feed.layout().columns()) {
            if (row.get(column) instanceof String text && text.length() > maxLength.applyAsInt(column)) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, column.name(), column.name() + " is "
                        + text.length() + " characters long; at most " + maxLength.applyAsInt(column) + " are kept");
            }
        }
    }

    private void requirePlausibleAmounts(FeedRow row) throws RowRejection {
        for (FeedColumn<?> column : feed.layout().columns()) {
            if (column.rule() == ColumnRule.AMOUNT && row.get(column) instanceof Long yen && yen > maxAmountYen) {
                throw new RowRejection(RejectReason.INVALID_FORMAT, column.name(), column.name() + " " + yen
                        + " is above the plausible ceiling of " + maxAmountYen + " yen (refund.ingest.max-balance-yen)");
            }
        }
    }
}
