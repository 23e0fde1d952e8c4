package jp.refund.bankfile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import jp.refund.reference.BankMaster;
import jp.refund.schedule.BankFileName;
import jp.refund.shared.CrashPoint;
import jp.refund.shared.OutputFile;
import jp.refund.kana.ZenginName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the night's 総合振込 file, {@code bank/SOGOFURI-<V>.txt}: every transfer the night
 * scheduled, by claim number, with bank and branch kana names from the master. A night
 * with nothing to transfer writes no file.
 */
@Component
public class BankFileWriter {

    private static final Logger log = LoggerFactory.getLogger(BankFileWriter.class);
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    private final JdbcTemplate jdbc;
    private final BankMaster master;
    private final OriginatorSettings originator;
    private final CrashPoint crashPoint;

    BankFileWriter(JdbcTemplate jdbc, BankMaster master, OriginatorSettings originator, CrashPoint crashPoint) {
        this.jdbc = jdbc;
        this.master = master;
        this.originator = originator;
        this.crashPoint = crashPoint;
    }

    private record Transfer(String claimNo, String bankCode, String branchCode, String accountType,
                            String accountNumber, String holderName, long amountYen, LocalDate valueDate) {
    }

    /** A night's bank file: its value date (which names it) and its records. */
    public record NightBankFile(LocalDate valueDate, ZenginFile file) {

        public String fileName() {
            return BankFileName.of(valueDate);
        }
    }

    /** The night's bank file as records, if the night transferred anything, with today's originator settings. */
    public Optional<NightBankFile> file(LocalDate runDate) {
        return file(runDate, originator);
    }

    /**
     * The night's bank file as records with the given originator settings: {@code verify} passes
     * those the night recorded, so an old night is checked against what it ran with.
     */
    public Optional<NightBankFile> file(LocalDate runDate, OriginatorSettings originator) {
        List<Transfer> transfers = jdbc.query("SELECT claim_no, bank_code, branch_code, account_type, account_number,"
                        + " holder_name, amount_yen, payout_date FROM claim WHERE emitted_on = ? AND payout_method = 'BANK'"
                        + " ORDER BY claim_no", (rs, i) -> new Transfer(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getObject(8, LocalDate.class)), runDate);
        if (transfers.isEmpty()) {
            return Optional.empty();
        }
        LocalDate valueDate = transfers.get(0).valueDate();
        if (transfers.stream().anyMatch(t -> !t.valueDate().equals(valueDate))) {
            throw new IllegalStateException("transfers emitted on " + runDate + " have more than one value date");
        }
        BankMaster.Branch own = branch(originator.bankCode(), originator.branchCode());
        ZenginHeaderRecord header = new ZenginHeaderRecord(originator.code(), originator.nameKana(),
                MMDD.format(valueDate), own.bankCode(), kana(own.bankKana(), 15), own.branchCode(),
                kana(own.branchKana(), 15), originator.accountType(), originator.accountNumber());
        List<ZenginDataRecord> data = transfers.stream().map(t -> {
            BankMaster.Branch b = branch(t.bankCode(), t.branchCode());
            return new ZenginDataRecord(t.bankCode(), kana(b.bankKana(), 15), t.branchCode(), kana(b.branchKana(), 15),
                    t.accountType(), t.accountNumber(), ZenginName.forBankFile(t.holderName()), t.amountYen(),
                    t.claimNo());
        }).toList();
        return Optional.of(new NightBankFile(valueDate, ZenginFile.of(header, data)));
    }

    /** Writes the night's bank file, if there are transfers; returns how many. */
    public int write(LocalDate runDate, Path nightFolder) {
        Optional<NightBankFile> file = file(runDate);
        if (file.isEmpty()) {
            log.info("no transfers tonight: no bank file");
            return 0;
        }
        ZenginFile zengin = file.get().file();
        Path target = nightFolder.resolve("bank").resolve(file.get().fileName());
        OutputFile.write(target, out -> zengin.write(out, originator.crlf()), crashPoint);
        log.info("bank file {}: {} transfer(s), {} yen", target.getFileName(), zengin.trailer().count(),
                String.format("%,d", zengin.trailer().totalYen()));
        return (int) zengin.trailer().count();
    }

    private BankMaster.Branch branch(String bankCode, String branchCode) {
        return master.branch(bankCode, branchCode).orElseThrow(() -> new IllegalStateException(
                "bank " + bankCode + " branch " + branchCode + " is not in the bank master"));
    }

    private static String kana(String masterKana, int length) {
        return ZenginName.fit(ZenginName.of(masterKana).orElseThrow(() -> new IllegalStateException(
                "bank master name '" + masterKana + "' cannot be written in Zengin characters")), length);
    }
}
