package jp.refund.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;

/**
 * Bank business days: Monday to Friday, minus the bank holidays of the shipped file
 * (national holidays and the 12-31 to 01-03 bank closing days).
 */
public final class BankCalendar {

    private final Set<LocalDate> holidays;
    private final LocalDate first;
    private final LocalDate last;

    public BankCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
        this.first = holidays.stream().min(LocalDate::compareTo).orElse(LocalDate.MIN);
        this.last = holidays.stream().max(LocalDate::compareTo).orElse(LocalDate.MAX);
    }

    public static BankCalendar load(Resource resource) {
        List<String[]> rows = ReferenceCsv.read(resource, "date", "name");
        Set<LocalDate> holidays = new HashSet<>();
        int line = 1;
        for (String[] r : rows) {
            line++;
            try {
                holidays.add(LocalDate.parse(r[0]));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(resource.getDescription() + " line " + line + ": not a date: " + r[0]);
            }
        }
        return new BankCalendar(holidays);
    }

    public boolean isBusinessDay(LocalDate date) {
        checkCovered(date);
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The n-th business day after {@code date} (n >= 1); {@code date} itself need not be one. */
    public LocalDate businessDaysAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("lead days must be at least 1: " + n);
        }
        LocalDate day = date;
        for (int found = 0; found < n; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                found++;
            }
        }
        return day;
    }

    /** Outside the years the holiday file covers, a business day cannot be told: refuse to guess. */
    private void checkCovered(LocalDate date) {
        if (date.getYear() < first.getYear() || date.getYear() > last.getYear()) {
            throw new IllegalStateException("the bank holiday calendar covers " + first.getYear() + "-"
                    + last.getYear() + " only, not " + date + "; replace refund.reference.bank-holidays");
        }
    }
}
