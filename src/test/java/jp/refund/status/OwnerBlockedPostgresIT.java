package jp.refund.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.refund.NightlyHarness;
import jp.refund.PostgresServer;
import jp.refund.notice.NightNotices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OwnerBlockedByAttackerTest}'s three nights on PostgreSQL, the notices derived in 3 ranges
 * at once, against H2 in one range: the same notice files, byte for byte, with the owners'
 * APPLY_AGAIN notices in them; verify of the check's night after the owner applied again is clean.
 */
class OwnerBlockedPostgresIT {

    @Test
    void postgresqlAndPartitionedNightsWriteTheSameNotices(@TempDir Path root) throws Exception {
        NightlyHarness h2 = OwnerBlockedByAttackerTest.threeNights(new NightlyHarness(root.resolve("h2")), 1);
        NightlyHarness pg = OwnerBlockedByAttackerTest.threeNights(new NightlyHarness(root.resolve("pg"))
                .on(PostgresServer.require().createDatabase("owner_blocked")), 3);
        for (String night : OwnerBlockedByAttackerTest.NIGHTS) {
            for (String file : new String[]{NightNotices.NOTICES_FILE, NightNotices.LETTERS_FILE}) {
                Path expected = h2.output().resolve(night).resolve(file);
                Path actual = pg.output().resolve(night).resolve(file);
                assertThat(Files.exists(actual)).as(night + " " + file).isEqualTo(Files.exists(expected));
                if (Files.exists(expected)) {
                    assertThat(Files.readAllBytes(actual)).as(night + " " + file).isEqualTo(Files.readAllBytes(expected));
                }
            }
        }
        assertThat(pg.count("SELECT COUNT(*) FROM notice WHERE kind = 'APPLY_AGAIN'")).isEqualTo(2);
        NightlyHarness.Result verified = pg.run("verify", "--date=2019-10-02");
        assertThat(verified.exitCode()).as(verified.stdout()).isZero();
        assertThat(verified.stdout()).contains("ok   notices: ");
    }
}
