package jp.refund.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import jp.refund.rehearsal.Campaign;

/**
 * The attacker side of {@code generate --attack} (SPEC section 11): who is attacked by which
 * campaign, the attackers' small pools of mule accounts, drop addresses, e-mails and phones
 * (reused across their applications, as a real crew's are), and the honest look-alikes the
 * controls must not mistake for attackers. It draws from its own random stream, so the honest
 * book's draws stay those of the plain generator until an attack-mode choice differs.
 *
 * <p>Who is a victim: a takeover or a leaked-list campaign hits a member who does not apply
 * (the owner never learns of it, or too late); {@link Campaign#RACE_THE_OWNER} hits a member who
 * does apply, with the attacker's application submitted before the owner's. So no victim's own
 * application comes first, and every owner whose application meets an attacker's earlier claim is
 * a race. Takeover victims have a refundable wallet (the attacker sees the balance in the app); a
 * leaked list does not show balances, so {@link Campaign#STOLEN_DATA_WEB} hits any member.
 */
final class AttackRehearsal {

    /** The campaigns an attacker runs against a member who does not apply, in draw order. */
    static final List<Campaign> AGAINST_NON_APPLICANTS = List.of(Campaign.TAKEOVER_MULE,
            Campaign.TAKEOVER_LOOKALIKE, Campaign.STOLEN_DATA_WEB, Campaign.ADDRESS_DROP);

    /** Share of members with a wallet whose refundable amount is above 0 (98% have one, 97% of those a balance). */
    private static final double REFUNDABLE_SHARE = 0.95;

    private static final String[] ATTACKER_DOMAINS = {"mailbox.example.net", "freemail.example.net",
            "quick-mail.example.org"};
    private static final String[] HONEST_DOMAINS = {"example.jp", "example.ne.jp", "example.co.jp", "example.com"};

    /** A mule account: opened in the mule's own name. */
    record Mule(BookGenerator.Account account, String holderKana) {
    }

    /** What an applicant typed as contact. */
    record Contact(String email, String phone) {
    }

    private final BookGenerator.Attack attack;
    private final SplittableRandom random;
    private final double[] againstNonApplicants = new double[AGAINST_NON_APPLICANTS.size()];
    private final double race;
    private final List<Mule> mules = new ArrayList<>();
    private final List<Addresses.Address> drops = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();

