package jp.refund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {

    private static final String[] HEADER = {"id", "text"};
    private static final List<String[]> ROWS = List.of(new String[]{"1", "plain"},
            new String[]{"2", "a \"quoted\", comma"}, new String[]{"3", "two\nlines"}, new String[]{"4", "髙橋"});

    @Test
    void partsJoinedAreTheBytesOfOneFile(@TempDir Path dir) throws Exception {
        // given the rows written as one file, and as two parts (one of them empty) and a third
        CsvOutput.write(dir.resolve("whole.csv"), HEADER, out -> ROWS.forEach(out));
        CsvOutput.writePart(dir.resolve("a.part"), out -> ROWS.subList(0, 3).forEach(out));
        CsvOutput.writePart(dir.resolve("b.part"), out -> {
        });
        CsvOutput.writePart(dir.resolve("c.part"), out -> ROWS.subList(3, 4).forEach(out));

        // when the parts are joined in order
        CsvOutput.join(dir.resolve("joined.csv"), HEADER,
                List.of(dir.resolve("a.part"), dir.resolve("b.part"), dir.resolve("c.part")));

        // then the bytes are the same, header and quoting included
        assertThat(Files.readAllBytes(dir.resolve("joined.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("whole.csv")));
        assertThat(Files.readString(dir.resolve("joined.csv"))).startsWith("id,text\n1,plain\n2,\"a \"\"quoted\"\", comma\"\n");
        assertThat(Files.size(dir.resolve("b.part"))).isZero();
    }

    @Test
    void aRowEncodedAloneIsTheBytesItTakesInAFile(@TempDir Path dir) throws Exception {
        CsvOutput.writePart(dir.resolve("rows.part"), out -> ROWS.forEach(out));
        CsvOutput.RowEncoder encoder = new CsvOutput.RowEncoder();
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        for (String[] row : ROWS) {
            encoded.write(encoder.encode(row)); // one encoder, reused: nothing of a row stays for the next
        }
        assertThat(encoded.toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("rows.part")));
        assertThat(new String(encoder.encode(ROWS.get(3)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("4,髙橋\n");
    }
}
