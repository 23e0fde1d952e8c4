package jp.refund.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.refund.shared.ProgressMeter;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one feed file (RFC 4180, header required, UTF-8 with or without
 * BOM or the feed's configured charset, CRLF or LF). Fields are split by OpenCSV's
 * RFC 4180 parser; lines are decoded strictly by {@link PhysicalLineReader} so an
 * invalid byte marks its record instead of being replaced.
 *
 * <p>Restartable: the number of records handed out is kept in the step's execution
 * context, and a restart skips that many records.
 */
public class FeedFileReader implements ItemStreamReader<FeedRecord> {

    private static final String RECORDS_READ = "records.read";

    private final Feed feed;
    private final Path file;
    private final Charset charset;
    private PhysicalLineReader lines;
    private FeedHeader header;
    private long recordsRead;
    private long fileSize;
    private ProgressMeter progress;
    private final RFC4180Parser parser = new RFC4180ParserBuilder().build();

    public FeedFileReader(Feed feed, Path file, Charset charset) {
        this.feed = feed;
        this.file = file;
        this.charset = charset;
    }

    /** Opens the file and checks its header only; used before anything is ingested. */
    public static void checkHeader(Feed feed, Path file, Charset charset) {
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
            lines = new PhysicalLineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), charset);
            FeedRecord headerRecord = nextRecord();
            if (headerRecord == null) {
                throw new BrokenFeedException(file.getFileName() + ": empty file, expected a " + feed.id()
                        + " header row");
            }
            if (!headerRecord.validEncoding() || headerRecord.raw().indexOf('\0') >= 0) {
                throw new BrokenFeedException(file.getFileName() + " line 1: not " + charset.name()
                        + " text, cannot read it as " + feed.id());
            }
            header = FeedHeader.of(feed, file.getFileName().toString(),
                    headerRecord.fields().toArray(String[]::new));
            long skip = context.getLong(RECORDS_READ, 0L);
            for (recordsRead = 0; recordsRead < skip; recordsRead++) {
                if (nextRecord() == null) {
                    throw new ItemStreamException(file + " is shorter than when the step last ran");
                }
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file, e);
        }
    }

    @Override
    public FeedRecord read() {
        if (lines == null) {
            return null;
        }
        try {
            FeedRecord record = nextRecord();
            if (record != null) {
                recordsRead++;
                progress.update(recordsRead, (double) lines.bytesConsumed() / fileSize);
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The header of the open file, for turning a record into named fields. */
    public FeedHeader header() {
        return header;
    }

    private FeedRecord nextRecord() throws IOException {
        PhysicalLineReader.Line first = lines.next();
        if (first == null) {
            return null;
        }
        List<String> fields = new ArrayList<>(feed.columns().size());
        StringBuilder raw = new StringBuilder(first.text());
        boolean validEncoding = first.validEncoding();
        fields.addAll(Arrays.asList(parser.parseLineMulti(first.text())));
        while (parser.isPending()) {
            PhysicalLineReader.Line more = lines.next();
            if (more == null) {
                return new FeedRecord(header, first.number(), fields, raw.toString(), validEncoding, true);
            }
            raw.append('\n').append(more.text());
            validEncoding &= more.validEncoding();
            fields.addAll(Arrays.asList(parser.parseLineMulti(more.text())));
        }
        return new FeedRecord(header, first.number(), fields, raw.toString(), validEncoding, false);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_READ, recordsRead);
    }

    @Override
    public void close() {
        if (lines != null) {
            try {
                lines.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + file, e);
            }
            lines = null;
        }
    }
}
