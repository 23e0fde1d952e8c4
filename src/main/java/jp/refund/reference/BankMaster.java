package jp.refund.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * Every Japanese bank and branch code with its kana name (zengin-code data set).
 * Used to decide whether an account can exist and to write the bank file's names.
 */
public final class BankMaster {

    public static final String JAPAN_POST_BANK = "9900";

    public record Branch(String bankCode, String bankName, String bankKana, String branchCode, String branchName,
                         String branchKana) {
    }

    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern BRANCH_CODE = Pattern.compile("[0-9]{3}");

    private final Map<String, Branch> branches;
    private final int bankCount;

    private BankMaster(Map<String, Branch> branches) {
        this.branches = Map.copyOf(branches);
        this.bankCount = (int) branches.values().stream().map(Branch::bankCode).distinct().count();
    }

    public static BankMaster load(Resource resource) {
        List<String[]> rows = ReferenceCsv.read(resource, "bank_code", "bank_name", "bank_kana", "branch_code",
                "branch_name", "branch_kana");
        Map<String, Branch> branches = new HashMap<>();
        int line = 1;
        for (String[] r : rows) {
            line++;
            if (!BANK_CODE.matcher(r[0]).matches() || !BRANCH_CODE.matcher(r[3]).matches()) {
                throw new IllegalStateException(resource.getDescription() + " line " + line
                        + ": bank code must be 4 digits and branch code 3 digits");
            }
            if (branches.put(r[0] + r[3], new Branch(r[0], r[1], r[2], r[3], r[4], r[5])) != null) {
                throw new IllegalStateException(resource.getDescription() + " line " + line + ": branch " + r[0]
                        + "-" + r[3] + " appears twice");
            }
        }
        return new BankMaster(branches);
    }

    public Optional<Branch> branch(String bankCode, String branchCode) {
        return Optional.ofNullable(branches.get(bankCode + branchCode));
    }

    /** Every branch, ordered by bank and branch code. */
    public java.util.List<Branch> branches() {
        return branches.values().stream()
                .sorted(java.util.Comparator.comparing(Branch::bankCode).thenComparing(Branch::branchCode)).toList();
    }

    public int branchCount() {
        return branches.size();
    }

    public int bankCount() {
        return bankCount;
    }
}
