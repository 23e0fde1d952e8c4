package jp.refund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a failure's one line may say: where, what, and nothing about anyone. */
class FailureLineTest {

    @Test
    void keepsFileLineAndFieldNamesAndIdentifiers() {
        String line = FailureLine.clean("members.csv line 1: not a members header: unknown column 'reviewer';"
                + " missing column 'reviewer_id'");

        assertThat(line).isEqualTo("members.csv line 1: not a members header: unknown column 'reviewer';"
                + " missing column 'reviewer_id'");
    }

    @Test
    void masksContactDataAndLeavesOutQuotedTextThatCouldBeAName() {
        String line = FailureLine.clean("Value too long for column \"FAMILY_NAME CHARACTER VARYING(200)\":"
                + " \"'山田花子' (201)\"; sent to taro.yamada@example.jp, phone 090-1111-0001\nnext line");

        assertThat(line).doesNotContain("山田").doesNotContain("taro.yamada").doesNotContain("1111")
                .contains("t***@example.jp").contains("***-****-0001").contains("\"FAMILY_NAME CHARACTER"
                        + " VARYING(200)\"").doesNotContain("\n");
    }

    @Test
    void cutsALongMessage() {
        String line = FailureLine.clean("x".repeat(5_000));

        assertThat(line).hasSize(FailureLine.MAX_LENGTH + "… [cut; whole in the log file]".length())
                .endsWith("… [cut; whole in the log file]");
    }
}
