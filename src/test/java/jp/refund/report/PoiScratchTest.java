package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;

/** Issue 38: a workbook's scratch files go to a folder of the process's own, not the shared poifiles. */
class PoiScratchTest {

    @Test
    void theWorkbooksScratchFolderIsThisProcesssOwn() throws Exception {
        Class.forName(AuditWorkbook.class.getName()); // as writing a night's workbook does
        File scratch = TempFile.createTempFile("sheet", ".xml");
        try {
            Path folder = scratch.toPath().getParent();
            assertThat(folder).isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "poifiles"));
            assertThat(folder.getFileName().toString()).startsWith("refund-batch-poi-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        } finally {
            Files.deleteIfExists(scratch.toPath());
        }
    }
}
