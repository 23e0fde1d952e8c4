package jp.refund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** generate's --attack options: a usage error (exit 2) when they cannot mean anything, the key's place printed. */
class GenerateCommandTest {

    @TempDir
    Path out;

    @Test
    void anAttackShareWithoutAttackIsAUsageErrorAndWritesNothing() throws Exception {
        int exit = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(new StringWriter()))
                .execute("--out=" + out, "--members=50", "--attack-takeover-mule=0.02");

        assertThat(exit).isEqualTo(2);
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void sharesThatLeaveTooFewHonestApplicationsAreAUsageError() {
        int exit = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(new StringWriter()))
                .execute("--out=" + out, "--members=50", "--attack", "--attack-address-drop=0.3",
                        "--attack-race-the-owner=0.3");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void theSummaryNamesTheAnswerKeyBesideTheDateFolders() {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new GenerateCommand()).execute("--out=" + out, "--members=200", "--attack");
        } finally {
            System.setOut(before);
        }

        assertThat(exit).isZero();
        assertThat(out.resolve("attack-key.csv")).isRegularFile();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("answer key " + out.resolve("attack-key.csv")).contains("RACE_THE_OWNER");
    }
}
