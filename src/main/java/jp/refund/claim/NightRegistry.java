package jp.refund.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as the night's decisions read it: every member and wallet, read once in bulk
 * when the decision step starts ({@link DecisionBook#readRegistry}) and held in parallel
 * arrays indexed by the member's position in member-id order. The registry does not change
 * while a night decides, so one read serves every application; a restarted step reads it
 * again from the book, never from a previous process.
 *
 * <p>Compact: a member is one slot in each array; the values that repeat across members
 * (names, kana, birth dates, postal codes, the incident-time stamps) are held once. It holds
 * no e-mail or phone unless {@code CONTACT_NOT_REGISTERED} (SPEC section 11) is on: web
 * applicants are matched on those, and their candidates are read whole
 * ({@link DecisionBook#readWebCandidates}); with the flag on, the registered contacts are held
 * too, in their comparison forms, for the APP applicants' comparison.
 */
final class NightRegistry {

    /** Member ids in {@link String#compareTo} order: a member's number is its position here. */
    private final String[] memberIds;
    private final String[] familyNames;
    private final String[] givenNames;
    private final String[] familyNamesKana;
    private final String[] givenNamesKana;
    private final LocalDate[] birthDates;
    private final String[] postalCodes;
    private final String[] addresses;
    private final OffsetDateTime[] contactChangedAt;
    /** Registered e-mails and phones in comparison form; null when not held. */
    private final String[] emailKeys;
    private final String[] phoneKeys;
    private final String[] walletIds;
    private final long[] balanceYen;
    private final long[] disputedYen;
    private final BitSet compromised;

    private NightRegistry(Builder b) {
        int n = b.size;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // the book's key order is its collation's; a member's number must follow String.compareTo
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = b.memberIds[i - 1].compareTo(b.memberIds[i]) < 0;
        }
        if (!sorted) {
            Arrays.sort(order, (x, y) -> b.memberIds[x].compareTo(b.memberIds[y]));
        }
        memberIds = new String[n];
        familyNames = new String[n];
        givenNames = new String[n];
        familyNamesKana = new String[n];
        givenNamesKana = new String[n];
        birthDates = new LocalDate[n];
        postalCodes = new String[n];
        addresses = new String[n];
        contactChangedAt = new OffsetDateTime[n];
        emailKeys = b.emailKeys == null ? null : new String[n];
        phoneKeys = b.emailKeys == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            int from = order[i];
            memberIds[i] = b.memberIds[from];
            familyNames[i] = b.familyNames[from];
            givenNames[i] = b.givenNames[from];
            familyNamesKana[i] = b.familyNamesKana[from];
            givenNamesKana[i] = b.givenNamesKana[from];
            birthDates[i] = b.birthDates[from];
            postalCodes[i] = b.postalCodes[from];
            addresses[i] = b.addresses[from];
            contactChangedAt[i] = b.contactChangedAt[from];
            if (emailKeys != null) {
                emailKeys[i] = b.emailKeys[from];
                phoneKeys[i] = b.phoneKeys[from];
            }
        }
        walletIds = new String[n];
        balanceYen = new long[n];
        disputedYen = new long[n];
        compromised = new BitSet(n);
    }

    int size() {
        return memberIds.length;
    }

    /** The member's number, or a negative number when the registry has no such member (exact comparison). */
    int numberOf(String memberId) {
        return memberId == null ? -1 : Arrays.binarySearch(memberIds, memberId);
    }

    String memberId(int number) {
        return memberIds[number];
    }

    Optional<Member> member(String memberId) {
        int m = numberOf(memberId);
        if (m < 0) {
            return Optional.empty();
        }
        // contacts are held only for CONTACT_NOT_REGISTERED (see the class comment), as comparison forms
        return Optional.of(new Member(memberIds[m], familyNames[m], givenNames[m], familyNamesKana[m],
                givenNamesKana[m], birthDates[m], emailKeys == null ? null : emailKeys[m],
                phoneKeys == null ? null : phoneKeys[m], postalCodes[m], addresses[m], contactChangedAt[m]));
    }

    Optional<Wallet> walletOf(String memberId) {
        int m = numberOf(memberId);
        if (m < 0 || walletIds[m] == null) {
            return Optional.empty();
        }
        return Optional.of(new Wallet(walletIds[m], memberIds[m], balanceYen[m], disputedYen[m], compromised.get(m)));
    }

    /** Records a wallet of the book; a wallet whose member is not in the registry is never read by a decision. */
    void addWallet(String walletId, String memberId, long balance, long disputed, boolean isCompromised) {
        int m = numberOf(memberId);
        if (m < 0) {
            return;
        }
        walletIds[m] = walletId;
        balanceYen[m] = balance;
        disputedYen[m] = disputed;
        compromised.set(m, isCompromised);
    }

    /** Collects the members as they are read, in any order; values that repeat are kept once. */
    static final class Builder {

        private final Map<Object, Object> repeated = new HashMap<>();
        private int size;
        private String[] memberIds;
        private String[] familyNames;
        private String[] givenNames;
        private String[] familyNamesKana;
        private String[] givenNamesKana;
        private LocalDate[] birthDates;
        private String[] postalCodes;
        private String[] addresses;
        private OffsetDateTime[] contactChangedAt;
        private String[] emailKeys;
        private String[] phoneKeys;

        Builder(int expected) {
            int capacity = Math.max(16, expected);
            memberIds = new String[capacity];
            familyNames = new String[capacity];
            givenNames = new String[capacity];
            familyNamesKana = new String[capacity];
            givenNamesKana = new String[capacity];
            birthDates = new LocalDate[capacity];
            postalCodes = new String[capacity];
            addresses = new String[capacity];
            contactChangedAt = new OffsetDateTime[capacity];
        }

        void add(String memberId, String familyName, String givenName, String familyNameKana, String givenNameKana,
                 LocalDate birthDate, String postalCode, String address, OffsetDateTime changedAt) {
            if (size == memberIds.length) {
                grow();
            }
            memberIds[size] = memberId;
            familyNames[size] = once(familyName);
            givenNames[size] = once(givenName);
            familyNamesKana[size] = once(familyNameKana);
            givenNamesKana[size] = once(givenNameKana);
            birthDates[size] = once(birthDate);
            postalCodes[size] = once(postalCode);
            addresses[size] = address;
            contactChangedAt[size] = once(changedAt);
            size++;
        }

        /** The registered e-mail and phone of the member added last, in comparison form; holds every member's. */
        void contact(String emailKey, String phoneKey) {
            if (emailKeys == null) {
                emailKeys = new String[memberIds.length];
                phoneKeys = new String[memberIds.length];
            }
            emailKeys[size - 1] = emailKey;
            phoneKeys[size - 1] = phoneKey;
        }

        NightRegistry build() {
            NightRegistry registry = new NightRegistry(this);
            repeated.clear();
            return registry;
        }

        @SuppressWarnings("unchecked")
        private <T> T once(T value) {
            return value == null ? null : (T) repeated.computeIfAbsent(value, v -> v);
        }

        private void grow() {
            int capacity = memberIds.length * 2;
            memberIds = Arrays.copyOf(memberIds, capacity);
            familyNames = Arrays.copyOf(familyNames, capacity);
            givenNames = Arrays.copyOf(givenNames, capacity);
            familyNamesKana = Arrays.copyOf(familyNamesKana, capacity);
            givenNamesKana = Arrays.copyOf(givenNamesKana, capacity);
            birthDates = Arrays.copyOf(birthDates, capacity);
            postalCodes = Arrays.copyOf(postalCodes, capacity);
            addresses = Arrays.copyOf(addresses, capacity);
            contactChangedAt = Arrays.copyOf(contactChangedAt, capacity);
            if (emailKeys != null) {
                emailKeys = Arrays.copyOf(emailKeys, capacity);
                phoneKeys = Arrays.copyOf(phoneKeys, capacity);
            }
        }
    }
}
