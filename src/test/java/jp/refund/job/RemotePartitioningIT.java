package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.refund.ChildNightly;
import jp.refund.NightlyHarness;
import jp.refund.PostgresServer;
import jp.refund.generate.BookGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, remote partitioning: the manager (the jar's {@code nightly} with an embedded Artemis
 * broker on a free loopback port) and two worker JVMs (the jar's {@code worker}) on one
 * PostgreSQL database, a fresh one per scenario. Every output file is compared by its SHA-256
 * with the single-machine night (one step each, H2): plainly, with one worker killed inside a
 * partition and the night run again, and with every partition request sent twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePartitioningIT {

    private static final int PARTITIONS = 4;
    /** Each partition's execution: name, status, items read and written. */
    private static final String PARTITION_EXECUTIONS = "SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT"
            + " FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%-range:partition%' ORDER BY STEP_NAME, STEP_EXECUTION_ID";

    private PostgresServer server;
    private Path book;
    private Map<String, String> singleMachine;
    /** The plain remote night's partitions, for the night whose requests were sent twice. */
    private List<List<String>> plainPartitions;

    @BeforeAll
    void generateAndRunOnOneMachine(@TempDir Path root) {
        server = PostgresServer.require();
        book = root.resolve("book");
        // one night: first transfers and first certificates
        new BookGenerator(new BookGenerator.Settings(book, 2000, 11, 1, LocalDate.of(2019, 11, 14), 0.8)).generate();
        NightlyHarness single = new NightlyHarness(root.resolve("single"));
        NightlyHarness.Result night = single.run("nightly", "--input=" + book);
        assertThat(night.exitCode()).as(night.stderr()).isZero();
        singleMachine = NightlyHarness.tree(single.output());
        assertThat(singleMachine).containsKeys("2019-11-14/bank/SOGOFURI-20191118.txt",
                "2019-11-14/certificates/mailing-list.csv");
    }

    @Test
    @Order(1)
    void twoWorkersMakeTheSingleMachineBytes(@TempDir Path root) {
        Rehearsal rehearsal = new Rehearsal(root, server.createDatabase("remote"));
        // the workers start with the manager: they connect once its broker is up, long before its partitions
        try (Worker first = rehearsal.worker("w1", List.of()); Worker second = rehearsal.worker("w2", List.of())) {
            assertThat(rehearsal.manager.run(book, rehearsal.managerSettings(List.of()))).as(rehearsal.managerLog())
                    .isZero();

            assertThat(NightlyHarness.tree(rehearsal.manager.output())).isEqualTo(singleMachine);
            plainPartitions = rehearsal.manager.rows(PARTITION_EXECUTIONS);
            assertThat(plainPartitions).hasSize(2 * PARTITIONS).allMatch(p -> p.get(1).equals("COMPLETED"));
            assertThat(first.ran() + second.ran()).isEqualTo(2 * PARTITIONS);
        }
    }

    /**
     * One worker halts (as kill -9) inside its assessment partition: the manager waits out its
     * timeout and the night fails; the operator runs the same night again: the killed partition
     * runs again, the others do not.
     */
    @Test
    @Order(2)
    void aWorkerKilledMidPartitionIsRecoveredToTheSameBytes(@TempDir Path root) {
        Rehearsal rehearsal = new Rehearsal(root, server.createDatabase("remote_kill"));
        try (Worker killed = rehearsal.worker("killed", List.of("-Drefund.crash-test.halt-at=assessment-chunk:2"));
             Worker survivor = rehearsal.worker("survivor", List.of())) {
            // both take requests before the night starts: the one to be killed must get a partition
            killed.awaitStarted();
            survivor.awaitStarted();
            // a timeout well above an assessment partition of this book (a few seconds), below a night
            assertThat(rehearsal.manager.run(book,
                    rehearsal.managerSettings(List.of("-Drefund.partition.remote.timeout=25s"))))
                    .as(rehearsal.managerLog()).isNotZero();
            assertThat(rehearsal.managerLog()).contains("assess-applications failed");
            assertThat(killed.exitCode()).isEqualTo(137);
            List<List<String>> completedBeforeTheKill = rehearsal.manager.rows(PARTITION_EXECUTIONS).stream()
                    .filter(p -> p.get(1).equals("COMPLETED")).toList();
            assertThat(rehearsal.manager.rows(PARTITION_EXECUTIONS)).anyMatch(p -> p.get(1).equals("STARTED"));

            assertThat(rehearsal.manager.run(book, rehearsal.managerSettings(List.of()))).as(rehearsal.managerLog())
                    .isZero();

            assertThat(NightlyHarness.tree(rehearsal.manager.output())).isEqualTo(singleMachine);
            List<List<String>> partitions = rehearsal.manager.rows(PARTITION_EXECUTIONS);
            for (List<String> completed : completedBeforeTheKill) {
                assertThat(partitions.stream().filter(p -> p.get(0).equals(completed.get(0))))
                        .as("run once: " + completed.get(0)).containsExactly(completed);
            }
            assertThat(partitions).as("the killed partition: STARTED, recovered as FAILED, then COMPLETED")
                    .anyMatch(p -> p.get(1).equals("FAILED"));
            assertThat(partitions).filteredOn(p -> p.get(1).equals("COMPLETED")).hasSize(2 * PARTITIONS);
            assertThat(survivor.log()).contains("ignored: it is STARTED");
        }
    }

    /** Every request twice (a redelivery): each partition still runs once, with the same counts. */
    @Test
    @Order(3)
    void aPartitionRequestSentTwiceChangesNothing(@TempDir Path root) {
        Rehearsal rehearsal = new Rehearsal(root, server.createDatabase("remote_twice"));
        try (Worker first = rehearsal.worker("w1", List.of()); Worker second = rehearsal.worker("w2", List.of())) {
            assertThat(rehearsal.manager.run(book,
                    rehearsal.managerSettings(List.of("-Drefund.partition.remote.send-twice=true"))))
                    .as(rehearsal.managerLog()).isZero();

            assertThat(NightlyHarness.tree(rehearsal.manager.output())).isEqualTo(singleMachine);
            List<List<String>> partitions = rehearsal.manager.rows(PARTITION_EXECUTIONS);
            assertThat(partitions).hasSize(2 * PARTITIONS).allMatch(p -> p.get(1).equals("COMPLETED"));
            if (plainPartitions != null) {
                assertThat(partitions).isEqualTo(plainPartitions);
            }
            assertThat(first.ran() + second.ran()).isEqualTo(2 * PARTITIONS);
            // the second copies arrive after the manager's last poll at the latest: wait for them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (first.ignored() + second.ignored() < 2 * PARTITIONS && System.nanoTime() < deadline) {
                sleep(200);
            }
            assertThat(first.ignored() + second.ignored()).isEqualTo(2 * PARTITIONS);
            assertThat(rehearsal.manager.rows(PARTITION_EXECUTIONS)).isEqualTo(partitions);
        }
    }

    /** One scenario's database, broker port, manager and workers. */
    private static final class Rehearsal {

        private final Path root;
        private final PostgresServer.Database database;
        private final String brokerUrl;
        private final ChildNightly manager;

        Rehearsal(Path root, PostgresServer.Database database) {
            this.root = root;
            this.database = database;
            this.brokerUrl = "tcp://127.0.0.1:" + freeLoopbackPort();
            this.manager = new ChildNightly(root.resolve("manager"), database);
        }

        List<String> managerSettings(List<String> more) {
            List<String> settings = new ArrayList<>(List.of("-Drefund.partition.count=" + PARTITIONS,
                    "-Drefund.partition.mode=remote", "-Drefund.partition.remote.embedded-broker=true",
                    "-Dspring.artemis.broker-url=" + brokerUrl, "-Drefund.partition.remote.poll-interval=500ms",
                    "-Drefund.partition.remote.timeout=3m", "-Drefund.claims.chunk-size=100"));
            settings.addAll(more);
            return settings;
        }

        String managerLog() {
            try {
                return Files.readString(root.resolve("manager/last-run.log"));
            } catch (IOException e) {
                return "(no manager log: " + e.getMessage() + ")";
            }
        }

        /** Starts a worker JVM (see {@link Worker#awaitStarted()}). */
        Worker worker(String name, List<String> jvmOptions) {
            Path dir = root.resolve(name);
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", ChildNightly.JAR.toString(), "worker",
                    "--spring.datasource.url=" + database.url(), "--spring.artemis.broker-url=" + brokerUrl,
                    "--refund.claims.chunk-size=100", "--logging.file.name=" + dir.resolve("logs/refund-batch.log")));
            try {
                Files.createDirectories(dir);
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("console.log").toFile());
                pb.environment().put("SPRING_DATASOURCE_USERNAME", database.user());
                pb.environment().put("SPRING_DATASOURCE_PASSWORD", database.password());
                return new Worker(name, pb.start(), dir.resolve("console.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A worker JVM; closing it sends SIGTERM. */
    private record Worker(String name, Process process, Path console) implements AutoCloseable {

        /** Waits until the worker takes requests. */
        Worker awaitStarted() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!log().contains("started: running partition requests")) {
                assertThat(process.isAlive()).as("worker " + name + " exited:\n" + log()).isTrue();
                assertThat(System.nanoTime()).as("worker " + name + " did not start").isLessThan(deadline);
                sleep(200);
            }
            return this;
        }

        String log() {
            try {
                return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Partitions this worker ran to the end. */
        long ran() {
            return log().lines().filter(l -> l.contains(": COMPLETED,")).count();
        }

        long ignored() {
            return log().lines().filter(l -> l.contains("partition request for") && l.contains("ignored")).count();
        }

        int exitCode() {
            try {
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
