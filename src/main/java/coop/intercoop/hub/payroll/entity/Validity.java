package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The days a payroll rule is in force: from its first day to its last, both included; no last day while it is in force
 * with no end known. Rules are effective-dated because they change within a year and retroactively (Real Decreto-ley
 * 3/2026 set 2026's bases on 1 January after January was paid).
 */
public record Validity(LocalDate from, Optional<LocalDate> to) {

    public Validity {
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new IllegalArgumentException("a rule ends on or after its first day");
        }
    }

    /**
     * @param from
     *            the first day, {@code yyyy-mm-dd}
     * @param to
     *            the last day, {@code yyyy-mm-dd}, or blank
     *
     * @throws PayrollRulesFileException
     *             for a date that is not one, or a last day before the first
     */
    public static Validity parse(String from, String to, String place) {
        try {
            LocalDate first = LocalDate.parse(from.strip());
            Optional<LocalDate> last = to.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(to.strip()));
            if (last.isPresent() && last.get().isBefore(first)) {
                throw new PayrollRulesFileException(place, "the last day " + to + " is before the first " + from);
            }
            return new Validity(first, last);
        } catch (DateTimeParseException e) {
            throw new PayrollRulesFileException(place, "the days are yyyy-mm-dd, not '" + from + "' and '" + to + "'");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && to.map(last -> !day.isAfter(last)).orElse(true);
    }

    /** Whether the two share a day: two rows of one value may not. */
    public boolean overlaps(Validity other) {
        return covers(other.from) || other.covers(from);
    }
}
