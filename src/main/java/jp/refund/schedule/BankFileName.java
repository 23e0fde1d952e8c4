package jp.refund.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** {@code SOGOFURI-<value date yyyyMMdd>.txt}: the file a transfer went out in. */
public final class BankFileName {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private BankFileName() {
    }

    public static String of(LocalDate valueDate) {
        return "SOGOFURI-" + YYYYMMDD.format(valueDate) + ".txt";
    }
}
