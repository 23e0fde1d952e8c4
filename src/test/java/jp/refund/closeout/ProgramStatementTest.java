package jp.refund.closeout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.refund.certificate.StatementPdf;
import jp.refund.certificate.VeraPdf;
import jp.refund.report.ReconciliationLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The close-out statement: its figures add up, and its PDF is PDF/A-2b, the same bytes every time. */
class ProgramStatementTest {

    private static final ProgramStatement STATEMENT = new ProgramStatement(LocalDate.of(2020, 8, 31),
            List.of(LocalDate.of(2019, 10, 1), LocalDate.of(2020, 5, 18)),
            List.of(new ReconciliationLine("CLOSING_TOTAL", 1_470_000, 9_876_543_210L),
                    new ReconciliationLine("DISPUTED", 808, 38_615_473),
                    new ReconciliationLine("EMITTED_BANK", 1_000_000, 7_000_000_000L),
                    new ReconciliationLine("ISSUED_CERTIFICATE", 0, 0),
                    new ReconciliationLine("REDEEMED_CERTIFICATE", 140_000, 1_500_000_000L),
                    new ReconciliationLine("EXPIRED_CERTIFICATE", 10_000, 100_000_000L),
                    new ReconciliationLine("APPROVED_UNSCHEDULED", 12, 120_000),
                    new ReconciliationLine("PENDING_REVIEW", 1_000, 10_000_000),
                    new ReconciliationLine("UNCLAIMED", 318_000, 1_227_807_737L),
                    new ReconciliationLine("DIFFERENCE", 0, 0)),
            List.of(new UnclaimedMember("M1", "山田", "太郎", "1000001", "東京都千代田区千代田1-1", 3_000,
                    "EXPIRED_CERTIFICATE")),
            Map.of("APP/BANK/SCHEDULED", new long[]{1_000_000, 7_000_000_000L},
                    "APP/POSTAL/PAID", new long[]{140_000, 1_500_000_000L},
                    "APP/POSTAL/EXPIRED", new long[]{10_000, 100_000_000L},
                    "WEB/BANK/PENDING_REVIEW", new long[]{1_000, 10_000_000},
                    "WEB/BANK/APPROVED", new long[]{12, 120_000}));

    @Test
    void theFinalAccountingAddsWhatWasPaidAndWhatIsStillOwed() {
        assertThat(STATEMENT.finalAccounting().subList(10, 14)).containsExactly(
                new ReconciliationLine("PAID_BY_BANK", 1_000_000, 7_000_000_000L),
                new ReconciliationLine("REDEEMED_BY_CERTIFICATE", 140_000, 1_500_000_000L),
                new ReconciliationLine("PAID_TOTAL", 1_140_000, 8_500_000_000L),
                new ReconciliationLine("STILL_OWED", 1, 3_000));
    }

    @Test
    void theStatementIsAPdfA2bAFinanceDirectorCanSign() throws Exception {
        byte[] pdf = new StatementPdf().render(STATEMENT.pdf());
        assertThat(new StatementPdf().render(STATEMENT.pdf())).isEqualTo(pdf);
        assertThat(VeraPdf.pdfA2bFailures(pdf)).isEmpty();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("返金プログラム 最終精算報告書", "9,876,543,210", "38,615,473",
                    "9,837,927,737", "経理部長 Finance director", "印");
        }
        String look = System.getProperty("closeout.look");
        if (look != null) { // -Dcloseout.look=target/statement.pdf to look at it (pdftoppm -png)
            Files.write(Path.of(look), pdf);
        }
    }
}
