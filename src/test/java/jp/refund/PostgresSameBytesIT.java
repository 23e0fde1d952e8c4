package jp.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 and PostgreSQL make the same book: the same nights on both, every output file compared
 * byte for byte (its SHA-256, by path), and the last PostgreSQL night verified against its database.
 */
class PostgresSameBytesIT {

    @Test
    void theSampleNightsAreTheSameBytesOnBothDatabases(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.require();
        Path sample = Path.of("input").toAbsolutePath();

        Map<String, String> h2 = run(new NightlyHarness(root.resolve("h2")), sample);
        Map<String, String> postgres = runAndVerify(
                new NightlyHarness(root.resolve("pg")).on(server.createDatabase("sample")), sample);

        try (Stream<Path> nights = Files.list(sample)) {
            assertThat(h2.keySet()).filteredOn(f -> f.endsWith("MANIFEST.sha256"))
                    .hasSize((int) nights.filter(Files::isDirectory).count());
        }
        assertThat(postgres).isEqualTo(h2);
    }

    /** The sample with the applicant's confirmation step on (SPEC section 9): answers, lapses and both reminders. */
    @Test
    void theSampleWithConfirmationRequiredIsTheSameBytesOnBothDatabases(@TempDir Path root) {
        PostgresServer server = PostgresServer.require();
        Path sample = Path.of("input").toAbsolutePath();
        String[] settings = {"--refund.confirmation.required=true", "--refund.confirmation.reminder-days=14",
                "--refund.certificate.reminder-days=160"};
        NightlyHarness onH2 = new NightlyHarness(root.resolve("h2"));
        NightlyHarness onPostgres = new NightlyHarness(root.resolve("pg")).on(server.createDatabase("confirmation"));
        for (String setting : settings) {
            onH2 = onH2.with(setting);
            onPostgres = onPostgres.with(setting);
        }
        Map<String, String> h2 = run(onH2, sample);
        Map<String, String> postgres = runAndVerify(onPostgres, sample);

        assertThat(h2).containsKeys("2020-02-10/notices/notices.csv", "2020-03-02/bank/SOGOFURI-20200304.txt");
        assertThat(postgres).isEqualTo(h2);
    }

    /**
     * A generated book of 20,000 members over three nights: first transfers and first certificates
     * included. An attacker rehearsal's (SPEC section 11), with the three stricter review flags on,
     * so that the flags that read contacts run on both databases, and the attack report after it.
     */
    @Test
    void aGeneratedBookIsTheSameBytesOnBothDatabases(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.require();
        Path book = root.resolve("book");
        new BookGenerator(new BookGenerator.Settings(book, 20_000, 17, 3, LocalDate.of(2019, 11, 13), 0.8,
                BookGenerator.Attack.DEFAULTS)).generate();
        String[] stricter = {"--refund.review.large-refund-yen=30000", "--refund.review.contact-not-registered=true",
                "--refund.review.shared-contact=true"};

        NightlyHarness onH2 = new NightlyHarness(root.resolve("h2")).with(stricter);
        Map<String, String> h2 = run(onH2, book);
        PostgresServer.Database database = server.createDatabase("book");
        NightlyHarness onPostgres = new NightlyHarness(root.resolve("pg")).on(database).with(stricter);
        Map<String, String> postgres = runAndVerify(onPostgres, book);

        assertThat(h2).containsKeys("2019-11-14/bank/SOGOFURI-20191118.txt", "2019-11-14/certificates/mailing-list.csv",
                "2019-11-15/MANIFEST.sha256");
        assertThat(postgres).isEqualTo(h2);
        for (String flag : List.of("LARGE_REFUND", "CONTACT_NOT_REGISTERED", "SHARED_CONTACT")) {
            assertThat(onH2.count("SELECT COUNT(*) FROM claim_event WHERE reasons LIKE ?", "%" + flag + "%"))
                    .as(flag).isPositive();
        }
        String key = "--key=" + book.resolve("attack-key.csv");
        for (NightlyHarness h : List.of(onH2, onPostgres)) {
            NightlyHarness.Result report = h.run("attack-report", key);
            assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
        }
        assertThat(Files.readString(onPostgres.output().resolve("attack-report.csv")))
                .isEqualTo(Files.readString(onH2.output().resolve("attack-report.csv")))
                .contains("\nTAKEOVER_LOOKALIKE,");
        // the night took the planner's statistics of the tables it loaded itself, not waiting for autovacuum
        try (Connection c = database.connect(); ResultSet analyzed = c.createStatement().executeQuery(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")) {
            Set<String> tables = new HashSet<>();
            while (analyzed.next()) {
                tables.add(analyzed.getString(1));
            }
            assertThat(tables).contains("member", "wallet", "application", "claim", "claim_event");
        }
        // the first night's decisions dropped the claim tables' secondary indexes for the load: all built again
        try (Connection c = database.connect(); ResultSet indexes = c.createStatement().executeQuery(
                "SELECT indexname FROM pg_indexes WHERE tablename IN ('claim', 'claim_event')")) {
            Set<String> names = new HashSet<>();
            while (indexes.next()) {
                names.add(indexes.getString(1));
            }
            assertThat(names).contains("claim_status_order", "claim_payout", "claim_emitted", "claim_member_id",
                    "claim_account_number", "claim_confirm_by", "claim_event_claim");
        }
    }

    private static Map<String, String> run(NightlyHarness h, Path input) {
        NightlyHarness.Result night = h.run("nightly", "--input=" + input);
        assertThat(night.exitCode()).as(night.stderr()).isZero();
        return NightlyHarness.tree(h.output());
    }

    /** Runs, then verifies the last night on its database (verify reads the book back from PostgreSQL). */
    private static Map<String, String> runAndVerify(NightlyHarness h, Path input) {
        Map<String, String> tree = run(h, input);
        String last = tree.keySet().stream().filter(f -> f.endsWith("MANIFEST.sha256")).map(f -> f.substring(0, 10))
                .max(String::compareTo).orElseThrow();
        NightlyHarness.Result verify = h.run("verify", "--date=" + last);
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        assertThat(verify.stdout()).contains("no difference");
        return tree;
    }
}
