package jp.refund.claim;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import jp.refund.shared.BankAccount;

/**
 * The claims that cross applications (SPEC section 4): which members have a live claim,
 * and which member's live claim pays into each account. Read once from the book when the
 * decision step starts ({@link DecisionBook#readLiveClaims}), then kept up to date with each
 * live claim the night decides, in the order it decides them. Nothing else changes a claim
 * while the night decides, so this is the book as each application's turn finds it.
 *
 * <p>A member with a live claim is known by a number given in the order they are met; an
 * account in Zengin form (15 digits) is held as one {@code long} with that number. The e-mails
 * and phones of the applications behind live claims (SPEC section 11's {@code SHARED_CONTACT})
 * are held only when that flag is on: the step reads them only then.
 */
final class LiveClaims {

    /** An account that live claims of two or more members pay into. */
    private static final int SHARED = -2;
    private static final int NONE = -1;

    /** Every member with a live claim, by number. */
    private final Object2IntOpenHashMap<String> liveMembers = new Object2IntOpenHashMap<>();
    private final Long2IntOpenHashMap accountMembers = new Long2IntOpenHashMap();
    /** Accounts not in 15-digit form (none reach a live claim through the rules; kept exact all the same). */
    private final Object2IntOpenHashMap<BankAccount> otherAccountMembers = new Object2IntOpenHashMap<>();
    /** E-mails and phones (comparison forms) of the applications behind live claims, by member number. */
    private final Object2IntOpenHashMap<String> emailMembers = new Object2IntOpenHashMap<>();
    private final Object2IntOpenHashMap<String> phoneMembers = new Object2IntOpenHashMap<>();

    /** Whether the contacts of the live claims' applications are held ({@code SHARED_CONTACT} is on). */
    private final boolean holdsContacts;

    LiveClaims() {
        this(false);
    }

    LiveClaims(boolean holdsContacts) {
        this.holdsContacts = holdsContacts;
        liveMembers.defaultReturnValue(NONE);
        accountMembers.defaultReturnValue(NONE);
        otherAccountMembers.defaultReturnValue(NONE);
        emailMembers.defaultReturnValue(NONE);
        phoneMembers.defaultReturnValue(NONE);
    }

    boolean holdsContacts() {
        return holdsContacts;
    }

    boolean hasLiveClaim(String memberId) {
        return number(memberId, false) >= 0;
    }

    /** Whether a live claim of a member other than {@code memberId} pays into {@code account}. */
    boolean accountUsedByOtherMember(BankAccount account, String memberId) {
        int holder = holderOf(account);
        return holder == SHARED || holder >= 0 && holder != number(memberId, false);
    }

    /**
     * Whether the application behind a live claim of a member other than {@code memberId} has
     * this e-mail or this phone (comparison forms; empty matches nothing).
     */
    boolean contactUsedByOtherMember(String emailKey, String phoneKey, String memberId) {
        if (!holdsContacts) {
            throw new IllegalStateException("the live claims were read without their contacts (SHARED_CONTACT is off)");
        }
        int m = number(memberId, false);
        return usedByOther(emailMembers, emailKey, m) || usedByOther(phoneMembers, phoneKey, m);
    }

    private static boolean usedByOther(Object2IntOpenHashMap<String> holders, String key, int member) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        int holder = holders.getInt(key);
        return holder == SHARED || holder >= 0 && holder != member;
    }

    /** A live claim of {@code memberId} (paying into {@code account}, when not null). */
    void record(String memberId, BankAccount account) {
        record(memberId, account, null, null);
    }

    /**
     * A live claim of {@code memberId}, paying into {@code account} (when not null), whose
     * application has this e-mail and phone (comparison forms; null when contacts are not held).
     */
    void record(String memberId, BankAccount account, String emailKey, String phoneKey) {
        int m = number(memberId, true);
        if (m == NONE) {
            return;
        }
        hold(emailMembers, emailKey, m);
        hold(phoneMembers, phoneKey, m);
        if (account == null) {
            return;
        }
        int holder = holderOf(account);
        int now = holder == NONE || holder == m ? m : SHARED;
        long key = key(account);
        if (key >= 0) {
            accountMembers.put(key, now);
        } else {
            otherAccountMembers.put(account, now);
        }
    }

    private static void hold(Object2IntOpenHashMap<String> holders, String key, int member) {
        if (key == null || key.isEmpty()) {
            return;
        }
        int holder = holders.getInt(key);
        holders.put(key, holder == NONE || holder == member ? member : SHARED);
    }

    private int holderOf(BankAccount account) {
        long key = key(account);
        return key >= 0 ? accountMembers.get(key) : otherAccountMembers.getInt(account);
    }

    private int number(String memberId, boolean add) {
        if (memberId == null) {
            return NONE;
        }
        int m = liveMembers.getInt(memberId);
        if (m == NONE && add) {
            m = liveMembers.size();
            liveMembers.put(memberId, m);
        }
        return m;
    }

    /** The account's 15 digits (bank, branch, type, number) as one long, or -1 when it is not in that form. */
    static long key(BankAccount account) {
        String[] parts = {account.bankCode(), account.branchCode(), account.accountType(), account.accountNumber()};
        int[] widths = {4, 3, 1, 7};
        long key = 0;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (part == null || part.length() != widths[p]) {
                return -1;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                key = key * 10 + (c - '0');
            }
        }
        return key;
    }
}
