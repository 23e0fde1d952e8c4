package jp.refund.report;

import java.nio.file.Path;
import java.util.List;

/** The CSV reading of verify, for tests of other packages. */
public final class NightFilesAccess {

    private NightFilesAccess() {
    }

    public static List<String[]> rows(Path csv) {
        return NightFiles.csvRows(csv);
    }
}
