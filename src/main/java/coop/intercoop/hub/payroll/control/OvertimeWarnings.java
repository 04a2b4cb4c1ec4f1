package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import coop.intercoop.hub.payroll.control.PayrollRuns.Warning;
import coop.intercoop.hub.payroll.entity.OvertimeLimits;

/**
 * What a month's overtime breaks, as warnings on the employee's month: never refusals, since overtime worked is owed
 * and paid (ET art. 35.1) whatever limit it broke. Hours of force majeure (art. 35.3) count for neither rule.
 * <ul>
 * <li>{@value #PART_TIME}: a part-time contract with other overtime in the month (ET art. 12.4.c: part-time workers may
 * work none but that of art. 35.3);</li>
 * <li>{@value #LIMIT}: the year's overtime up to this month above the limit in force ({@link OvertimeLimits}, ET art.
 * 35.2), reduced for a contract that does not cover the whole year in proportion to its days in the year; warned in
 * each month that adds hours once the limit is passed.</li>
 * </ul>
 */
final class OvertimeWarnings {

    static final String PART_TIME = "overtime.part-time";
    static final String LIMIT = "overtime.limit";

    private OvertimeWarnings() {
    }

    /**
     * @param limit
     *            the limit in force on the month's last day, if any
     * @param start
     *            the contract's first day
     * @param end
     *            its last, if it has one
     * @param partTime
     *            whether the contract is part-time
     * @param overtime
     *            the month's overtime
     * @param hoursBefore
     *            the overtime hours of the year before this month, force majeure left out
     */
    static List<Warning> of(Optional<OvertimeLimits.Limit> limit, YearMonth month, LocalDate start,
            Optional<LocalDate> end, boolean partTime, List<MonthlyPay.Overtime> overtime, BigDecimal hoursBefore) {
        BigDecimal hours = overtime.stream().filter(o -> o.kind() == MonthlyPay.OvertimeKind.OTHER)
                .map(MonthlyPay.Overtime::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Warning> warnings = new ArrayList<>();
        if (hours.signum() == 0) {
            return warnings;
        }
        if (partTime) {
            warnings.add(new Warning(PART_TIME, List.of(plain(hours), month.toString())));
        }
        if (limit.isPresent()) {
            BigDecimal year = hoursBefore.add(hours);
            BigDecimal allowed = allowed(limit.get().annualHours(), month.getYear(), start, end);
            if (year.compareTo(allowed) > 0) {
                warnings.add(new Warning(LIMIT, List.of(plain(year), month.toString(), plain(allowed),
                        plain(limit.get().annualHours()), limit.get().source().citation())));
            }
        }
        return warnings;
    }

    /**
     * The year's limit for a contract: the annual hours times the contract's days in the year over the year's days, to
     * two decimals (half up); the whole limit for a contract that covers the year.
     */
    static BigDecimal allowed(BigDecimal annualHours, int year, LocalDate start, Optional<LocalDate> end) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate from = start.isAfter(first) ? start : first;
        LocalDate to = end.filter(e -> e.isBefore(last)).orElse(last);
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
        long yearDays = ChronoUnit.DAYS.between(first, last) + 1;
        if (days == yearDays) {
            return annualHours;
        }
        return annualHours.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(yearDays), 2,
                RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
