package jp.refund.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.refund.ingest.Feed;
import jp.refund.kana.NameComparison;
import jp.refund.rehearsal.Campaign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --attack} (SPEC section 11): the campaigns' rows have the shape the SPEC
 * gives them, the answer key names every application once beside the date folders, staff
 * checks come on later nights, honest look-alikes exist, and the same seed gives the same bytes.
 * One small book (3,000 members, three nights, 4% per campaign so each has rows enough) is shared.
 */
class AttackRehearsalTest {

    private static final double SHARE = 0.04;
    private static final BookGenerator.Attack ATTACK = new BookGenerator.Attack(SHARE, SHARE, SHARE, SHARE, SHARE, 0.05);
    private static final LocalDate START = LocalDate.of(2019, 11, 14);

    @TempDir
    static Path root;

    static Path book;
    static List<String> keyLines;
    static Map<String, Campaign> key;
    static Map<String, Map<String, String>> members;
    static Map<String, Map<String, String>> wallets;
    static Map<String, Map<String, String>> applications;
    static Map<String, String> applicationFolder;
    static List<Map<String, String>> checks;

    @BeforeAll
    static void generate() throws IOException {
        book = root.resolve("book");
        new BookGenerator(settings(book, 11)).generate();
        keyLines = Files.readAllLines(book.resolve("attack-key.csv"), StandardCharsets.UTF_8);
        key = new LinkedHashMap<>();
        for (String line : keyLines.subList(1, keyLines.size())) {
            String[] f = line.split(",", -1);
            assertThat(key.put(f[0], Campaign.valueOf(f[1]))).as("named once: " + f[0]).isNull();
        }
        members = byKey(rows(Feed.MEMBERS), "member_id");
        wallets = byKey(rows(Feed.CLOSING_BALANCES), "member_id");
        applications = new HashMap<>();
        applicationFolder = new HashMap<>();
        for (Feed feed : List.of(Feed.APPLICATIONS_APP, Feed.APPLICATIONS_WEB)) {
            for (Path folder : dateFolders()) {
                for (Map<String, String> row : read(folder.resolve(feed.fileName()))) {
                    applications.put(row.get("application_id"), row);
                    applicationFolder.put(row.get("application_id"), folder.getFileName().toString());
                }
            }
        }
        checks = rows(Feed.IDENTITY_CHECKS);
    }

    private static BookGenerator.Settings settings(Path out, long seed) {
        return new BookGenerator.Settings(out, 3000, seed, 3, START, 0.8, ATTACK);
    }

    /**
     * A rehearsal runs its nights to the last payout date, past the application period: every
     * application is sent within it (none rejected OUTSIDE_APPLICATION_WINDOW for the rehearsal's
     * length), and the nights after it bring the staff checks alone.
     */
    @Test
    void applicationsAreSentWithinTheApplicationPeriodAndLaterNightsBringChecksOnly() throws IOException {
        Path late = root.resolve("late");
        new BookGenerator(new BookGenerator.Settings(late, 400, 5, 6, LocalDate.of(2020, 1, 8), 0.8, ATTACK)).generate();
        OffsetDateTime close = OffsetDateTime.parse("2020-01-11T00:00:00+09:00");
        int sent = 0;
        int checksAfter = 0;
        try (Stream<Path> folders = Files.list(late)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                boolean afterThePeriod = LocalDate.parse(folder.getFileName().toString()).isAfter(LocalDate.of(2020, 1, 14));
                for (Feed feed : List.of(Feed.APPLICATIONS_APP, Feed.APPLICATIONS_WEB)) {
                    for (Map<String, String> row : read(folder.resolve(feed.fileName()))) {
                        assertThat(OffsetDateTime.parse(row.get("submitted_at"))).as(row.get("application_id"))
                                .isBefore(close);
                        assertThat(afterThePeriod).as("an application in " + folder.getFileName()).isFalse();
                        sent++;
                    }
                }
                if (afterThePeriod) {
                    checksAfter += read(folder.resolve(Feed.IDENTITY_CHECKS.fileName())).size();
                }
            }
        }
        assertThat(sent).isGreaterThan(200);
        assertThat(checksAfter).as("checks of the last applications, on the nights after them").isPositive();
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() {
        Path again = root.resolve("again");
        Path other = root.resolve("other");
        new BookGenerator(settings(again, 11)).generate();
        new BookGenerator(settings(other, 12)).generate();

        assertThat(BookGeneratorTest.digest(again)).isEqualTo(BookGeneratorTest.digest(book));
        assertThat(BookGeneratorTest.digest(other)).isNotEqualTo(BookGeneratorTest.digest(book));
    }

