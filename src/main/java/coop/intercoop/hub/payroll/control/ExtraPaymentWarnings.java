package coop.intercoop.hub.payroll.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import coop.intercoop.hub.payroll.control.PayrollRuns.Warning;

/**
 * What the run cannot settle of the extra payments paid whole in their months (ET art. 31), as warnings on the
 * employee's month: how much of a payment a worker has earned depends on the period over which it accrues, which each
 * agreement sets and the hub does not hold. So the run pays each payment whole in its months and says, where it
 * matters, what to correct and how:
 * <ul>
 * <li>{@value #LEAVING}: the contract ends in the month while extras paid whole have payments still to come: the part
 * accrued and not paid is owed in the final settlement, a variable item of the month (salary, taxed, not contributing:
 * its twelfths were in each month's base);</li>
 * <li>{@value #JOINING}: an extra is paid in the month to a contract that started within the year before, so that the
 * worker may have accrued only part of it: the first payment's amount is a dated item of its own.</li>
 * </ul>
 */
final class ExtraPaymentWarnings {

    static final String LEAVING = "extras.leaving";
    static final String JOINING = "extras.joining";

    private ExtraPaymentWarnings() {
    }

    static List<Warning> of(MonthlyPay.Contract contract, YearMonth month) {
        List<MonthlyPay.ExtraPayment> whole = contract.extrasIn(month).stream().filter(e -> !e.prorated()).toList();
        List<Warning> warnings = new ArrayList<>();
        if (whole.isEmpty()) {
            return warnings;
        }
        LocalDate end = contract.end().filter(e -> YearMonth.from(e).equals(month)).orElse(null);
        if (end != null) {
            warnings.add(new Warning(LEAVING, List.of(end.toString(), names(whole))));
        }
        List<MonthlyPay.ExtraPayment> paidNow = whole.stream().filter(e -> e.months().contains(month.getMonth()))
                .toList();
        if (!paidNow.isEmpty() && contract.start().isAfter(month.minusYears(1).atEndOfMonth())) {
            warnings.add(new Warning(JOINING, List.of(contract.start().toString(), names(paidNow))));
        }
        return warnings;
    }

    private static String names(List<MonthlyPay.ExtraPayment> extras) {
        return extras.stream().map(MonthlyPay.ExtraPayment::concept).collect(Collectors.joining(", "));
    }
}
