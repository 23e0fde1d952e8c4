package jp.refund.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV layer on its own: records from bytes, and a header against the columns a file must have. */
class CsvLayerTest {

    private static List<CsvRecord> read(byte[] bytes) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, 5,
                200)) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void theHeaderIsARecordLikeAnyOtherAndTheBomIsDropped() throws IOException {
        List<CsvRecord> records = read("\uFEFFa,b\r\n1,\"x\r\ny\"\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(1, 2);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(1).fields()).containsExactly("1", "x\ny");
        assertThat(records.get(1).raw()).isEqualTo("1,\"x\ny\"");
    }

    @Test
    void aFileEndingInsideAQuotedFieldMarksItsLastRecord() throws IOException {
        List<CsvRecord> records = read("a,b\n1,\"open\nstill open\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).unterminatedQuote()).isTrue();
        assertThat(records.get(1).raw()).isEqualTo("1,\"open\nstill open");
    }

    @Test
    void aHeaderListsEveryProblemAtOnceAndFindsColumnsByName() {
        CsvHeader wrong = CsvHeader.of(List.of("b", "x", "b", "y"), List.of("a", "b", "c"));
        assertThat(wrong.problems()).containsExactly("column 'b' appears twice", "unknown columns 'x', 'y'",
                "missing columns 'a', 'c'");

        CsvHeader right = CsvHeader.of(List.of("c", "a", "b"), List.of("a", "b", "c"));
        assertThat(right.problems()).isEmpty();
        assertThat(right.size()).isEqualTo(3);
        assertThat(right.position("a")).isEqualTo(1);
        assertThatThrownBy(() -> right.position("z")).hasMessageContaining("not a column of this file: z");
    }

    @Test
    void aQuotedFieldMayHoldLineBreaksAndTheRecordCountsItsLines() throws IOException {
        List<CsvRecord> records = read("a,b\n1,\"two\nlines\"\n2,x\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records).extracting(CsvRecord::lineCount).containsExactly(1, 2, 1);
        assertThat(records.get(1).continuationLines()).containsExactly("lines\"");
        assertThat(records.get(2).lineNumber()).isEqualTo(4);
    }

    @Test
    void aQuoteRunningIntoALineThatReadsAsARecordOfItsOwnIsARunawayQuoteNamingBothLines() {
        byte[] bytes = "a,b,c\n1,\"x,y\n2,p,q\n3,r,s\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(RunawayQuoteException.class)
                .hasMessage("line 2: a quoted field opened on this line runs on into line 3, which reads as a record"
                        + " of its own (3 fields): an unterminated or stray quote");
    }

    @Test
    void aQuoteOpenOverMoreLinesOrCharactersThanTheLimitIsARunawayQuote() {
        assertThatThrownBy(() -> read("a,b\n1,\"x\n.\n.\n.\n.\n.\n2,y\"\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RunawayQuoteException.class)
                .hasMessageContaining("line 2: a quoted field opened on this line is still open after 5 lines (line 7)");
        assertThatThrownBy(() -> read(("a,b\n1,\"x\n" + "y".repeat(300) + "\"\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RunawayQuoteException.class)
                .hasMessageContaining("is still open after 200 characters (line 3)");
    }

    /**
     * A stray quote gives the same outcome wherever it stands (issue 38): its record keeps its
     * line and its three fields, names the field and the physical line of the quote, and the
     * record after it is read as it is. Before, a quote in the first or a middle unquoted field
     * was taken as text, one in the last field or after a quoted field's closing quote opened a
     * field that ran into the next record.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            first field, unquoted    | 2"x,b,c         | 1 | 3
            middle field, unquoted   | 2,b"x,c         | 2 | 3
            last field, unquoted     | 2,b,c"x         | 3 | 3
            last field, at its end   | 2,b,c"          | 3 | 3
            first field, quoted      | "2"x,b,c        | 1 | 3
            middle field, quoted     | 2,"b"x,c        | 2 | 3
            last field, quoted       | 2,b,"c"x        | 3 | 3
            quoted, then a quote     | 2,b,"c"x"       | 3 | 3
            quoted over two lines    | 2,"b\\nb"x,c    | 2 | 4
            """)
    void aStrayQuoteMarksItsRecordWhereverItStandsAndTheNextRecordIsReadAsItIs(String where, String damaged,
                                                                               int field, int line) throws IOException {
        String file = "a,b,c\n1,p,q\n" + damaged.replace("\\n", "\n") + "\n3,r,s\n";

        List<CsvRecord> records = read(file.getBytes(StandardCharsets.UTF_8));

        assertThat(records).as(where).hasSize(4);
        CsvRecord stray = records.get(2);
        assertThat(stray.lineNumber()).isEqualTo(3);
        assertThat(stray.fields()).hasSize(3);
        assertThat(stray.unterminatedQuote()).isFalse();
        assertThat(stray.strayQuote()).isEqualTo(new CsvRecord.StrayQuote(field, line));
        assertThat(records.get(1).strayQuote()).isNull();
        assertThat(records.get(3).fields()).containsExactly("3", "r", "s");
        assertThat(records.get(3).strayQuote()).isNull();
    }

    /** Quotes where RFC 4180 puts them are no stray: around a whole field, doubled inside it, around nothing. */
    @Test
    void quotesAroundAWholeFieldOrDoubledInsideItAreNoStray() throws IOException {
        List<CsvRecord> records = read("a,b,c\n\"x,\"\"y\"\"\",\"\",\"\"\"\"\n".getBytes(StandardCharsets.UTF_8));

        assertThat(records.get(1).fields()).containsExactly("x,\"y\"", "", "\"");
        assertThat(records.get(1).strayQuote()).isNull();
    }

    /** An opening quote that is never closed still runs on, and into a record of its own it is a runaway. */
    @Test
    void anOpeningQuoteStillRunsOnAndIntoARecordOfItsOwnIsARunaway() {
        assertThatThrownBy(() -> read("a,b,c\n1,\"p,q\n3,r,s\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RunawayQuoteException.class).hasMessageStartingWith("line 2: a quoted field opened");
    }
}
