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
import java.util.Map;
import java.util.SplittableRandom;
import jp.refund.ingest.Feed;
import jp.refund.reference.BankCalendar;
import jp.refund.reference.BankMaster;
import jp.refund.rehearsal.Campaign;
import jp.refund.shared.ProgressMeter;
import org.springframework.core.io.ClassPathResource;

/**
 * Writes a synthetic but realistic book: dated input folders in the feed layouts, for
 * rehearsing a full night. Deterministic for a seed. Everything on the first night
 * (members, closing balances, applications submitted since 2019-10-01); later nights
 * bring more applications, the identity checks of the previous night's web and flagged
 * applications, and a few late member rows. Shares follow the real case: about 80% of
 * members apply, 80% through the app, 15% by postal certificate. With {@link Attack} the book
 * also holds the attacker rehearsal of SPEC section 11 ({@link AttackRehearsal}) and its answer
 * key {@value #ATTACK_KEY} beside the date folders.
 */
public final class BookGenerator {

    /** What to generate; {@code attack} null for an honest book only. */
    public record Settings(Path out, int members, long seed, int nights, LocalDate start, double applyShare,
                           Attack attack) {

        public Settings(Path out, int members, long seed, int nights, LocalDate start, double applyShare) {
            this(out, members, seed, nights, start, applyShare, null);
        }
    }

    /**
     * {@code generate --attack} (SPEC section 11): each campaign's share of the book's
     * applications, and the share of attackers' forged documents that pass a staff check.
     */
    public record Attack(double takeoverMule, double takeoverLookalike, double stolenDataWeb, double addressDrop,
                         double raceTheOwner, double forgeryRate) {

        /** One percent each, a forgery in twenty passing. */
        public static final Attack DEFAULTS = new Attack(0.01, 0.01, 0.01, 0.01, 0.01, 0.05);

        double share(Campaign c) {
            return switch (c) {
                case HONEST -> 1 - total();
                case TAKEOVER_MULE -> takeoverMule;
                case TAKEOVER_LOOKALIKE -> takeoverLookalike;
                case STOLEN_DATA_WEB -> stolenDataWeb;
                case ADDRESS_DROP -> addressDrop;
                case RACE_THE_OWNER -> raceTheOwner;
            };
        }

        /** All attackers' share of the book's applications. */
        public double total() {
            return takeoverMule + takeoverLookalike + stolenDataWeb + addressDrop + raceTheOwner;
        }
    }

    /** The answer key's name, in the --out folder beside the date folders (nightly reads only folders). */
    public static final String ATTACK_KEY = "attack-key.csv";

    /** What was written, per night and file. */
    public record Summary(List<String> lines, long rows, double seconds) {
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+09:00'");
    private static final LocalDateTime APPLICATIONS_OPEN = LocalDateTime.of(2019, 10, 1, 0, 0);
    /** The end of the application period (refund.application-window.end's default, 2020-01-10, exclusive here). */
    private static final LocalDateTime APPLICATIONS_CLOSE = LocalDateTime.of(2020, 1, 11, 0, 0);
    private static final Transliterator HALF_WIDTH = Transliterator.getInstance("Fullwidth-Halfwidth");

    private final Settings settings;
    private final SplittableRandom random;
    private final List<BankMaster.Branch> branches;
    private final List<BankMaster.Branch> yuchoSogo;
    private final List<LocalDate> nights;
    private final List<String> summary = new ArrayList<>();
    private final AttackRehearsal rehearsal;
    /**
     * The nights that bring applications: every night of a plain book; in a rehearsal the nights
     * up to the close of the application period, so that its later nights bring the staff checks
     * alone, as the real program's last weeks did (and no honest applicant is rejected for
     * applying late because the rehearsal ran long).
     */
    private final int applicationNights;
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
        this.rehearsal = settings.attack() == null ? null : new AttackRehearsal(settings.attack(), settings.seed(),
                settings.members(), settings.applyShare(), this::account);
        int open = 1;
        while (rehearsal != null && open < nights.size() && windowStart(open).isBefore(APPLICATIONS_CLOSE)) {
            open++;
        }
        this.applicationNights = rehearsal == null ? nights.size() : open;
    }

