package jp.refund.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.refund.ingest.csv.CsvHeader;
import jp.refund.ingest.csv.CsvRecord;
import jp.refund.ingest.csv.CsvRecordReader;
import jp.refund.ingest.csv.RunawayQuoteException;
import jp.refund.shared.ProgressMeter;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one feed file (RFC 4180, header required, UTF-8 with or without
 * BOM or the feed's configured charset, CRLF or LF) through the CSV layer
 * ({@link CsvRecordReader}), and checks its header against the feed's declared columns:
 * a file that is not text or not that feed is a {@link BrokenFeedException}.
 *
 * <p>Restartable: the number of records handed out is kept in the step's execution
 * context, and a restart skips that many records.
 */
class FeedFileReader implements ItemStreamReader<FeedRecord> {

    private static final String RECORDS_READ = "records.read";

    private final Feed feed;
    private final Path file;
    private final Charset charset;
    private final int maxRecordLines;
    private final int maxRecordChars;
    private CsvRecordReader records;
    private CsvHeader header;
    private long recordsRead;
    private long fileSize;
    private ProgressMeter progress;

    FeedFileReader(Feed feed, Path file, Charset charset, int maxRecordLines, int maxRecordChars) {
        this.feed = feed;
        this.file = file;
        this.charset = charset;
        this.maxRecordLines = maxRecordLines;
        this.maxRecordChars = maxRecordChars;
    }

    /** A reader with the default record limits. */
    FeedFileReader(Feed feed, Path file, Charset charset) {
        this(feed, file, charset, IngestSettings.MAX_RECORD_LINES, IngestSettings.MAX_RECORD_CHARS);
    }

    /** Opens the file and checks its header only; used before anything is ingested. */
    static void checkHeader(Feed feed, Path file, Charset charset) {
        FeedFileReader reader = new FeedFileReader(feed, file, charset);
        reader.open(new ExecutionContext());
        reader.close();
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.exists(file)) {
            return; // a missing feed file means nothing new tonight
        }
        try {
            fileSize = Math.max(1, Files.size(file));
            progress = new ProgressMeter(file.getFileName().toString(), "rows");
            records = new CsvRecordReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), charset,
                    maxRecordLines, maxRecordChars);
            CsvRecord headerRecord = records.next();
            if (headerRecord == null) {
                throw new BrokenFeedException(file.getFileName() + ": empty file, expected a " + feed.id()
                        + " header row");
            }
            if (!headerRecord.validEncoding() || headerRecord.raw().indexOf('\0') >= 0) {
                throw new BrokenFeedException(file.getFileName() + " line 1: not " + charset.name()
                        + " text, cannot read it as " + feed.id());
            }
            header = CsvHeader.of(headerRecord.fields(), feed.columns());
            if (!header.problems().isEmpty()) {
                throw new BrokenFeedException(file.getFileName() + " line 1: not a " + feed.id() + " header: "
                        + String.join("; ", header.problems()));
            }
            long skip = context.getLong(RECORDS_READ, 0L);
            for (recordsRead = 0; recordsRead < skip; recordsRead++) {
                if (records.next() == null) {
                    throw new ItemStreamException(file + " is shorter than when the step last ran");
                }
            }
        } catch (RunawayQuoteException e) {
            throw broken(e);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file, e);
        }
    }

    @Override
    public FeedRecord read() {
        if (records == null) {
            return null;
        }
        try {
            CsvRecord record = records.next();
            if (record == null) {
                return null;
            }
            recordsRead++;
            progress.update(recordsRead, (double) records.bytesConsumed() / fileSize);
            return new FeedRecord(header, record);
        } catch (RunawayQuoteException e) {
            throw broken(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private BrokenFeedException broken(RunawayQuoteException e) {
        return new BrokenFeedException(file.getFileName() + " " + e.getMessage() + "; the records after it would be"
                + " lost in one rejected row, so the file counts as broken");
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_READ, recordsRead);
    }

    @Override
    public void close() {
        if (records != null) {
            try {
                records.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + file, e);
            }
            records = null;
        }
    }
}
