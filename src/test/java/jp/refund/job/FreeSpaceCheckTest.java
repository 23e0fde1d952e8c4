package jp.refund.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.refund.database.EmbeddedFileCompaction;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night is refused before it starts when the disk cannot hold it. The input is a sparse
 * file: it counts at its full length and takes no disk, so the test needs no full disk.
 */
class FreeSpaceCheckTest {

    @TempDir
    Path root;

    private EmbeddedFileCompaction bookIn(Path folder) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("refunds"));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        dataSource.getConnection().close();
        return new EmbeddedFileCompaction(dataSource);
    }

    private Path nightInput(long bytes) throws Exception {
        Path input = Files.createDirectories(root.resolve("input/2019-11-14"));
        try (RandomAccessFile members = new RandomAccessFile(input.resolve("members.csv").toFile(), "rw")) {
            members.setLength(bytes);
        }
        return input;
    }

    @Test
    void aNightTheDiskCannotHoldIsRefusedSayingHowMuchItNeedsAndWhere() throws Exception {
        EmbeddedFileCompaction book = bookIn(Files.createDirectories(root.resolve("data")));
        long free = Files.getFileStore(root).getUsableSpace();
        // 75 times this is more than is free: the database's 60 times and the output's 15 times add up
        Path input = nightInput(free / 75 + (1 << 20));

        assertThatThrownBy(() -> new FreeSpaceCheck(book, true).require(LocalDate.of(2019, 11, 14), input,
                root.resolve("output")))
                .isInstanceOf(NightRefusedException.class)
                .hasMessageStartingWith("not enough free disk space for night 2019-11-14: it needs about ")
                .hasMessageContaining(" MB on " + root)
                .hasMessageContaining("--refund.night.check-free-space=false");
    }

    @Test
    void aNightTheDiskCanHoldOrWithTheCheckOffStarts() throws Exception {
        EmbeddedFileCompaction book = bookIn(Files.createDirectories(root.resolve("data")));
        long free = Files.getFileStore(root).getUsableSpace();
        Path small = nightInput(free / 75 / 2);
        new FreeSpaceCheck(book, true).require(LocalDate.of(2019, 11, 14), small, root.resolve("output"));

        Path large = nightInput(free);
        new FreeSpaceCheck(book, false).require(LocalDate.of(2019, 11, 14), large, root.resolve("output"));
        assertThat(book.file()).contains(root.resolve("data/refunds.mv.db"));
    }
}
