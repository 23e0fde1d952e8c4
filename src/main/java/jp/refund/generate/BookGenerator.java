package jp.refund.generate;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.refund.ingest.Feed;
import jp.refund.reference.BankCalendar;
import jp.refund.reference.BankMaster;
import jp.refund.shared.ProgressMeter;
import org.springframework.core.io.ClassPathResource;

/**
 * Writes a synthetic but realistic book: dated input folders in the feed layouts, for
 * rehearsing a full night. Deterministic for a seed. Everything on the first night
 * (members, closing balances, applications submitted since 2019-10-01); later nights
 * bring more applications, the identity checks of the previous night's web and flagged
 * applications, and a few late member rows. Shares follow the real case: about 80% of
 * members apply, 80% through the app, 15% by postal certificate.
 */
public final class BookGenerator {

    /** What to generate. */
    public record Settings(Path out, int members, long seed, int nights, LocalDate start, double applyShare) {
    }

    /** What was written, per night and file. */
    public record Summary(List<String> lines, long rows, double seconds) {
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+09:00'");
    private static final LocalDateTime APPLICATIONS_OPEN = LocalDateTime.of(2019, 10, 1, 0, 0);
    private static final Transliterator HALF_WIDTH = Transliterator.getInstance("Fullwidth-Halfwidth");

    private final Settings settings;
    private final SplittableRandom random;
    private final List<BankMaster.Branch> branches;
    private final List<BankMaster.Branch> yuchoSogo;
    private final List<LocalDate> nights;
    private final List<String> summary = new ArrayList<>();
    private long rows;

    public BookGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        BankMaster master = BankMaster.load(new ClassPathResource("reference/bank-master.csv"));
        List<BankMaster.Branch> all = master.branches();
        this.branches = all.stream().filter(b -> !b.bankCode().equals(BankMaster.JAPAN_POST_BANK)).toList();
        this.yuchoSogo = all.stream().filter(b -> b.bankCode().equals(BankMaster.JAPAN_POST_BANK)
                && b.branchCode().endsWith("8") && b.branchCode().startsWith("0")).toList();
        BankCalendar calendar = BankCalendar.load(new ClassPathResource("reference/jp-bank-holidays.csv"));
        this.nights = new ArrayList<>();
        LocalDate night = settings.start();
        while (!calendar.isBusinessDay(night)) {
            night = night.plusDays(1);
        }
        for (int k = 0; k < settings.nights(); k++) {
            nights.add(night);
            night = calendar.businessDaysAfter(night, 1);
        }
    }

    /** One generated member, kept only as long as its applications need it. */
    private record Member(String id, JapaneseNames.Name family, JapaneseNames.Name given, LocalDate birthDate,
                          String email, String phone, Addresses.Address address, boolean compromised,
                          boolean contactChangedInIncident, boolean hasWallet) {
    }

    private record Account(String bankCode, String branchCode, String type, String number, String yuchoSymbol,
                           String yuchoNumber) {
    }

    public Summary generate() {
        long start = System.nanoTime();
        try {
            Files.createDirectories(settings.out());
            NightFiles[] files = new NightFiles[nights.size()];
            for (int k = 0; k < nights.size(); k++) {
                files[k] = new NightFiles(settings.out().resolve(nights.get(k).toString()), k == 0);
            }
            ProgressMeter progress = new ProgressMeter("generate", "members");
            Account previousAccount = null;
            for (int i = 1; i <= settings.members(); i++) {
                Member m = member(i);
                int memberNight = nights.size() > 1 && random.nextInt(1000) == 0 ? 1 : 0; // a few late rows
                files[memberNight].member(m, this);
                if (m.hasWallet()) {
                    files[0].wallet(m, this);
                }
                if (random.nextDouble() < settings.applyShare()) {
                    int night = random.nextInt(nights.size());
                    previousAccount = apply(files, night, m, previousAccount);
                    if (random.nextInt(100) == 0) { // applies twice, perhaps through the other channel
                        apply(files, Math.min(nights.size() - 1, night + random.nextInt(2)), m, previousAccount);
                    }
                }
                if (i % 10_000 == 0) {
                    progress.update(i, (double) i / settings.members());
                }
            }
            if (random.nextInt(2) == 0) {
                files[0].unknownMemberApplication(this);
            }
            for (NightFiles f : files) {
                f.close();
                summary.addAll(f.summary());
                rows += f.rows();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + settings.out() + ": " + e.getMessage(), e);
        }
        return new Summary(summary, rows, (System.nanoTime() - start) / 1e9);
    }

    private Member member(int i) {
        JapaneseNames.Name family = JapaneseNames.family(random);
        JapaneseNames.Name given = JapaneseNames.given(random);
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
        String id = String.format("M%08d", i);
        String email = "u" + Integer.toString(i, 36) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        String phone = "0" + (7 + random.nextInt(3)) + "0-" + String.format("%04d-%04d", random.nextInt(10000),
                random.nextInt(10000));
        boolean compromised = random.nextInt(1000) == 0;
        boolean contact = random.nextInt(100) == 0;
        return new Member(id, family, given, birth, email, phone, Addresses.random(random), compromised, contact,
                random.nextInt(100) < 98);
    }

