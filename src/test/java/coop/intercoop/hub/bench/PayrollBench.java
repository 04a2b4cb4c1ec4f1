package coop.intercoop.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.MonthlyPay;
import coop.intercoop.hub.payroll.control.MonthlyPay.Contract;
import coop.intercoop.hub.payroll.control.MonthlyPay.ExtraPayment;
import coop.intercoop.hub.payroll.control.MonthlyPay.Input;
import coop.intercoop.hub.payroll.control.MonthlyPay.Item;
import coop.intercoop.hub.payroll.control.MonthlyPay.Period;
import coop.intercoop.hub.payroll.control.MonthlyPay.Rules;
import coop.intercoop.hub.payroll.control.MonthlyPay.SoFar;
import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.control.Withholding;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * A payroll run's calculation (benchmark part d): the month of {@code bench.payroll-employees} employees (10,000 by
 * default) computed with the installed rules of {@code config/payroll}, read once as a run reads them; the employees
 * vary as an organisation's staff does (every contribution group, salaries from the minimum to above the maximum base,
 * a fifth part time, a tenth on fixed-term contracts, families with descendants, extra payments prorated or not). Issue
 * 19's target is 2 s for 10,000 employees. The JVM is warmed first with one whole run; the measure is the median of
 * three runs. Storing the run's rows against a plain JDBC baseline is measured where runs are stored.
 */
class PayrollBench {

    private static final Logger LOG = Logger.getLogger(PayrollBench.class.getName());
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Source CONTRACT = new Source("contract of employment", Source.Status.VERIFIED);

    @Test
    void aRunsCalculationForTenThousandEmployees() throws Exception {
        int employees = Integer.getInteger("bench.payroll-employees", 10_000);
        List<Input> staff = staff(employees);
        Rules rules = Rules.of(new PayrollTables("config/payroll"), MARCH);
        assertEquals(employees, calculate(rules, staff));
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            calculate(rules, staff);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        LOG.info(() -> String.format("Calculated the month of %,d employees in %.2f / %.2f / %.2f s", employees,
                seconds[0], seconds[1], seconds[2]));
        BenchResults
                .merge(List.of(BenchResults.Measure.throughput("payroll-calculation", employees, seconds[1], null)));
    }

    /** Computes every employee's month; answers how many had a net pay. */
    private static int calculate(Rules rules, List<Input> staff) {
        int paid = 0;
        for (Input input : staff) {
            if (MonthlyPay.of(rules, input).net().signum() > 0) {
                paid++;
            }
        }
        return paid;
    }

    private static List<Input> staff(int count) {
        List<Input> staff = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int group = n % 11 + 1;
            BigDecimal monthly = BigDecimal.valueOf(1_300 + (n * 37L) % 5_200).setScale(2);
            boolean partTime = n % 5 == 0;
            boolean fixedTerm = n % 10 == 3;
            List<Withholding.Descendant> children = n % 4 == 0
                    ? List.of(new Withholding.Descendant(2015, Withholding.Disability.NONE, false))
                    : List.of();
            Withholding.Employee employee = new Withholding.Employee(children.isEmpty() ? 3 : 1, 1960 + n % 40,
                    Withholding.Disability.NONE, children, List.of(), false, false);
            List<ExtraPayment> extras = List.of(new ExtraPayment("extra-payment", monthly,
                    Set.of(Month.JUNE, Month.DECEMBER), n % 2 == 0, true, true, CONTRACT));
            Contract contract = new Contract(LocalDate.of(2020, 1, 1),
                    fixedTerm ? Optional.of(LocalDate.of(2026, 12, 31)) : Optional.empty(),
                    fixedTerm ? ContractKind.FIXED_TERM : ContractKind.OPEN_ENDED, Withholding.Relationship.COMMON,
                    group, false, Optional.of("88"), Optional.empty(),
                    partTime ? Optional.of(new BigDecimal("0.5000")) : Optional.empty(),
                    List.of(new Item("base-salary", monthly, true, true, true, CONTRACT)), extras);
            Period period = partTime
                    ? new Period(MARCH, Optional.of(new BigDecimal("86.00")), List.of(), List.of(), Optional.empty(),
                            List.of())
                    : Period.ordinary(MARCH);
            staff.add(new Input(employee, contract, period, SoFar.NONE));
        }
        return staff;
    }
}
