package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightOutputFolderTest {

    @Test
    void aManifestStepRunAgainAfterTheFolderWasMovedIntoPlaceLeavesTheNightAsItIs(@TempDir Path output)
            throws Exception {
        // given a night whose folder was published
        NightOutputFolder folder = new NightOutputFolder(output, LocalDate.of(2019, 11, 14));
        Files.createDirectories(folder.staging().resolve("reports"));
        Files.writeString(folder.staging().resolve("reports/claim-events.csv"), "run_date\n");
        folder.writeManifest();
        folder.moveIntoPlace();
        String manifest = Files.readString(folder.published().resolve(NightOutputFolder.MANIFEST));

        // when a resumed run repeats the manifest and publishing steps (their completion was not recorded)
        folder.writeManifest();
        folder.moveIntoPlace();

        // then the published night is unchanged and no empty staging folder replaced it
        assertThat(folder.staging()).doesNotExist();
        assertThat(folder.published().resolve("reports/claim-events.csv")).hasContent("run_date");
        assertThat(Files.readString(folder.published().resolve(NightOutputFolder.MANIFEST))).isEqualTo(manifest)
                .contains("reports/claim-events.csv");
    }
}
