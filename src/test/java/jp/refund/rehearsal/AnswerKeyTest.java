package jp.refund.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer key is read strictly: each way a key can be broken is refused, naming its line. */
class AnswerKeyTest {

    @TempDir
    Path dir;

    private Path key(byte[] content) throws IOException {
        return Files.write(dir.resolve("key.csv"), content);
    }

    private Path key(String content) throws IOException {
        return key(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void refused(String content, String message) throws IOException {
        Path file = key(content);
        assertThatThrownBy(() -> AnswerKey.read(file)).isInstanceOf(AttackReportException.class)
                .hasMessage(file + " " + message);
    }

    @Test
    void aKeyGivesEachApplicationItsCampaignAndLine() throws IOException {
        AnswerKey key = AnswerKey.read(key("application_id,campaign\nA1,HONEST\r\nX-2,RACE_THE_OWNER\n"));
        assertThat(key.size()).isEqualTo(2);
        assertThat(key.campaign(key.indexOf("X-2"))).isEqualTo(Campaign.RACE_THE_OWNER);
        assertThat(key.line(key.indexOf("X-2"))).isEqualTo(3);
        assertThat(key.campaign(key.indexOf("A1"))).isEqualTo(Campaign.HONEST);
        assertThat(key.indexOf("A3")).isEqualTo(-1);
    }

    @Test
    void eachBrokenLineIsNamed() throws IOException {
        refused("", "line 1: the file is empty; the header must be exactly 'application_id,campaign'");
        refused("campaign,application_id\nHONEST,A1\n", "line 1: the header must be exactly 'application_id,campaign'");
        refused("application_id,campaign\nA1,HONEST\nA2,honest\n", "line 3: unknown campaign 'honest' (one of [HONEST,"
                + " TAKEOVER_MULE, TAKEOVER_LOOKALIKE, STOLEN_DATA_WEB, ADDRESS_DROP, RACE_THE_OWNER])");
        refused("application_id,campaign\nA1,HONEST,extra\n", "line 2: expected two fields, application_id,campaign");
        refused("application_id,campaign\nA1,HONEST\n\nA2,HONEST\n", "line 3: expected two fields, application_id,campaign");
        refused("application_id,campaign\nA 1,HONEST\n", "line 2: 'A 1' is not an application id (1-20 of A-Z a-z 0-9 -)");
        refused("application_id,campaign\nA1,HONEST\nA1,TAKEOVER_MULE\n", "line 3: application A1 is already on line 2");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        // far beyond a reader's buffer: the line is the one the byte is on
        StringBuilder text = new StringBuilder("application_id,campaign\n");
        for (int i = 1; i <= 10_000; i++) {
            text.append('A').append(i).append(",HONEST\n");
        }
        Path file = key(text.append("X\u00ff,HONEST\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AnswerKey.read(file)).hasMessage(file + " line 10002: not UTF-8");
    }
}
