package jp.refund.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers written for claims awaiting confirmation: shares, deadlines, folders after the last night, the seed. */
class ConfirmationFeedsTest {

    @TempDir
    Path root;

    @Test
    void aboutNinetyPercentConfirmInTimeTwoPercentDeclineAndEveryRowComesAfterItsAnswer() throws Exception {
        Path output = root.resolve("output");
        Path night = Files.createDirectories(output.resolve("2019-11-14/reports"));
        StringBuilder events = new StringBuilder("run_date,claim_no,application_id,channel,member_id,status,reasons,"
                + "amount_yen,payout_method,payout_date,reference\n");
        for (int i = 0; i < 5000; i++) {
            events.append(String.format("2019-11-14,%010d,A%d,APP,M%d,%s,,1000,BANK,,%n", i, i, i,
                    i % 5 == 0 ? "PENDING_REVIEW" : "AWAITING_CONFIRMATION"));
        }
        Files.writeString(night.resolve("claim-events.csv"), events.toString());

        ConfirmationFeeds.Summary summary = ConfirmationFeeds.write(output, root.resolve("input"), 7);
        ConfirmationFeeds.Summary again = ConfirmationFeeds.write(output, root.resolve("again"), 7);

        assertThat(again).isEqualTo(summary);
        assertThat(summary.awaiting()).isEqualTo(4000);
        assertThat((double) summary.confirmed() / summary.awaiting()).isBetween(0.88, 0.92);
        assertThat((double) summary.declined() / summary.awaiting()).isBetween(0.01, 0.03);
        LocalDate confirmBy = LocalDate.of(2019, 12, 14); // 11-14 + 30 days
        Map<String, String> answers = new HashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("input"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("confirmations.csv")).toList()) {
                LocalDate folder = LocalDate.parse(file.getParent().getFileName().toString());
                assertThat(folder).isAfter(LocalDate.of(2019, 11, 14));
                List<String> lines = Files.readAllLines(file);
                assertThat(lines.get(0)).isEqualTo("confirmation_id,claim_no,answered_at,answer");
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",");
                    LocalDate answered = OffsetDateTime.parse(f[2]).toLocalDate();
                    assertThat(answered.plusDays(1)).isEqualTo(folder);
                    assertThat(answered).isBetween(LocalDate.of(2019, 11, 14), confirmBy);
                    assertThat(Integer.parseInt(f[1]) % 5).as("only claims that await confirmation").isNotZero();
                    assertThat(answers.put(f[1], f[3])).as("one answer per claim").isNull();
                }
            }
        }
        assertThat(answers.values().stream().filter("CONFIRM"::equals).count()).isEqualTo(summary.confirmed());
        assertThat(Files.readString(root.resolve("input").resolve(confirmBy.plusDays(1).toString())
                .resolve("confirmations.csv"), java.nio.charset.StandardCharsets.UTF_8)).isNotEmpty();
    }
}
