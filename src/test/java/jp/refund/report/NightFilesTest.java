package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightFilesTest {

    @Test
    void rowsCountedOnTheBytesAreTheRowsTheParserReads(@TempDir Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("empty", "");
        files.put("header only", "a,b\n");
        files.put("plain", "a,b\n1,x\n2,y\n");
        files.put("no last line end", "a,b\n1,x\n2,y");
        files.put("a line feed and commas in quotes", "a,b\n1,\"two\nlines, and a comma\"\n2,y\n");
        files.put("escaped quotes", "a,b\n1,\"{\"\"k\"\":\"\"v\"\"}\"\n2,\"\"\"\"\n");
        files.put("a quote at a buffer's end", "a,b\n" + "1,\"" + "x".repeat((1 << 20) - 7) + "\n\"\n2,z\n");
        files.put("a blank line", "a,b\n1,x\n\n2,y\n");
        files.put("Japanese", "a,b\n1,\"みずほ 都立大学駅前 ****641\"\n2,髙橋\n");
        for (var file : files.entrySet()) {
            Path csv = dir.resolve(file.getKey().replace(' ', '-') + ".csv");
            Files.writeString(csv, file.getValue(), StandardCharsets.UTF_8);
            long[] parsed = {0};
            NightFiles.forEachCsvRow(csv, row -> parsed[0]++);
            assertThat(NightFiles.countCsvRows(csv)).as(file.getKey()).isEqualTo(parsed[0]);
        }
        assertThat(NightFiles.countCsvRows(dir.resolve("a-line-feed-and-commas-in-quotes.csv"))).isEqualTo(2);
        assertThat(NightFiles.countCsvRows(dir.resolve("no-last-line-end.csv"))).isEqualTo(2);
    }

    @Test
    void aQuotedFieldLeftOpenIsAnErrorNotACount(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("cut.csv"), "a,b\n1,\"cut off\n");
        assertThatThrownBy(() -> NightFiles.countCsvRows(csv)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cut.csv").hasMessageContaining("not closed");
    }
}