    @Test
    void theKeyNamesEveryApplicationOnceSortedWithTheSharesAsSet() throws IOException {
        byte[] bytes = Files.readAllBytes(book.resolve("attack-key.csv"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r").startsWith("application_id,campaign\n");
        assertThat(keyLines.get(0)).isEqualTo("application_id,campaign");
        // every application ingest accepts; a malformed row (one cell too many) is never one of the book's
        assertThat(applications.values()).anyMatch(a -> a.containsKey("unexpected"));
        assertThat(key.keySet()).containsExactlyInAnyOrderElementsOf(applications.entrySet().stream()
                .filter(e -> !e.getValue().containsKey("unexpected")).map(Map.Entry::getKey).toList());
        assertThat(new ArrayList<>(key.keySet())).isSorted();

        Map<Campaign, Long> counts = key.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        for (Campaign c : Campaign.values()) {
            if (c.attacker()) {
                assertThat((double) counts.get(c) / key.size()).as(c.name()).isBetween(SHARE * 0.7, SHARE * 1.3);
            }
        }
        assertThat((double) counts.get(Campaign.HONEST) / key.size()).isBetween(0.75, 0.85);
    }

    @Test
    void theKeyLiesBesideTheDateFoldersWhichHoldOnlyFeeds() throws IOException {
        Set<String> feeds = Arrays.stream(Feed.values()).map(Feed::fileName).collect(Collectors.toSet());
        try (Stream<Path> top = Files.list(book)) {
            assertThat(top.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("attack-key.csv");
        }
        for (Path folder : dateFolders()) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).allMatch(feeds::contains);
            }
        }
    }

    @Test
    void takeoverMulePaysIntoFewMuleAccountsInTheirOwnNamesFromIdsOffTheVictimList() {
        List<Map<String, String>> rows = of(Campaign.TAKEOVER_MULE);
        Map<String, Integer> accounts = new HashMap<>();
        for (Map<String, String> a : rows) {
            assertThat(a).containsKey("member_id").containsEntry("payout_method", "BANK");
            Map<String, String> m = members.get(a.get("member_id"));
            assertThat(wallets.get(m.get("member_id"))).containsEntry("compromised", "false");
            assertRefundable(m);
            assertThat(NameComparison.same(a.get("account_holder_kana"), kana(m))).isFalse();
            assertAttackerContact(a, m);
            accounts.merge(account(a), 1, Integer::sum);
        }
        assertThat(accounts.size()).as("a small pool of mule accounts").isLessThan(rows.size() / 2);
    }

    @Test
    void takeoverLookalikePaysIntoAnAccountInTheVictimsNameWithTheAttackersContact() {
        for (Map<String, String> a : of(Campaign.TAKEOVER_LOOKALIKE)) {
            assertThat(a).containsKey("member_id").containsEntry("payout_method", "BANK");
            Map<String, String> m = members.get(a.get("member_id"));
            assertRefundable(m);
            assertThat(NameComparison.same(a.get("account_holder_kana"), kana(m))).isTrue();
            assertAttackerContact(a, m);
        }
    }

    @Test
    void stolenDataWebUsesTheVictimsBirthDatePhoneAndKanaAndPaysAMuleOrADrop() {
        Set<String> methods = new HashSet<>();
        for (Map<String, String> a : of(Campaign.STOLEN_DATA_WEB)) {
            assertThat(a).containsKey("birth_date");
            Map<String, String> m = victim(a);
            assertThat(m).as("a member with the leaked birth date, phone and kana: " + a).isNotNull();
            assertThat(email(a.get("email"))).isNotEqualTo(email(m.get("email")));
            methods.add(a.get("payout_method"));
        }
        assertThat(methods).containsExactlyInAnyOrder("BANK", "POSTAL");
    }

