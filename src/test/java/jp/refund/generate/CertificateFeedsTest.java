package jp.refund.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redemptions and reissues written for issued certificates: shares, dates and order of nights. */
class CertificateFeedsTest {

    @TempDir
    Path root;

    @Test
    void aboutNinetyFivePercentAreCashedInTimeAndEveryRowComesAfterTheLastNight() throws Exception {
        Path output = root.resolve("output");
        Path night = Files.createDirectories(output.resolve("2019-11-14/certificates"));
        StringBuilder list = new StringBuilder("certificate_no,claim_no,postal_code,address,recipient_name,amount_yen,"
                + "issue_date,valid_until\n");
        for (int i = 0; i < 4000; i++) {
            list.append(String.format("P%010d,%010d,100-0001,東京都千代田区千代田1-1,山田 太郎,%d,2019-11-15,2020-05-15%n",
                    i, i, 1000 + i));
        }
        Files.writeString(night.resolve("mailing-list.csv"), list.toString());

        CertificateFeeds.Summary summary = CertificateFeeds.write(output, root.resolve("input"), 7);
        CertificateFeeds.Summary again = CertificateFeeds.write(output, root.resolve("again"), 7);

        assertThat(again).isEqualTo(summary);
        assertThat(summary.certificates()).isEqualTo(4000);
        assertThat(summary.reissues()).isBetween(80, 160);  // about 3%
        assertThat(summary.redemptions() + summary.reissues()).isEqualTo(4000);
        double inTime = 1 - (double) summary.late() / summary.redemptions();
        assertThat(inTime).isBetween(0.93, 0.97);
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("input"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("certificate_redemptions.csv")).toList()) {
                LocalDate folder = LocalDate.parse(file.getParent().getFileName().toString());
                assertThat(folder).isAfter(LocalDate.of(2019, 11, 14));
                List<String> lines = Files.readAllLines(file);
                assertThat(lines.get(0)).isEqualTo("redemption_id,certificate_no,redeemed_at,office_code,amount_yen");
                for (String line : lines.subList(1, lines.size())) {
                    // delivered the day after it happened
                    assertThat(LocalDate.parse(line.split(",")[2].substring(0, 10)).plusDays(1)).isEqualTo(folder);
                    rows.add(line);
                }
            }
        }
        assertThat(rows).hasSize(summary.redemptions());
    }
}
