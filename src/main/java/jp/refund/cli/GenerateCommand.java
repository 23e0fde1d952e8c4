package jp.refund.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import jp.refund.generate.BookGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic but realistic book as dated input folders, to rehearse full nights.",
                "Deterministic for a seed. Needs no database."})
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write <date>/ folders into")
    Path out;

    @Option(names = "--members", defaultValue = "10000", paramLabel = "N",
            description = "members (and about as many wallets) (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--seed", defaultValue = "2019", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--nights", defaultValue = "1", paramLabel = "K", description = "business nights (default: ${DEFAULT-VALUE})")
    int nights;

    @Option(names = "--start", defaultValue = "2019-11-14", paramLabel = "YYYY-MM-DD",
            description = "first night; by default it both transfers (value date 11-18) and issues certificates (issue date 11-15) (default: ${DEFAULT-VALUE})")
    LocalDate start;

    @Option(names = "--apply-share", defaultValue = "0.8", paramLabel = "X",
            description = "share of members who apply (default: ${DEFAULT-VALUE})")
    double applyShare;

    @Option(names = "--certificates-from", paramLabel = "OUTPUT",
            description = "instead of a book: for the certificates on the mailing lists under OUTPUT, write "
                    + "certificate_redemptions.csv (about 95% cashed within validity) and certificate_reissues.csv "
                    + "(about 3%) into --out, each in the folder of the day after it happened")
    Path certificatesFrom;

    @Option(names = "--confirmations-from", paramLabel = "OUTPUT",
            description = "instead of a book: for the claims that started awaiting confirmation in the nights under "
                    + "OUTPUT (run with --refund.confirmation.required=true), write confirmations.csv into --out: about "
                    + "90% confirm by the deadline, 2% decline, the rest never answer; each in the folder of the day "
                    + "after the answer")
    Path confirmationsFrom;

    @Override
    public Integer call() {
        if (confirmationsFrom != null) {
            jp.refund.generate.ConfirmationFeeds.Summary s = jp.refund.generate.ConfirmationFeeds.write(
                    confirmationsFrom, out, seed);
            System.out.printf("%,d claim(s) awaiting confirmation: %,d confirm, %,d decline, %,d never answer,"
                    + " in %,d night folder(s) under %s%n", s.awaiting(), s.confirmed(), s.declined(),
                    s.awaiting() - s.confirmed() - s.declined(), s.nights(), out);
            return 0;
        }
        if (certificatesFrom != null) {
            jp.refund.generate.CertificateFeeds.Summary s = jp.refund.generate.CertificateFeeds.write(
                    certificatesFrom, out, seed);
            System.out.printf("%,d certificate(s): %,d redemption(s) (%,d after valid-until), %,d reissue request(s),"
                    + " in %,d night folder(s) under %s%n", s.certificates(), s.redemptions(), s.late(), s.reissues(),
                    s.nights(), out);
            return 0;
        }
        if (members < 1 || nights < 1 || applyShare < 0 || applyShare > 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--members and --nights must be at least 1, --apply-share between 0 and 1");
        }
        BookGenerator.Summary summary = new BookGenerator(new BookGenerator.Settings(out, members, seed, nights, start,
                applyShare)).generate();
        summary.lines().forEach(System.out::println);
        System.out.printf("generated %,d rows in %.1f s into %s%n", summary.rows(), summary.seconds(), out);
        return 0;
    }
}