    @Test
    void addressDropMailsToDropAddressesSharedByAttackers() {
        List<Map<String, String>> rows = of(Campaign.ADDRESS_DROP);
        Map<String, Integer> drops = new HashMap<>();
        for (Map<String, String> a : rows) {
            assertThat(a).containsKey("member_id").containsEntry("payout_method", "POSTAL");
            Map<String, String> m = members.get(a.get("member_id"));
            assertRefundable(m);
            assertThat(a.get("address")).isNotEqualTo(m.get("address"));
            assertAttackerContact(a, m);
            drops.merge(a.get("postal_code") + a.get("address"), 1, Integer::sum);
        }
        assertThat(drops.size()).as("drop addresses shared").isLessThan(rows.size() / 2);
    }

    @Test
    void raceTheOwnerComesBeforeTheOwnersOwnHonestApplication() {
        List<Map<String, String>> rows = of(Campaign.RACE_THE_OWNER);
        for (Map<String, String> a : rows) {
            Map<String, String> owner = a.containsKey("member_id") ? members.get(a.get("member_id")) : victim(a);
            List<Map<String, String>> own = applications.values().stream()
                    .filter(o -> key.get(o.get("application_id")) == Campaign.HONEST && ownedBy(o, owner)).toList();
            assertThat(own).as("the owner applies too: " + a).isNotEmpty();
            for (Map<String, String> o : own) {
                assertThat(OffsetDateTime.parse(o.get("submitted_at")))
                        .isAfter(OffsetDateTime.parse(a.get("submitted_at")));
                assertThat(applicationFolder.get(o.get("application_id")))
                        .as("the owner's application is decided before the attacker's check can arrive")
                        .isLessThanOrEqualTo(LocalDate.parse(applicationFolder.get(a.get("application_id")))
                                .plusDays(7).toString());
            }
        }
    }

    @Test
    void everyApplicationGetsAStaffCheckOnALaterNightHonestPassAttackersMostlyFail() {
        Map<String, Map<String, String>> byApplication = new HashMap<>();
        for (Map<String, String> c : checks) {
            assertThat(byApplication.put(c.get("application_id"), c)).as("one check per application").isNull();
            assertThat(c.get("folder")).isGreaterThan(applicationFolder.get(c.get("application_id")));
        }
        String lastNight = dateFolders().get(dateFolders().size() - 1).getFileName().toString();
        int attackers = 0;
        int passed = 0;
        for (Map.Entry<String, Campaign> e : key.entrySet()) {
            Map<String, String> check = byApplication.get(e.getKey());
            Map<String, String> a = applications.get(e.getKey());
            if (check == null) {
                assertThat(applicationFolder.get(e.getKey()).equals(lastNight) || a.containsKey("unexpected"))
                        .as("no check only on the last night or for a malformed row: " + e.getKey()).isTrue();
                continue;
            }
            if (e.getValue() == Campaign.HONEST) {
                assertThat(check.get("result")).isEqualTo("PASS");
            } else {
                attackers++;
                passed += "PASS".equals(check.get("result")) ? 1 : 0;
            }
        }
        assertThat(attackers).isGreaterThan(300);
        assertThat((double) passed / attackers).as("the forgery rate").isBetween(0.01, 0.10);
    }

