package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.refund.ChildNightly;
import jp.refund.NightlyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 38: a night that failed past its ingest, whose input the operator then fixed, is finished
 * by the same command: it discards its partial work (its claims and certificates, and what it did
 * to earlier nights' claims) and runs again from its ingest, to the bytes of a clean night on the
 * fixed input, and the next night after it too. The sample nights, twice: a night killed after its
 * folder was moved into place, having decided a new application (its claim number is given back),
 * then a night killed once its reports are written, having redeemed, voided and reissued certificates
 * of earlier nights.
 */
class NightStartsOverIT {

    private static final String CLAIMS = "SELECT * FROM claim ORDER BY claim_no";
    private static final String EVENTS = "SELECT * FROM claim_event ORDER BY run_date, seq";
    private static final String CERTIFICATES = "SELECT * FROM certificate ORDER BY certificate_no";
    /** An application submitted before the night's only one: with it, that one gets the next claim number. */
    private static final String EARLIER_APPLICATION = "A0028,2019-11-21T07:00:00+09:00,BANK,0001,001,1,1234567,,,"
            + "ヤマダ タロウ,,,,taro.yamada@example.jp,090-1111-0001,M0001";

    @TempDir
    Path root;

    /** The sample's night folders up to {@code last}, into {@code input}. */
    private static void sampleNightsUpTo(Path input, String last) throws IOException {
        try (var nights = Files.list(Path.of("input"))) {
            for (Path night : nights.filter(Files::isDirectory).sorted().toList()) {
                String date = night.getFileName().toString();
                if (date.compareTo(last) > 0 || Files.exists(input.resolve(date))) {
                    continue;
                }
                Path copy = Files.createDirectories(input.resolve(date));
                try (var files = Files.list(night)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()));
                    }
                }
            }
        }
    }

    private static void addEarlierApplication(Path input) throws IOException {
        Path file = input.resolve("2019-11-21/applications_app.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(1, EARLIER_APPLICATION);
        Files.write(file, lines);
    }

    /** P1000000016 was not cashed on 2020-02-03 after all (its row was a mistake): it stays SCHEDULED. */
    private static void dropFirstRedemption(Path input) throws IOException {
        Path file = input.resolve("2020-02-03/certificate_redemptions.csv");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("RD0001,")).toList();
        Files.write(file, lines);
    }

    /** The night's process and its database: an H2 file of its own here ({@link PostgresNightStartsOverIT}). */
    ChildNightly night(Path nightRoot) {
        return new ChildNightly(nightRoot, false);
    }

    private static List<String> halt(String at) {
        return List.of("-Drefund.crash-test.halt-at=" + at);
    }

    @Test
    void aNightFailedPastItsIngestWhoseInputWasFixedRunsAgainFromItsIngestToTheBytesOfACleanNight() throws Exception {
        Path input = root.resolve("input");
        ChildNightly night = night(root.resolve("night"));
        sampleNightsUpTo(input, "2019-11-20");
        assertThat(night.run(input, List.of())).as(night::lastRunLog).isZero();

        // 2019-11-21 decides A0027 and moves its folder into place, then dies before it is recorded
        sampleNightsUpTo(input, "2020-01-24");
        assertThat(night.run(input, halt("publish:3"))).as(night::lastRunLog).isEqualTo(137);
        assertThat(night.rows("SELECT application_id FROM claim WHERE decided_on = DATE '2019-11-21'"))
                .containsExactly(List.of("A0027"));
        addEarlierApplication(input);
        assertThat(night.run(input, List.of())).as(night::lastRunLog).isZero();
        assertThat(night.lastRunLog()).contains("night 2019-11-21: input changed after a failed run ("
                        + input.resolve("2019-11-21/applications_app.csv") + " changed since the night began ingesting it")
                .contains("its partial work was discarded and it runs again from its ingest")
                .contains("started over: night 2019-11-21: input changed")
                .contains("night 2020-01-23 completed").contains("night 2020-01-24 completed");

        // 2020-02-03 redeems a certificate, voids and reissues two: killed once its reports are written
        sampleNightsUpTo(input, "2020-02-04");
        assertThat(night.run(input, halt("publish:1"))).as(night::lastRunLog).isEqualTo(137);
        assertThat(night.rows("SELECT COUNT(*) FROM certificate WHERE redeemed_on = DATE '2020-02-03'"))
                .containsExactly(List.of("1"));
        dropFirstRedemption(input);
        assertThat(night.run(input, List.of())).as(night::lastRunLog).isZero();
        assertThat(night.lastRunLog()).contains("night 2020-02-03: input changed after a failed run (")
                .contains("night 2020-02-04 completed");

        Path cleanInput = root.resolve("clean-input");
        sampleNightsUpTo(cleanInput, "2020-02-04");
        addEarlierApplication(cleanInput);
        dropFirstRedemption(cleanInput);
        ChildNightly clean = night(root.resolve("clean"));
        assertThat(clean.run(cleanInput, List.of())).as(clean::lastRunLog).isZero();

        assertThat(NightlyHarness.tree(night.output())).isEqualTo(NightlyHarness.tree(clean.output()));
        assertThat(night.rows(CLAIMS)).isEqualTo(clean.rows(CLAIMS));
        assertThat(night.rows(EVENTS)).isEqualTo(clean.rows(EVENTS));
        assertThat(night.rows(CERTIFICATES)).isEqualTo(clean.rows(CERTIFICATES));
        assertThat(night.rows("SELECT COUNT(*) FROM claim_before_night")).containsExactly(List.of("0"));
    }
}
