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

    @Option(names = "--attack", description = "add attacker applications (SPEC section 11: the five campaigns below, "
            + "each a share of the book's applications), honest look-alikes (households sharing an address or a "
            + "phone, typing differences, changed contacts), a staff identity check on a later night for every "
            + "application, and the answer key " + BookGenerator.ATTACK_KEY + " in --out beside the date folders")
    boolean attack;

    @Option(names = "--attack-takeover-mule", paramLabel = "X",
            description = "with --attack: share of APP applications from a taken-over ID off the victim list, paid "
                    + "into a mule's own account (default: 0.01)")
    Double takeoverMule;

    @Option(names = "--attack-takeover-lookalike", paramLabel = "X",
            description = "with --attack: share of APP applications from a taken-over ID, paid into an account "
                    + "opened in the victim's name, with the attacker's e-mail and phone (default: 0.01)")
    Double takeoverLookalike;

    @Option(names = "--attack-stolen-data-web", paramLabel = "X",
            description = "with --attack: share of WEB applications with a victim's leaked birth date, phone and kana "
                    + "name, paid into a mule account or mailed to a drop address (default: 0.01)")
    Double stolenDataWeb;

    @Option(names = "--attack-address-drop", paramLabel = "X",
            description = "with --attack: share of APP applications from a taken-over ID, certificate mailed to a "
                    + "drop address shared by several attackers (default: 0.01)")
    Double addressDrop;

    @Option(names = "--attack-race-the-owner", paramLabel = "X",
            description = "with --attack: share of attacker applications (of the four kinds above) sent before the "
                    + "owner's own application, which follows (default: 0.01)")
    Double raceTheOwner;

    @Option(names = "--attack-forgery-rate", paramLabel = "X",
            description = "with --attack: share of attackers' identity checks that PASS on a forged document; the "
                    + "rest FAIL (default: 0.05)")
    Double forgeryRate;

    @Option(names = "--certificates-from", paramLabel = "OUTPUT",
            description = "instead of a book: for the certificates on the mailing lists under OUTPUT, write "
                    + "certificate_redemptions.csv (about 95%% cashed within validity) and certificate_reissues.csv "
                    + "(about 3%%) into --out, each in the folder of the day after it happened")
    Path certificatesFrom;

    @Option(names = "--confirmations-from", paramLabel = "OUTPUT",
            description = "instead of a book: for the claims that started awaiting confirmation in the nights under "
                    + "OUTPUT (run with --refund.confirmation.required=true), write confirmations.csv into --out: about "
                    + "90%% confirm by the deadline, 2%% decline, the rest never answer; each in the folder of the day "
                    + "after the answer")
    Path confirmationsFrom;

    /** The campaigns' shares, or null without --attack (then no --attack-* option may be given). */
    private BookGenerator.Attack attack() {
        Double[] given = {takeoverMule, takeoverLookalike, stolenDataWeb, addressDrop, raceTheOwner, forgeryRate};
        if (!attack) {
            if (java.util.Arrays.stream(given).anyMatch(java.util.Objects::nonNull)) {
                throw usage("the --attack-* options need --attack");
            }
            return null;
        }
        BookGenerator.Attack d = BookGenerator.Attack.DEFAULTS;
        BookGenerator.Attack a = new BookGenerator.Attack(or(takeoverMule, d.takeoverMule()),
                or(takeoverLookalike, d.takeoverLookalike()), or(stolenDataWeb, d.stolenDataWeb()),
                or(addressDrop, d.addressDrop()), or(raceTheOwner, d.raceTheOwner()), or(forgeryRate, d.forgeryRate()));
        double[] shares = {a.takeoverMule(), a.takeoverLookalike(), a.stolenDataWeb(), a.addressDrop(),
                a.raceTheOwner(), a.forgeryRate()};
        if (java.util.Arrays.stream(shares).anyMatch(x -> !(x >= 0 && x <= 1)) || a.total() >= 0.5) {
            throw usage("the --attack-* shares must be between 0 and 1, the five campaigns together below 0.5");
        }
        return a;
    }

    private static double or(Double given, double otherwise) {
        return given != null ? given : otherwise;
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), message);
    }

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
                applyShare, attack())).generate();
        summary.lines().forEach(System.out::println);
        if (attack && nights < 2) {
            System.out.println("note: identity checks come on later nights; with --nights=1 there are none");
        }
        System.out.printf("generated %,d rows in %.1f s into %s%n", summary.rows(), summary.seconds(), out);
        return 0;
    }
}