    /**
     * Turns the shares of the book's applications into per-member chances: with h honest
     * applications per member and attacker shares S, the book holds h / (1 - S) applications per
     * member, and a campaign's victims are drawn from the members who can be its victims.
     */
    AttackRehearsal(BookGenerator.Attack attack, long seed, int members, double applyShare,
                    Function<SplittableRandom, BookGenerator.Account> accounts) {
        this.attack = attack;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 35);
        double honestPerMember = applyShare * 1.01; // one applicant in a hundred applies twice
        double perMember = honestPerMember / (1 - attack.total());
        double nonApplicants = Math.max(1e-9, 1 - applyShare);
        double sum = 0;
        for (int i = 0; i < againstNonApplicants.length; i++) {
            Campaign c = AGAINST_NON_APPLICANTS.get(i);
            double eligible = c == Campaign.STOLEN_DATA_WEB ? 1 : REFUNDABLE_SHARE;
            againstNonApplicants[i] = attack.share(c) * perMember / (nonApplicants * eligible);
            sum += againstNonApplicants[i];
        }
        if (sum > 1) { // more victims asked for than there are non-applicants: as many as there are
            for (int i = 0; i < againstNonApplicants.length; i++) {
                againstNonApplicants[i] /= sum;
            }
        }
        this.race = Math.min(1, attack.share(Campaign.RACE_THE_OWNER) * perMember
                / (Math.max(1e-9, applyShare) * REFUNDABLE_SHARE));
        // a race is run as one of the four others: 1/4 mule + 1/8 (half of the web ones) pay into mules
        double book = members * perMember;
        double expectedAttacks = book * attack.total();
        double toMules = book * (attack.share(Campaign.TAKEOVER_MULE) + attack.share(Campaign.STOLEN_DATA_WEB) / 2
                + attack.share(Campaign.RACE_THE_OWNER) * 3 / 8);
        double toDrops = book * (attack.share(Campaign.ADDRESS_DROP) + attack.share(Campaign.STOLEN_DATA_WEB) / 2
                + attack.share(Campaign.RACE_THE_OWNER) * 3 / 8);
        // about five applications per mule account and per drop address, four per e-mail, six per phone
        for (int i = 0; i < Math.max(2, Math.round(toMules / 5)); i++) {
            BookGenerator.Account account;
            do {
                account = accounts.apply(random);
            } while ("3".equals(account.type())); // a mule's account is a real one
            mules.add(new Mule(account, JapaneseNames.family(random).kana() + " " + JapaneseNames.given(random).kana()));
        }
        for (int i = 0; i < Math.max(2, Math.round(toDrops / 5)); i++) {
            drops.add(Addresses.random(random));
        }
        for (int i = 0; i < Math.max(2, Math.round(expectedAttacks / 4)); i++) {
            emails.add(freshAttackerEmail());
        }
        for (int i = 0; i < Math.max(2, Math.round(expectedAttacks / 6)); i++) {
            phones.add(newPhone(random));
        }
    }

    SplittableRandom random() {
        return random;
    }

    /** The campaign run against a member who does not apply, or null; only on a member it can hit. */
    Campaign against(boolean compromised, long refundable) {
        double u = random.nextDouble();
        for (int i = 0; i < againstNonApplicants.length; i++) {
            if (u < againstNonApplicants[i]) {
                Campaign c = AGAINST_NON_APPLICANTS.get(i);
                boolean hits = switch (c) {
                    case TAKEOVER_MULE -> !compromised && refundable > 0; // the victim list is watched
                    case STOLEN_DATA_WEB -> true;
                    default -> refundable > 0;
                };
                return hits ? c : null;
            }
            u -= againstNonApplicants[i];
        }
        return null;
    }

    /** Whether an attacker races this applying member (who has a refundable wallet). */
    boolean races() {
        return random.nextDouble() < race;
    }

    /** How a race is run: any of the four others (a mule only for a member off the victim list). */
    Campaign raceKind(boolean compromised) {
        Campaign c = AGAINST_NON_APPLICANTS.get(random.nextInt(AGAINST_NON_APPLICANTS.size()));
        return c == Campaign.TAKEOVER_MULE && compromised ? Campaign.TAKEOVER_LOOKALIKE : c;
    }

    /** The first night takes half the attacks: attackers move before the owners do. */
    int attackNight(int nights) {
        return random.nextBoolean() ? 0 : random.nextInt(nights);
    }

    /** An attacker's contact: mostly from the crew's few e-mails and phones, sometimes a fresh one. */
    Contact attackerContact() {
        String email = random.nextInt(10) < 7 ? emails.get(random.nextInt(emails.size())) : freshAttackerEmail();
        String phone = random.nextInt(10) < 8 ? phones.get(random.nextInt(phones.size())) : newPhone(random);
        return new Contact(email, phone);
    }

    Mule mule() {
        return mules.get(random.nextInt(mules.size()));
    }

    Addresses.Address drop() {
        return drops.get(random.nextInt(drops.size()));
    }

    /** A staff document check of an attacker's application passes only on a good forgery. */
    boolean forgeryPasses() {
        return random.nextDouble() < attack.forgeryRate();
    }

    /**
     * An honest member of the previous member's household (4%): same family name and address,
     * half of them the same (landline) phone, one in ten the family's e-mail; each applies alone.
     */
    BookGenerator.Member household(BookGenerator.Member m, BookGenerator.Member previous) {
        if (previous == null || random.nextInt(100) >= 4) {
            return m;
        }
        boolean phone = random.nextBoolean();
        boolean email = random.nextInt(10) == 0;
        return new BookGenerator.Member(m.id(), previous.family(), m.given(), m.birthDate(),
                email ? previous.email() : m.email(), phone ? previous.phone() : m.phone(), previous.address(),
                m.compromised(), m.contactChangedInIncident(), m.hasWallet());
    }

    /**
     * The contact an honest APP applicant typed: as registered mostly; typing differences that
     * compare equal (case and a leading space in the e-mail, a phone without hyphens); and some
     * contact changed since registration: a new phone, a new e-mail, or both.
     */
    Contact honestApp(BookGenerator.Member m) {
        int r = random.nextInt(1000);
        if (r < 30) {
            return new Contact(" " + m.email().toUpperCase(Locale.ROOT), m.phone());
        }
        if (r < 80) {
            return new Contact(m.email(), m.phone().replace("-", ""));
        }
        if (r < 110) {
            return new Contact(m.email(), newPhone(random));
        }
        if (r < 120) {
            return new Contact(newHonestEmail(), m.phone());
        }
        if (r < 125) {
            return new Contact(newHonestEmail(), newPhone(random));
        }
        return new Contact(m.email(), m.phone());
    }

    /** The phone an honest WEB applicant who matches by e-mail typed: their own, or a new one. */
    String honestWebPhone(BookGenerator.Member m) {
        return random.nextInt(10) < 7 ? m.phone() : newPhone(random);
    }

    private String freshAttackerEmail() {
        return Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36)
                + "@" + ATTACKER_DOMAINS[random.nextInt(ATTACKER_DOMAINS.length)];
    }

    private String newHonestEmail() {
        return "n" + Integer.toString(random.nextInt(1 << 30), 36) + "@"
                + HONEST_DOMAINS[random.nextInt(HONEST_DOMAINS.length)];
    }

    static String newPhone(SplittableRandom r) {
        return "0" + (7 + r.nextInt(3)) + "0-" + String.format("%04d-%04d", r.nextInt(10000), r.nextInt(10000));
    }

    /** Counts per campaign, for the summary. */
    static Map<Campaign, Long> emptyCounts() {
        Map<Campaign, Long> counts = new EnumMap<>(Campaign.class);
        for (Campaign c : Campaign.values()) {
            counts.put(c, 0L);
        }
        return counts;
    }
}
