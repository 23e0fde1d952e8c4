package jp.refund.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import jp.refund.shared.CsvOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOrderPartTest {

    private static Notice notice(String claimNo, NoticeKind kind, int n, Delivery delivery) {
        return new Notice(kind.noticeId(claimNo, n), kind, claimNo, "A" + claimNo, "M" + claimNo, delivery,
                delivery == Delivery.LETTER ? "〒100-0005 東京都千代田区丸の内1-1" : claimNo + "@example.com",
                kind.template(), "{\"amount_yen\":\"" + n + "\",\"destination\":\"みずほ \\\"本店\\\", ****641\"}");
    }

    @Test
    void rowsGivenInTheOrderTheyAreCausedComeOutInFileOrderAsTheTableWouldListThem(@TempDir Path dir)
            throws Exception {
        // given a first night's order: decisions in claim order, then payouts in claim order, then a
        // second BALANCE of one claim (n = 2); every fifth notice a letter, and rows longer than the
        // read-ahead window in between
        List<Notice> caused = new ArrayList<>();
        for (int c = 0; c < 3_000; c++) {
            caused.add(notice(claim(c), c % 7 == 0 ? NoticeKind.REJECTION : NoticeKind.BALANCE, 1,
                    c % 5 == 0 ? Delivery.LETTER : Delivery.EMAIL));
        }
        for (int c = 2_999; c >= 0; c -= 3) {
            caused.add(notice(claim(c), NoticeKind.PAYOUT, 1, c % 5 == 0 ? Delivery.LETTER : Delivery.EMAIL));
        }
        caused.add(notice(claim(17), NoticeKind.BALANCE, 2, Delivery.EMAIL));
        Notice big = new Notice(NoticeKind.DEFICIENCY.noticeId(claim(40), 1), NoticeKind.DEFICIENCY, claim(40),
                "A", "M", Delivery.EMAIL, "x@example.com", "deficiency", "\"" + "あ".repeat(600_000) + "\"");
        caused.add(big);
        java.util.Collections.shuffle(caused.subList(100, 400), new Random(2019)); // and some disorder

        // when they go through a part
        FileOrderPart.Written written;
        try (FileOrderPart part = new FileOrderPart(dir, 0)) {
            caused.forEach(part::add);
            written = part.finish();
        }

        // then both files hold the rows sorted by claim, kind, n: the bytes of writing them in that order
        List<Notice> sorted = caused.stream().sorted(Comparator.comparing(Notice::claimNo)
                .thenComparing(Notice::kind).thenComparing(n -> Integer.parseInt(
                        n.noticeId().substring(n.noticeId().lastIndexOf('-') + 1)))).toList();
        CsvOutput.writePart(dir.resolve("expected-notices"), out -> sorted.forEach(n -> out.accept(n.csvRow())));
        CsvOutput.writePart(dir.resolve("expected-letters"), out -> sorted.stream()
                .filter(n -> n.delivery() == Delivery.LETTER).forEach(n -> out.accept(n.csvRow())));
        assertThat(Files.readAllBytes(written.noticesFile()))
                .isEqualTo(Files.readAllBytes(dir.resolve("expected-notices")));
        assertThat(Files.readAllBytes(written.lettersFile()))
                .isEqualTo(Files.readAllBytes(dir.resolve("expected-letters")));
        assertThat(written.notices()).isEqualTo(caused.size());
        assertThat(written.letters()).isEqualTo(caused.stream().filter(n -> n.delivery() == Delivery.LETTER).count());
        assertThat(Files.readString(written.noticesFile())).startsWith(NoticeKind.REJECTION.noticeId(claim(0), 1))
                .contains(NoticeKind.BALANCE.noticeId(claim(17), 1) + "," + "BALANCE")
                .containsSubsequence(NoticeKind.BALANCE.noticeId(claim(17), 1),
                        NoticeKind.BALANCE.noticeId(claim(17), 2), NoticeKind.PAYOUT.noticeId(claim(17), 1),
                        NoticeKind.BALANCE.noticeId(claim(18), 1));
        // the same through mappings of 4 KB (most rows run past one, the long one past many)
        FileOrderPart.Written small;
        try (FileOrderPart part = new FileOrderPart(dir, 1, 4096)) {
            caused.forEach(part::add);
            small = part.finish();
        }
        assertThat(Files.readAllBytes(small.noticesFile())).isEqualTo(Files.readAllBytes(dir.resolve("expected-notices")));
        assertThat(Files.readAllBytes(small.lettersFile())).isEqualTo(Files.readAllBytes(dir.resolve("expected-letters")));
        // the scratch files of rows as they came are gone
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0-notices.csv",
                    "0-letters.csv", "1-notices.csv", "1-letters.csv", "expected-notices", "expected-letters");
        }
    }

    @Test
    void theOrderIsClaimNumberThenKindAsListedThenN() {
        assertThat(FileOrderPart.keyOf(notice(claim(1), NoticeKind.CERTIFICATE_EXPIRY_REMINDER, 9, Delivery.EMAIL)))
                .isLessThan(FileOrderPart.keyOf(notice(claim(2), NoticeKind.BALANCE, 1, Delivery.EMAIL)));
        assertThat(FileOrderPart.keyOf(notice(claim(2), NoticeKind.BALANCE, 12, Delivery.EMAIL)))
                .isLessThan(FileOrderPart.keyOf(notice(claim(2), NoticeKind.DEFICIENCY, 1, Delivery.EMAIL)));
        assertThat(FileOrderPart.keyOf(notice(claim(2), NoticeKind.BALANCE, 2, Delivery.EMAIL)))
                .isLessThan(FileOrderPart.keyOf(notice(claim(2), NoticeKind.BALANCE, 10, Delivery.EMAIL)));
        assertThat(FileOrderPart.keyOf(notice("1999999999", NoticeKind.CERTIFICATE_EXPIRY_REMINDER, 1, Delivery.EMAIL)))
                .isPositive();
    }

    private static String claim(int k) {
        return String.valueOf(1_000_000_016L + 17L * k);
    }
}