    @Test
    void honestLookAlikesShareHouseholdsAndTypeTheirContactDifferently() {
        Map<String, Long> byAddress = members.values().stream()
                .collect(Collectors.groupingBy(m -> m.get("postal_code") + m.get("address"), Collectors.counting()));
        Map<String, Long> byPhone = members.values().stream()
                .collect(Collectors.groupingBy(m -> m.get("phone"), Collectors.counting()));
        assertThat(byAddress.values().stream().filter(n -> n > 1).count()).as("households at one address")
                .isGreaterThan(30);
        assertThat(byPhone.values().stream().filter(n -> n > 1).count()).as("households on one phone")
                .isGreaterThan(15);

        int sameEmailTypedOtherwise = 0;
        int phoneWithoutHyphens = 0;
        int newPhone = 0;
        for (Map<String, String> a : applications.values()) {
            if (key.get(a.get("application_id")) != Campaign.HONEST || !a.containsKey("member_id")
                    || !members.containsKey(a.get("member_id"))) {
                continue;
            }
            Map<String, String> m = members.get(a.get("member_id"));
            if (!a.get("email").equals(m.get("email")) && email(a.get("email")).equals(email(m.get("email")))) {
                sameEmailTypedOtherwise++;
            }
            if (!a.get("phone").equals(m.get("phone")) && digits(a.get("phone")).equals(digits(m.get("phone")))) {
                phoneWithoutHyphens++;
            }
            if (!digits(a.get("phone")).equals(digits(m.get("phone")))) {
                newPhone++;
            }
        }
        assertThat(sameEmailTypedOtherwise).isGreaterThan(20);
        assertThat(phoneWithoutHyphens).isGreaterThan(40);
        assertThat(newPhone).isGreaterThan(20);
        assertThat(applications.values().stream().filter(a -> "03-0000-0000".equals(a.get("phone"))))
                .as("no placeholder phone that thousands of honest web applications would share").isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<Map<String, String>> of(Campaign campaign) {
        List<Map<String, String>> rows = key.entrySet().stream().filter(e -> e.getValue() == campaign)
                .map(e -> applications.get(e.getKey())).toList();
        assertThat(rows).as(campaign.name()).hasSizeGreaterThan(40);
        return rows;
    }

    private static void assertRefundable(Map<String, String> m) {
        Map<String, String> w = wallets.get(m.get("member_id"));
        assertThat(w).as("a takeover victim has a wallet").isNotNull();
        assertThat(Long.parseLong(w.get("balance_yen")) - Long.parseLong(w.get("disputed_yen"))).isPositive();
    }

    private static void assertAttackerContact(Map<String, String> a, Map<String, String> m) {
        assertThat(email(a.get("email"))).isNotEqualTo(email(m.get("email")));
        assertThat(digits(a.get("phone"))).isNotEqualTo(digits(m.get("phone")));
    }

    /** The member a WEB application's leaked data belongs to: birth date, phone and kana name. */
    private static Map<String, String> victim(Map<String, String> a) {
        return members.values().stream().filter(m -> m.get("birth_date").equals(a.get("birth_date"))
                && digits(m.get("phone")).equals(digits(a.get("phone")))
                && NameComparison.fullName(m.get("family_name_kana"), m.get("given_name_kana"))
                .equals(NameComparison.fullName(a.get("family_name_kana"), a.get("given_name_kana"))))
                .findFirst().orElse(null);
    }

    private static boolean ownedBy(Map<String, String> application, Map<String, String> owner) {
        if (application.containsKey("member_id")) {
            return owner.get("member_id").equals(application.get("member_id"));
        }
        // an honest web applicant may mistype the birth date; the name and one contact are theirs
        return owner.get("family_name").equals(application.get("family_name"))
                && owner.get("given_name").equals(application.get("given_name"))
                && (email(owner.get("email")).equals(email(application.get("email")))
                || digits(owner.get("phone")).equals(digits(application.get("phone"))));
    }

    private static String kana(Map<String, String> m) {
        return m.get("family_name_kana") + m.get("given_name_kana");
    }

    private static String account(Map<String, String> a) {
        return a.get("bank_code") + "/" + a.get("branch_code") + "/" + a.get("account_number") + "/"
                + a.get("yucho_symbol") + "/" + a.get("yucho_number");
    }

    private static String email(String e) {
        return e.strip().toLowerCase(Locale.ROOT);
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static List<Path> dateFolders() {
        try (Stream<Path> top = Files.list(book)) {
            return top.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> rows(Feed feed) {
        List<Map<String, String>> all = new ArrayList<>();
        for (Path folder : dateFolders()) {
            Path file = folder.resolve(feed.fileName());
            if (Files.exists(file)) {
                for (Map<String, String> row : read(file)) {
                    row.put("folder", folder.getFileName().toString());
                    all.add(row);
                }
            }
        }
        return all;
    }

    /** A generated feed: no quoted cells; an empty cell is left out; a cell past the header is "unexpected". */
    private static List<Map<String, String>> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < f.length; i++) {
                    if (!f[i].isEmpty()) {
                        row.put(i < header.length ? header[i] : "unexpected", f[i]);
                    }
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String column) {
        return rows.stream().collect(Collectors.toMap(r -> r.get(column), Function.identity(), (a, b) -> a));
    }
}