    private static final String[] DOMAINS = {"example.jp", "example.ne.jp", "example.co.jp", "example.com"};

    /** Writes one application of a member; returns the account it pays into (for the next shared account). */
    private Account apply(NightFiles[] files, int night, Member m, Account previous) throws IOException {
        boolean web = random.nextInt(100) < 20;
        boolean postal = random.nextInt(100) < 15;
        LocalDateTime earliest = night == 0 ? APPLICATIONS_OPEN : nights.get(night - 1).atTime(0, 0);
        long minutes = java.time.Duration.between(earliest, nights.get(night).atStartOfDay()).toMinutes();
        String submittedAt = TIMESTAMP.format(earliest.plusMinutes(random.nextLong(Math.max(1, minutes)))
                .plusSeconds(random.nextInt(60)));
        Account account = null;
        if (!postal) {
            account = previous != null && random.nextInt(200) == 0 ? previous : account();
        }
        boolean flagged = web || m.compromised() || m.contactChangedInIncident();
        String id = files[night].application(this, m, web, submittedAt, account);
        if (flagged && night + 1 < nights.size()) {
            files[night + 1].check(this, id, nights.get(night + 1));
        }
        return account != null ? account : previous;
    }

    private Account account() {
        if (random.nextInt(10) == 0 && !yuchoSogo.isEmpty()) {
            BankMaster.Branch b = yuchoSogo.get(random.nextInt(yuchoSogo.size()));
            String symbol = "1" + b.branchCode().substring(0, 2) + random.nextInt(10) + "0"; // branch = digits 2-3 + "8"
            return new Account(null, null, null, null, symbol, String.format("%08d", random.nextInt(100_000_000)));
        }
        BankMaster.Branch b = branches.get(random.nextInt(branches.size()));
        int t = random.nextInt(1000);
        String type = t < 900 ? "1" : t < 980 ? "2" : t < 995 ? "4" : "3";
        return new Account(b.bankCode(), b.branchCode(), type, String.valueOf(1 + random.nextInt(9_999_999)), null,
                null);
    }

    /** Kana as people type it: full-width katakana mostly, sometimes hiragana or half-width. */
    String kanaVariant(String katakana) {
        int r = random.nextInt(100);
        if (r < 8) {
            StringBuilder hira = new StringBuilder(katakana.length());
            for (char c : katakana.toCharArray()) {
                hira.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
            }
            return hira.toString();
        }
        if (r < 20) {
            return HALF_WIDTH.transliterate(katakana);
        }
        return katakana;
    }

    SplittableRandom random() {
        return random;
    }

