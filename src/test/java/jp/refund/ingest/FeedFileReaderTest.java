package jp.refund.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class FeedFileReaderTest {

    private static final String CHECKS_HEADER = "check_id,application_id,checked_at,result,document_type,reviewer_id,note";

    @TempDir
    Path dir;

    private List<FeedRecord> readAll(Feed feed, byte[] content, Charset charset) throws IOException {
        Path file = Files.write(dir.resolve(feed.fileName()), content);
        FeedFileReader reader = new FeedFileReader(feed, file, charset);
        reader.open(new ExecutionContext());
        List<FeedRecord> records = new ArrayList<>();
        for (FeedRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        reader.close();
        return records;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bomCrlfAndLfReadTheSame() throws IOException {
        String body = "C1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,ok";
        List<FeedRecord> lf = readAll(Feed.IDENTITY_CHECKS, utf8(CHECKS_HEADER + "\n" + body + "\n"),
                StandardCharsets.UTF_8);
        byte[] bomCrlf = utf8("\uFEFF" + CHECKS_HEADER + "\r\n" + body + "\r\n");
        List<FeedRecord> crlf = readAll(Feed.IDENTITY_CHECKS, bomCrlf, StandardCharsets.UTF_8);

        assertThat(lf).hasSize(1);
        assertThat(crlf).hasSize(1);
        assertThat(crlf.get(0).fields()).isEqualTo(lf.get(0).fields());
        assertThat(crlf.get(0).fields()).containsExactly("C1", "A1", "2019-10-01T09:00:00+09:00", "PASS",
                "PASSPORT", "R1", "ok");
    }

    @Test
    void quotedFieldsMaySpanLinesAndTheRecordKeepsItsFirstLineNumber() throws IOException {
        String content = CHECKS_HEADER + "\n"
                + "C1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,\"first line\nsecond, \"\"quoted\"\"\"\n"
                + "C2,A2,2019-10-01T09:00:00+09:00,FAIL,PASSPORT,R1,\n";
        List<FeedRecord> records = readAll(Feed.IDENTITY_CHECKS, utf8(content), StandardCharsets.UTF_8);

        assertThat(records).extracting(FeedRecord::lineNumber).containsExactly(2, 4);
        assertThat(records.get(0).fields().get(6)).isEqualTo("first line\nsecond, \"quoted\"");
        assertThat(records.get(0).raw()).contains("first line\nsecond");
    }

    @Test
    void invalidUtf8BytesMarkTheRecordAndAreShownNotReplaced() throws IOException {
        byte[] header = utf8(CHECKS_HEADER + "\n");
        byte[] bad = {'C', '1', ',', 'A', '1', ',', (byte) 0xFF, (byte) 0xFE, '\n'};
        byte[] good = utf8("C2,A2,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,\n");
        byte[] content = new byte[header.length + bad.length + good.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(bad, 0, content, header.length, bad.length);
        System.arraycopy(good, 0, content, header.length + bad.length, good.length);

        List<FeedRecord> records = readAll(Feed.IDENTITY_CHECKS, content, StandardCharsets.UTF_8);

        assertThat(records.get(0).validEncoding()).isFalse();
        assertThat(records.get(0).raw()).isEqualTo("C1,A1,\\xFF\\xFE");
        assertThat(records.get(0).raw()).doesNotContain("\uFFFD");
        assertThat(records.get(1).validEncoding()).isTrue();
    }

    @Test
    void windows31jFeedDecodesToTheSameText() throws IOException {
        Charset sjis = Charset.forName("windows-31j");
        String content = CHECKS_HEADER + "\r\nC1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,髙橋様 ①確認済\r\n";
        List<FeedRecord> records = readAll(Feed.IDENTITY_CHECKS, content.getBytes(sjis), sjis);

        assertThat(records.get(0).validEncoding()).isTrue();
        assertThat(records.get(0).fields().get(6)).isEqualTo("髙橋様 ①確認済");
    }

    @Test
    void columnOrderIsFree() throws Exception {
        String content = "note,reviewer_id,document_type,result,checked_at,application_id,check_id\n"
                + "hello,R1,PASSPORT,PASS,2019-10-01T09:00:00+09:00,A1,C1\n";
        Path file = Files.writeString(dir.resolve("identity_checks.csv"), content);
        FeedFileReader reader = new FeedFileReader(Feed.IDENTITY_CHECKS, file, StandardCharsets.UTF_8);
        reader.open(new ExecutionContext());
        RowFields fields = assertRowFields(reader.read());
        assertThat(fields.required("check_id")).isEqualTo("C1");
        assertThat(fields.required("note")).isEqualTo("hello");
    }

    private static RowFields assertRowFields(FeedRecord record) {
        try {
            return RowFields.of(record);
        } catch (RowRejection e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void headerWithUnknownOrMissingColumnsIsABrokenFile() throws IOException {
        Path file = Files.writeString(dir.resolve("identity_checks.csv"),
                "check_id,application_id,checked_at,result,document_type,reviewer,note\n");
        assertThatThrownBy(() -> FeedFileReader.checkHeader(Feed.IDENTITY_CHECKS, file, StandardCharsets.UTF_8))
                .isInstanceOf(BrokenFeedException.class)
                .hasMessageContaining("identity_checks.csv line 1")
                .hasMessageContaining("unknown column 'reviewer'")
                .hasMessageContaining("missing column 'reviewer_id'");
    }

    @Test
    void emptyFileAndBinaryFileAreBroken() throws IOException {
        Path empty = Files.write(dir.resolve("members.csv"), new byte[0]);
        assertThatThrownBy(() -> FeedFileReader.checkHeader(Feed.MEMBERS, empty, StandardCharsets.UTF_8))
                .isInstanceOf(BrokenFeedException.class).hasMessageContaining("empty file");
        Path binary = Files.write(dir.resolve("bank_returns.csv"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertThatThrownBy(() -> FeedFileReader.checkHeader(Feed.BANK_RETURNS, binary, StandardCharsets.UTF_8))
                .isInstanceOf(BrokenFeedException.class).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void restartSkipsTheRecordsAlreadyHandedOut() throws IOException {
        StringBuilder content = new StringBuilder(CHECKS_HEADER + "\n");
        for (int i = 1; i <= 5; i++) {
            content.append("C").append(i).append(",A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,\"multi\nline\"\n");
        }
        Path file = Files.writeString(dir.resolve("identity_checks.csv"), content);
        FeedFileReader first = new FeedFileReader(Feed.IDENTITY_CHECKS, file, StandardCharsets.UTF_8);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        first.read();
        first.read();
        first.update(context);
        first.close();

        FeedFileReader restarted = new FeedFileReader(Feed.IDENTITY_CHECKS, file, StandardCharsets.UTF_8);
        restarted.open(context);
        FeedRecord next = restarted.read();
        assertThat(next.fields().get(0)).isEqualTo("C3");
        assertThat(next.lineNumber()).isEqualTo(6);
    }

    /**
     * A stray quote is one rejected row wherever its field stands (issue 38): {@code INVALID_FORMAT}
     * naming the column, its position and the physical line, and the row after it is read as it is.
     * Before, one in the first or a middle field was taken as text and the row accepted, and one in
     * the last field, or after a quoted field's closing quote, opened a field that ran into the next
     * row and stopped the night.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            first field, unquoted  | C"1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,ok     | check_id | field 1 (check_id)
            middle field, unquoted | C1,A1,2019-10-01T09:00:00+09:00,PA"SS,PASSPORT,R1,ok    | result   | field 4 (result)
            last field, unquoted   | C1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,o"k    | note     | field 7 (note)
            first field, quoted    | "C1"x,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,ok  | check_id | field 1 (check_id)
            middle field, quoted   | C1,A1,2019-10-01T09:00:00+09:00,"PASS"x,PASSPORT,R1,ok  | result   | field 4 (result)
            last field, quoted     | C1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,"o"k   | note     | field 7 (note)
            """)
    void aStrayQuoteIsOneRejectedRowNamingItsColumnAndLineWhereverItStands(String where, String damaged,
                                                                            String column, String field)
            throws Exception {
        String content = CHECKS_HEADER + "\n"
                + "C0,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,\"an address\non two lines\"\n"
                + damaged + "\n"
                + "C2,A2,2019-10-01T09:00:00+09:00,FAIL,PASSPORT,R1,\n";

        List<FeedRecord> records = readAll(Feed.IDENTITY_CHECKS, utf8(content), StandardCharsets.UTF_8);

        assertThat(records).as(where).extracting(FeedRecord::lineNumber).containsExactly(2, 4, 5);
        assertThatThrownBy(() -> RowFields.of(records.get(1))).isInstanceOf(RowRejection.class)
                .satisfies(e -> assertThat(((RowRejection) e).reason()).isEqualTo(RejectReason.INVALID_FORMAT))
                .satisfies(e -> assertThat(((RowRejection) e).field()).isEqualTo(column))
                .hasMessage("a stray quote in " + field + " on line 4: a quote may only enclose a whole field,"
                        + " doubled inside it (RFC 4180)");
        assertThat(assertRowFields(records.get(2)).required("check_id")).isEqualTo("C2");
    }

    /**
     * A line break inside a quoted field is stored as LF, whatever the file gave (CRLF or LF): the
     * SPEC's "same content whatever the line endings" holds for a two-line address too, so a row
     * delivered again from a CRLF export is the same row, not a conflicting one.
     */
    @Test
    void aQuotedLineBreakIsReadAsLfWhetherTheFileGaveCrlfOrLf() throws Exception {
        String row = "C1,A1,2019-10-01T09:00:00+09:00,PASS,PASSPORT,R1,\"東京都<EOL>千代田区\"<EOL>";
        String lf = (CHECKS_HEADER + "\n" + row).replace("<EOL>", "\n");
        String crlf = (CHECKS_HEADER + "\r\n" + row).replace("<EOL>", "\r\n");
        String crlfFileLfField = (CHECKS_HEADER + "\r\n" + row).replaceFirst("<EOL>", "\n").replace("<EOL>", "\r\n");

        for (String content : List.of(lf, crlf, crlfFileLfField)) {
            FeedRecord record = readAll(Feed.IDENTITY_CHECKS, utf8(content), StandardCharsets.UTF_8).get(0);
            assertThat(assertRowFields(record).required("note")).isEqualTo("東京都\n千代田区");
            assertThat(record.lineCount()).isEqualTo(2);
        }
        // a CR not followed by LF ends no line: it stays in the value, on one physical line
        FeedRecord bareCr = readAll(Feed.IDENTITY_CHECKS, utf8(CHECKS_HEADER + "\r\n" + row.replaceFirst("<EOL>", "\r")
                .replace("<EOL>", "\r\n")), StandardCharsets.UTF_8).get(0);
        assertThat(assertRowFields(bareCr).required("note")).isEqualTo("東京都\r千代田区");
        assertThat(bareCr.lineCount()).isEqualTo(1);
    }
}
