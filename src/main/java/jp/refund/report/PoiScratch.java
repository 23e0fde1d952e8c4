package jp.refund.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Where POI keeps the scratch files of a streamed workbook: a folder of this process's own in
 * the temp folder (issue 38). POI's default, {@code <tmp>/poifiles}, is one folder for every
 * user of the machine, made by whoever wrote a workbook first and unwritable to the others: a
 * second operating-system user could not run a night.
 */
final class PoiScratch {

    private static Path folder;

    private PoiScratch() {
    }

    static synchronized void ownFolder() {
        if (folder != null) {
            return;
        }
        try {
            folder = Files.createTempDirectory("refund-batch-poi-"); // 0700 on POSIX
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create POI's scratch folder in the temp folder", e);
        }
        folder.toFile().deleteOnExit(); // empty by then: each workbook removes its scratch files
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }
}
