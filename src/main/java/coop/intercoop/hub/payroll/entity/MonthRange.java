package coop.intercoop.hub.payroll.entity;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The months a salary item of a contract applies in: from a first month and until a last, both included, either open. A
 * raise or a complement agreed from a later month is a new item from that month, the old one ending the month before,
 * so that a month recalculated later (a complementary run) is paid what applied in it, and the withholding forecast
 * counts each month left with what will apply then (RIRPF art. 83.2, 1.ª: the pay the employee will foreseeably
 * receive).
 */
public record MonthRange(Optional<YearMonth> from, Optional<YearMonth> until) {

    /** From the contract's start to its end. */
    public static final MonthRange ALWAYS = new MonthRange(Optional.empty(), Optional.empty());

    public MonthRange {
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the last month " + until.get() + " is before the first " + from.get());
        }
    }

    public boolean covers(YearMonth month) {
        return from.map(first -> !month.isBefore(first)).orElse(true)
                && until.map(last -> !month.isAfter(last)).orElse(true);
    }

    /** Whether the two share a month. */
    public boolean overlaps(MonthRange other) {
        return from.map(first -> other.until.map(last -> !last.isBefore(first)).orElse(true)).orElse(true)
                && other.from.map(first -> until.map(last -> !last.isBefore(first)).orElse(true)).orElse(true);
    }

    /**
     * A month as the API, the portal and the import write it, {@code yyyy-MM}; none when blank.
     *
     * @throws DateTimeParseException
     *             when it is not one
     */
    public static Optional<YearMonth> month(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(YearMonth.parse(text.strip()));
    }

    @Override
    public String toString() {
        return from.map(YearMonth::toString).orElse("…") + " – " + until.map(YearMonth::toString).orElse("…");
    }
}