    /** One generated member, kept only as long as its applications need it. */
    record Member(String id, JapaneseNames.Name family, JapaneseNames.Name given, LocalDate birthDate,
                          String email, String phone, Addresses.Address address, boolean compromised,
                          boolean contactChangedInIncident, boolean hasWallet) {
    }

    record Account(String bankCode, String branchCode, String type, String number, String yuchoSymbol,
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
            Member previousMember = null;
            for (int i = 1; i <= settings.members(); i++) {
                Member m = member(i);
                if (rehearsal != null) {
                    m = rehearsal.household(m, previousMember);
                    previousMember = m;
                }
                int memberNight = nights.size() > 1 && random.nextInt(1000) == 0 ? 1 : 0; // a few late rows
                files[memberNight].member(m, this);
                long refundable = m.hasWallet() ? files[0].wallet(m, this) : 0;
                if (random.nextDouble() < settings.applyShare()) {
                    int night = random.nextInt(applicationNights);
                    Applied first = apply(files, night, m, previousAccount);
                    previousAccount = first.account() != null ? first.account() : previousAccount;
                    LocalDateTime ownersFirst = first.submittedAt();
                    if (random.nextInt(100) == 0) { // applies twice, perhaps through the other channel
                        Applied second = apply(files, Math.min(applicationNights - 1, night + random.nextInt(2)), m,
                                previousAccount);
                        ownersFirst = second.submittedAt().isBefore(ownersFirst) ? second.submittedAt() : ownersFirst;
                    }
                    if (rehearsal != null && refundable > 0 && rehearsal.races()) {
                        race(files, m, ownersFirst);
                    }
                } else if (rehearsal != null) {
                    Campaign c = rehearsal.against(m.compromised(), refundable);
                    if (c != null) {
                        attackerApplication(files, c, c, m, timeIn(rehearsal.attackNight(applicationNights),
                                rehearsal.random()));
                    }
                }
                if (i % 10_000 == 0) {
                    progress.update(i, (double) i / settings.members());
                }
            }
            if (random.nextInt(2) == 0) {
                String id = files[0].unknownMemberApplication(this);
                if (rehearsal != null) {
                    reviewLater(files, 0, id, true);
                }
            }
            for (NightFiles f : files) {
                f.close();
                summary.addAll(f.summary());
                rows += f.rows();
            }
            if (rehearsal != null) {
                writeKey(files);
            } else {
                Files.deleteIfExists(settings.out().resolve(ATTACK_KEY)); // an older book's key would describe another book
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

    /** One honest application written: the account it pays into (null: by post), and when it was sent. */
    private record Applied(Account account, LocalDateTime submittedAt) {
    }

    /** Writes one application of a member (and, in a rehearsal, its identity check on a later night). */
    private Applied apply(NightFiles[] files, int night, Member m, Account previous) throws IOException {
        boolean web = random.nextInt(100) < 20;
        boolean postal = random.nextInt(100) < 15;
        LocalDateTime at = timeIn(night, random);
        String submittedAt = TIMESTAMP.format(at);
        Account account = null;
        if (!postal) {
            account = previous != null && random.nextInt(200) == 0 ? previous : account(random);
        }
        if (rehearsal == null) {
            boolean flagged = web || m.compromised() || m.contactChangedInIncident();
            String id = files[night].application(this, m, web, submittedAt, account, null);
            if (flagged && night + 1 < nights.size()) {
                files[night + 1].check(this, id, nights.get(night + 1));
            }
            return new Applied(account, at);
        }
        AttackRehearsal.Contact contact = web ? new AttackRehearsal.Contact(null, rehearsal.honestWebPhone(m))
                : rehearsal.honestApp(m);
        String id = files[night].application(this, m, web, submittedAt, account, contact);
        if (id != null) {
            reviewLater(files, night, id, true); // honest applicants show real documents
        }
        return new Applied(account, at);
    }

    /** A time within the window of a night: after the previous night (or the opening), before this one. */
    private LocalDateTime timeIn(int night, SplittableRandom r) {
        LocalDateTime earliest = windowStart(night);
        LocalDateTime latest = nights.get(night).atStartOfDay();
        if (rehearsal != null && latest.isAfter(APPLICATIONS_CLOSE)) {
            latest = APPLICATIONS_CLOSE; // the night after the period closed brings its last applications
        }
        long minutes = java.time.Duration.between(earliest, latest).toMinutes();
        return earliest.plusMinutes(r.nextLong(Math.max(1, minutes))).plusSeconds(r.nextInt(60));
    }

    private LocalDateTime windowStart(int night) {
        return night == 0 ? APPLICATIONS_OPEN : nights.get(night - 1).atTime(0, 0);
    }

    /** The night whose input folder holds an application sent at this time. */
    private int nightOf(LocalDateTime at) {
        for (int k = 0; k < nights.size(); k++) {
            if (at.isBefore(nights.get(k).atStartOfDay())) {
                return k;
            }
        }
        throw new IllegalArgumentException(at + " is after the last night");
    }

    /**
     * A staff document check, on one of the next two nights (none after the last night). Every
     * application gets one in a rehearsal: the generator cannot know which the night's review
     * settings hold, and a check on a claim not pending review changes nothing.
     */
    private void reviewLater(NightFiles[] files, int night, String applicationId, boolean pass) throws IOException {
        SplittableRandom r = rehearsal.random();
        int checkNight = Math.min(nights.size() - 1, night + 1 + (r.nextInt(4) == 0 ? 1 : 0));
        if (checkNight > night) {
            files[checkNight].check(r, applicationId, nights.get(checkNight), pass ? "PASS" : "FAIL");
        }
    }

    /**
     * {@link Campaign#RACE_THE_OWNER}: one of the other campaigns against an applying member,
     * sent before the owner's first application and at most one night earlier, so that the
     * owner's application is decided while the attacker's claim is still live (its check comes
     * on a later night, after that night's decisions).
     */
    private void race(NightFiles[] files, Member owner, LocalDateTime ownersFirst) throws IOException {
        SplittableRandom r = rehearsal.random();
        LocalDateTime from = windowStart(Math.max(0, nightOf(ownersFirst) - 1));
        long seconds = java.time.Duration.between(from, ownersFirst).toSeconds();
        if (seconds > 60) {
            attackerApplication(files, Campaign.RACE_THE_OWNER, rehearsal.raceKind(owner.compromised()), owner,
                    from.plusSeconds(r.nextLong(seconds - 1)));
        }
    }

    /**
     * Writes one attacker application and its staff check: {@code kind} is how it is made,
     * {@code label} what the answer key says (they differ for a race).
     */
    private void attackerApplication(NightFiles[] files, Campaign label, Campaign kind, Member victim,
                                     LocalDateTime at) throws IOException {
        SplittableRandom r = rehearsal.random();
        boolean web = kind == Campaign.STOLEN_DATA_WEB;
        AttackRehearsal.Contact contact = rehearsal.attackerContact();
        String name = victim.family().kanji() + " " + victim.given().kanji();
        StringBuilder row = new StringBuilder(220);
        if (kind == Campaign.ADDRESS_DROP || web && r.nextBoolean()) {
            Addresses.Address drop = rehearsal.drop(); // the envelope names the victim, so the name matches
            row.append("POSTAL,,,,,,,,").append(name).append(',').append(drop.postalCode()).append(',')
                    .append(drop.text()).append(',');
        } else {
            Account account;
            String holder;
            if (kind == Campaign.TAKEOVER_LOOKALIKE) { // an account opened in the victim's name
                do {
                    account = account(r);
                } while ("3".equals(account.type()));
                holder = victim.family().kana() + " " + victim.given().kana();
            } else {
                AttackRehearsal.Mule mule = rehearsal.mule();
                account = mule.account();
                holder = mule.holderKana();
            }
            bankCells(row, account, holder);
        }
        // the leaked list gives the victim's phone, which a web application must match on
        row.append(contact.email()).append(',').append(web ? victim.phone() : contact.phone()).append(',');
        if (web) {
            row.append(victim.family().kanji()).append(',').append(victim.given().kanji()).append(',')
                    .append(kanaVariant(victim.family().kana(), r)).append(',')
                    .append(kanaVariant(victim.given().kana(), r)).append(',').append(victim.birthDate());
        } else {
            row.append(victim.id());
        }
        int night = nightOf(at);
        String id = files[night].attackerApplication(web, TIMESTAMP.format(at), row, label);
        reviewLater(files, night, id, rehearsal.forgeryPasses());
    }

    /**
     * The answer key, beside the date folders: {@code application_id,campaign}, every
     * application of the book once (the rows ingest rejects are none), sorted by application_id
     * (A before B, then night, then number).
     */
    private void writeKey(NightFiles[] files) throws IOException {
        Map<Campaign, Long> counts = AttackRehearsal.emptyCounts();
        Path key = settings.out().resolve(ATTACK_KEY);
        Path partial = settings.out().resolve(ATTACK_KEY + ".partial");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("application_id,campaign\n");
            for (boolean web : new boolean[]{false, true}) {
                for (NightFiles f : files) {
                    f.writeKey(w, web, counts);
                }
            }
        }
        Files.move(partial, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        summary.add(String.format("answer key %s: %,d applications", key, total));
        counts.forEach((c, n) -> summary.add(String.format("  %-18s %,10d (%.2f%%)", c, n,
                total == 0 ? 0 : 100.0 * n / total)));
    }

    /** An application's cells from payout_method to the mailing fields, for a transfer (Japan Post Bank by 記号番号). */
    static void bankCells(StringBuilder row, Account account, String holder) {
        row.append("BANK,");
        if (account.yuchoSymbol() != null) {
            row.append(",,,,").append(account.yuchoSymbol()).append(',').append(account.yuchoNumber());
        } else {
            row.append(account.bankCode()).append(',').append(account.branchCode()).append(',')
                    .append(account.type()).append(',').append(account.number()).append(",,");
        }
        row.append(',').append(holder).append(",,,,");
    }

        Account account(SplittableRandom random) {
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
        return kanaVariant(katakana, random);
    }

    private static String kanaVariant(String katakana, SplittableRandom random) {
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
        /** In a rehearsal, per application number: its campaign's ordinal, {@link #WEB} added for B-numbers. */
        private byte[] campaigns = new byte[0];
        private boolean unknownMember;

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

        /** Writes the member's wallet; returns its refundable amount. */
        long wallet(Member m, BookGenerator g) throws IOException {
            SplittableRandom r = g.random();
            long balance = r.nextInt(100) < 3 ? 0 : Math.min(100_000, Math.round(Math.exp(4 + r.nextDouble() * 7)));
            long disputed = m.compromised() ? Math.round(balance * r.nextDouble()) : 0;
            wallets.write("W" + m.id().substring(1) + "," + m.id() + "," + balance + "," + disputed + ","
                    + m.compromised() + "\n");
            counts[1]++;
            return balance - disputed;
        }

        /**
         * Writes an honest application; returns its id, or null for a malformed row. {@code contact}
         * is what a rehearsal's applicant typed (for WEB only the phone), null in a plain book.
         */
        String application(BookGenerator g, Member m, boolean isWeb, String submittedAt, Account account,
                           AttackRehearsal.Contact contact) throws IOException {
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
                bankCells(row, account, holder);
            }
            boolean malformed = false;
            if (!isWeb) {
                row.append(contact != null ? contact.email() : m.email()).append(',')
                        .append(contact != null ? contact.phone() : m.phone()).append(',').append(m.id());
                if (r.nextInt(500) == 0) {
                    row.append(",unexpected"); // a malformed row: one field too many
                    malformed = true;
                }
                app.write(row.append('\n').toString());
                counts[2]++;
            } else {
                boolean byEmail = r.nextInt(10) < 7;
                String email = byEmail ? (r.nextInt(5) == 0 ? m.email().toUpperCase() : m.email()) : "x" + id + "@example.org";
                // a plain book keeps its placeholder phone; a rehearsal's would be one contact shared by thousands
                String phone = byEmail ? (contact != null ? contact.phone() : "03-0000-0000") : m.phone().replace("-", "");
                LocalDate birth = r.nextInt(50) == 0 ? m.birthDate().plusDays(1) : m.birthDate(); // a typo
                row.append(email).append(',').append(phone).append(',').append(m.family().kanji()).append(',')
                        .append(m.given().kanji()).append(',').append(g.kanaVariant(m.family().kana())).append(',')
                        .append(g.kanaVariant(m.given().kana())).append(',').append(birth);
                web.write(row.append('\n').toString());
                counts[3]++;
            }
            if (contact == null) {
                return id;
            }
            record(Campaign.HONEST, isWeb);
            if (malformed) {
                campaigns[applicationSeq - 1] |= REJECTED_ROW;
            }
            return malformed ? null : id; // a check naming a rejected row would itself be rejected
        }

        /** Writes an attacker's application: {@code rest} is the row after id and submitted_at. */
        String attackerApplication(boolean isWeb, String submittedAt, CharSequence rest, Campaign label)
                throws IOException {
            String id = (isWeb ? "B" : "A") + folder.getFileName().toString().replace("-", "").substring(2)
                    + String.format("%07d", ++applicationSeq);
            (isWeb ? web : app).write(id + "," + submittedAt + "," + rest + "\n");
            counts[isWeb ? 3 : 2]++;
            record(label, isWeb);
            return id;
        }

        private static final int WEB = 0x40;
        /** A row ingest rejects: never an application of the book, so not in the key (attack-report refuses unknown ids). */
        private static final int REJECTED_ROW = 0x20;

        private void record(Campaign campaign, boolean isWeb) {
            if (campaigns.length < applicationSeq) {
                campaigns = java.util.Arrays.copyOf(campaigns, Math.max(1024, campaigns.length * 2));
            }
            campaigns[applicationSeq - 1] = (byte) (campaign.ordinal() | (isWeb ? WEB : 0));
        }

        /** This night's key rows of one channel, in application_id order. */
        void writeKey(Writer w, boolean isWeb, Map<Campaign, Long> keyCounts) throws IOException {
            String prefix = (isWeb ? "B" : "A") + folder.getFileName().toString().replace("-", "").substring(2);
            Campaign[] all = Campaign.values();
            for (int seq = 1; seq <= applicationSeq; seq++) {
                int v = campaigns[seq - 1];
                if (((v & WEB) != 0) == isWeb && (v & REJECTED_ROW) == 0) {
                    Campaign c = all[v & ~WEB];
                    w.write(prefix + String.format("%07d", seq) + "," + c.name() + "\n");
                    keyCounts.merge(c, 1L, Long::sum);
                }
            }
            if (!isWeb && unknownMember) {
                w.write(prefix + "9999999," + Campaign.HONEST.name() + "\n");
                keyCounts.merge(Campaign.HONEST, 1L, Long::sum);
            }
        }

        String unknownMemberApplication(BookGenerator g) throws IOException {
            String id = "A" + folder.getFileName().toString().replace("-", "").substring(2) + "9999999";
            app.write(id + ",2019-10-02T10:00:00+09:00,POSTAL,,,,,,,,名無 権兵衛,100-0001,東京都千代田区千代田1-1,"
                    + "nobody@example.jp,090-0000-0000,M99999999\n");
            counts[2]++;
            unknownMember = true;
            return id;
        }

        void check(BookGenerator g, String applicationId, LocalDate night) throws IOException {
            SplittableRandom r = g.random();
            check(r, applicationId, night, r.nextInt(100) < 92 ? "PASS" : "FAIL");
        }

        void check(SplittableRandom r, String applicationId, LocalDate night, String result) throws IOException {
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
