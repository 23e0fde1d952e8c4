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

    /** Issue 38: only what a phone number looks like is masked; a claim number or a count stays. */
    @Test
    void masksPhoneNumbersButNotOtherNumbers() {
        String line = FailureLine.clean("claim 1000000473 of 20191128: 1234567890473 bytes; call 090-1111-0473,"
                + " +81 90 1111 0474 or 0311110475");

        assertThat(line).isEqualTo("claim 1000000473 of 20191128: 1234567890473 bytes; call ***-****-0473,"
                + " ***-****-0474 or ***-****-0475");
    }

    /** Issue 38: the message on the error line is at most 300 characters, then the log file's name. */
    @Test
    void theErrorLinesMessageIsAtMost300CharactersWithItsStartAndItsAdvice() {
        String advice = "; put that file back and run the same command again to resume";
        String line = FailureLine.errorLine(new IllegalStateException("members.csv line 7: " + "x".repeat(400)
                + advice), "logs/refund-batch.log");

        String message = line.substring("error: ".length(), line.indexOf(" (details in "));
        assertThat(message).hasSize(300).startsWith("members.csv line 7: xxx").contains(" […] ").endsWith(advice);
        assertThat(line).endsWith(advice + " (details in logs/refund-batch.log)");
    }

    @Test
    void cutsALongMessage() {
        String line = FailureLine.clean("x".repeat(5_000));

        assertThat(line).hasSize(FailureLine.MAX_LENGTH + "… [cut; whole in the log file]".length())
                .endsWith("… [cut; whole in the log file]");
    }
}