    static String timestamp(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    /** The files of one night, written as rows come. */
    private final class NightFiles {

        private final Path folder;
        private final Writer members;
        private final Writer wallets;
        private final Writer app;
        private final Writer web;
        private final Writer checks;
        private final long[] counts = new long[5];
        private int applicationSeq;
        private int checkSeq;

        NightFiles(Path folder, boolean first) throws IOException {
            this.folder = Files.createDirectories(folder);
            members = open(Feed.MEMBERS);
            wallets = first ? open(Feed.CLOSING_BALANCES) : null;
            app = open(Feed.APPLICATIONS_APP);
            web = open(Feed.APPLICATIONS_WEB);
            checks = first ? null : open(Feed.IDENTITY_CHECKS);
        }

        private Writer open(Feed feed) throws IOException {
            BufferedWriter w = Files.newBufferedWriter(folder.resolve(feed.fileName()), StandardCharsets.UTF_8);
            w.write(String.join(",", feed.columns()));
            w.write('\n');
            return new BufferedWriter(w, 1 << 16);
        }

        void member(Member m, BookGenerator g) throws IOException {
            SplittableRandom r = g.random();
            String birth = m.birthDate().toString();
            if (r.nextInt(500) == 0) {
                birth = m.birthDate().getYear() + "-02-30"; // a malformed row, rejected
            }
            String changed = "";
            if (m.contactChangedInIncident()) {
                changed = timestamp(LocalDateTime.of(2019, 7, 1, 0, 0).plusMinutes(r.nextInt(30 * 24 * 60)));
            } else if (r.nextInt(10) == 0) {
                changed = timestamp(LocalDateTime.of(2019, 1, 1, 0, 0).plusMinutes(r.nextInt(150 * 24 * 60)));
            }
            members.write(m.id() + "," + m.family().kanji() + "," + m.given().kanji() + ","
                    + g.kanaVariant(m.family().kana()) + "," + g.kanaVariant(m.given().kana()) + "," + birth + ","
                    + m.email() + "," + m.phone() + "," + m.address().postalCode() + "," + m.address().text() + ","
                    + changed + "\n");
            counts[0]++;
        }

        void wallet(Member m, BookGenerator g) throws IOException {
            SplittableRandom r = g.random();
            long balance = r.nextInt(100) < 3 ? 0 : Math.min(100_000, Math.round(Math.exp(4 + r.nextDouble() * 7)));
            long disputed = m.compromised() ? Math.round(balance * r.nextDouble()) : 0;
            wallets.write("W" + m.id().substring(1) + "," + m.id() + "," + balance + "," + disputed + ","
                    + m.compromised() + "\n");
            counts[1]++;
        }

        String application(BookGenerator g, Member m, boolean isWeb, String submittedAt, Account account)
                throws IOException {
            SplittableRandom r = g.random();
            String id = (isWeb ? "B" : "A") + folder.getFileName().toString().replace("-", "").substring(2)
                    + String.format("%07d", ++applicationSeq);
            StringBuilder row = new StringBuilder(220).append(id).append(',').append(submittedAt).append(',');
            String name = m.family().kanji() + " " + m.given().kanji();
            String kana = m.family().kana() + " " + m.given().kana();
            if (account == null) {
                String recipient = r.nextInt(50) == 0 ? m.family().kanji() + " " + JapaneseNames.given(r).kanji() : name;
                Addresses.Address to = r.nextInt(33) == 0 ? Addresses.random(r) : m.address();
                row.append("POSTAL,,,,,,,,").append(recipient).append(',').append(to.postalCode()).append(',')
                        .append(to.text()).append(',');
            } else {
                String holder = r.nextInt(50) == 0 ? m.family().kana() + " " + JapaneseNames.given(r).kana()
                        : r.nextInt(300) == 0 ? name : g.kanaVariant(kana);
                row.append("BANK,");
                if (account.yuchoSymbol() != null) {
                    row.append(",,,,").append(account.yuchoSymbol()).append(',').append(account.yuchoNumber());
                } else {
                    row.append(account.bankCode()).append(',').append(account.branchCode()).append(',')
                            .append(account.type()).append(',').append(account.number()).append(",,");
                }
                row.append(',').append(holder).append(",,,,");
            }
            if (!isWeb) {
                row.append(m.email()).append(',').append(m.phone()).append(',').append(m.id());
                if (r.nextInt(500) == 0) {
                    row.append(",unexpected"); // a malformed row: one field too many
                }
                app.write(row.append('\n').toString());
                counts[2]++;
            } else {
                boolean byEmail = r.nextInt(10) < 7;
                String email = byEmail ? (r.nextInt(5) == 0 ? m.email().toUpperCase() : m.email()) : "x" + id + "@example.org";
                String phone = byEmail ? "03-0000-0000" : m.phone().replace("-", "");
                LocalDate birth = r.nextInt(50) == 0 ? m.birthDate().plusDays(1) : m.birthDate(); // a typo
                row.append(email).append(',').append(phone).append(',').append(m.family().kanji()).append(',')
                        .append(m.given().kanji()).append(',').append(g.kanaVariant(m.family().kana())).append(',')
                        .append(g.kanaVariant(m.given().kana())).append(',').append(birth);
                web.write(row.append('\n').toString());
                counts[3]++;
            }
            return id;
        }

        void unknownMemberApplication(BookGenerator g) throws IOException {
            app.write("A" + folder.getFileName().toString().replace("-", "").substring(2) + "9999999,"
                    + "2019-10-02T10:00:00+09:00,POSTAL,,,,,,,,名無 権兵衛,100-0001,東京都千代田区千代田1-1,"
                    + "nobody@example.jp,090-0000-0000,M99999999\n");
            counts[2]++;
        }

        void check(BookGenerator g, String applicationId, LocalDate night) throws IOException {
            SplittableRandom r = g.random();
            String result = r.nextInt(100) < 92 ? "PASS" : "FAIL";
            String[] documents = {"DRIVERS_LICENSE", "MY_NUMBER_CARD", "PASSPORT", "HEALTH_INSURANCE", "RESIDENCE_CARD"};
            checks.write("C" + night.toString().replace("-", "").substring(2) + String.format("%07d", ++checkSeq) + ","
                    + applicationId + "," + timestamp(night.minusDays(1).atTime(9, 0).plusMinutes(r.nextInt(600)))
                    + "," + result + "," + documents[r.nextInt(documents.length)] + ",R-" + (100 + r.nextInt(40))
                    + ",\n");
            counts[4]++;
        }

        void close() throws IOException {
            for (Writer w : new Writer[]{members, wallets, app, web, checks}) {
                if (w != null) {
                    w.close();
                }
            }
        }

        List<String> summary() {
            String[] names = {"members", "closing_balances", "applications_app", "applications_web", "identity_checks"};
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (counts[i] > 0) {
                    lines.add(String.format("%s %-18s %,10d rows", folder.getFileName(), names[i], counts[i]));
                }
            }
            return lines;
        }

        long rows() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }
    }
}
