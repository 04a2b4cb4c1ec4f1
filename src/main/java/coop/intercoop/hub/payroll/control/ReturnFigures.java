package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.Perception.Amounts;
import coop.intercoop.hub.payroll.entity.Perception.Count;
import coop.intercoop.hub.payroll.entity.Perception.Share;
import coop.intercoop.hub.payroll.entity.Relative;

/**
 * The figures of the returns and exports, from the months that approved and posted runs stored: the month's summary per
 * run and employee, the employer's cost by month, work centre and project, and each employee's perceptions of a period
 * for modelo 111, modelo 190 and the withholding certificate. Nothing here is calculated again: every figure is a sum
 * of what the runs stored, so a return says what was paid.
 */
public final class ReturnFigures {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ReturnFigures() {
    }

    /**
     * One employee's month in an approved or posted run, as the run stored it.
     *
     * @param project
     *            the project the employee's contract charged the cost to when the run was calculated, if any
     * @param incapacity
     *            the incapacity (IT) benefit the month paid (its {@code sick-leave-*} earnings), at the employer's
     *            charge or under delegated payment
     * @param benefitAdvanced
     *            the part of it paid under delegated payment, recovered from the Social Security
     * @param accrualYear
     *            for a complementary run paying arrears of an earlier year, that year
     * @param exempt
     *            the pay not subject to withholding, by its key L subkey (the earnings its lines carry)
     */
    public record Paid(long runId, YearMonth month, String kind, String state, long employeeId, String workerName,
            String nif, String workCentre, Optional<String> project, BigDecimal grossPay, BigDecimal compensation,
            BigDecimal benefitAdvanced, BigDecimal incapacity, BigDecimal taxable, BigDecimal employeeContributions,
            BigDecimal withheld, BigDecimal advances, BigDecimal net, BigDecimal employerContributions,
            BigDecimal employerCost, Optional<Integer> accrualYear, Map<Integer, BigDecimal> exempt) {

        public Paid {
            exempt = Map.copyOf(exempt);
        }

        /** All earned: pay, compensation and the benefit advanced, as the run's gross. */
        public BigDecimal gross() {
            return grossPay.add(compensation).add(benefitAdvanced);
        }
    }

    /** The sums of some employees' months; {@code employees} counts each employee once. */
    public record Totals(int employees, BigDecimal gross, BigDecimal taxable, BigDecimal employeeContributions,
            BigDecimal withheld, BigDecimal advances, BigDecimal net, BigDecimal employerContributions,
            BigDecimal employerCost) {

        public static Totals of(List<Paid> paid) {
            Set<Long> employees = new HashSet<>();
            BigDecimal[] sums = { ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO };
            for (Paid p : paid) {
                employees.add(p.employeeId());
                BigDecimal[] figures = { p.gross(), p.taxable(), p.employeeContributions(), p.withheld(), p.advances(),
                        p.net(), p.employerContributions(), p.employerCost() };
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = sums[i].add(figures[i]);
                }
            }
            return new Totals(employees.size(), sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
        }
    }

    /** A run of the month with its employees. */
    public record RunSummary(long runId, String kind, String state, Totals totals, List<Paid> employees) {
    }

    /** The month's summary: each approved or posted run with its employees, and the month's totals. */
    public record MonthSummary(YearMonth month, List<RunSummary> runs, Totals totals) {
    }

    /** The month's runs, in the order given (the run's id), each with its employees and totals. */
    public static MonthSummary summary(YearMonth month, List<Paid> paid) {
        Map<Long, List<Paid>> byRun = new LinkedHashMap<>();
        for (Paid p : paid) {
            if (p.month().equals(month)) {
                byRun.computeIfAbsent(p.runId(), run -> new ArrayList<>()).add(p);
            }
        }
        List<RunSummary> runs = new ArrayList<>();
        List<Paid> all = new ArrayList<>();
        byRun.forEach((run, employees) -> {
            runs.add(new RunSummary(run, employees.get(0).kind(), employees.get(0).state(), Totals.of(employees),
                    List.copyOf(employees)));
            all.addAll(employees);
        });
        return new MonthSummary(month, runs, Totals.of(all));
    }

    /**
     * The employer's cost of a month charged to a work centre and a project: the pay and compensation earned and the
     * employer's contributions, which is the expense {@link PayrollPosting} debits to that centre and project.
     *
     * @param project
     *            the project's code, or null for the cost charged to no project
     */
    public record CostRow(YearMonth month, String workCentre, String project, int employees, BigDecimal pay,
            BigDecimal employerContributions, BigDecimal employerCost) {
    }

    /** A month's employer cost over every work centre and project: zero in a month without approved runs. */
    public record MonthCost(YearMonth month, BigDecimal pay, BigDecimal employerContributions,
            BigDecimal employerCost) {
    }

    /** The employer's cost of a range of months: by month, centre and project; by month; and in all. */
    public record CostReport(YearMonth from, YearMonth to, List<CostRow> rows, List<MonthCost> months,
            MonthCost total) {
    }

    private record CostKey(YearMonth month, String workCentre, String project) {
        static final Comparator<CostKey> ORDER = Comparator.comparing(CostKey::month).thenComparing(CostKey::workCentre)
                .thenComparing(CostKey::project);
    }

    /** The cost of the months {@code from} to {@code to}, both included, from the employees' months paid in them. */
    public static CostReport cost(YearMonth from, YearMonth to, List<Paid> paid) {
        Map<CostKey, List<Paid>> groups = new TreeMap<>(CostKey.ORDER);
        for (Paid p : paid) {
            if (!p.month().isBefore(from) && !p.month().isAfter(to)) {
                groups.computeIfAbsent(new CostKey(p.month(), p.workCentre(), p.project().orElse("")),
                        key -> new ArrayList<>()).add(p);
            }
        }
        List<CostRow> rows = new ArrayList<>();
        Map<YearMonth, MonthCost> months = new LinkedHashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.put(month, new MonthCost(month, ZERO, ZERO, ZERO));
        }
        groups.forEach((key, employees) -> {
            BigDecimal pay = ZERO;
            BigDecimal employer = ZERO;
            BigDecimal cost = ZERO;
            Set<Long> who = new HashSet<>();
            for (Paid p : employees) {
                who.add(p.employeeId());
                pay = pay.add(p.grossPay()).add(p.compensation());
                employer = employer.add(p.employerContributions());
                cost = cost.add(p.employerCost());
            }
            rows.add(new CostRow(key.month(), key.workCentre(), key.project().isEmpty() ? null : key.project(),
                    who.size(), pay, employer, cost));
            MonthCost month = months.get(key.month());
            months.put(key.month(), new MonthCost(key.month(), month.pay().add(pay),
                    month.employerContributions().add(employer), month.employerCost().add(cost)));
        });
        MonthCost total = new MonthCost(to, ZERO, ZERO, ZERO);
        for (MonthCost m : months.values()) {
            total = new MonthCost(to, total.pay().add(m.pay()),
                    total.employerContributions().add(m.employerContributions()),
                    total.employerCost().add(m.employerCost()));
        }
        return new CostReport(from, to, rows, List.copyOf(months.values()), total);
    }

    /** Who a perception is of, as the returns name them: NIF, surnames and name, province and modelo 145 situation. */
    public record Perceptor(String nif, String name, String province, Perception.Situation situation) {
    }

    /**
     * The perceptor of an employee for a year's returns.
     * <ul>
     * <li>name: first surname, second surname and name, in that order (Orden EHA/3127/2009 anexo II, record 2,
     * positions 36-75);</li>
     * <li>province: the first two digits of the postal code of the employee's address, which are the province's code in
     * the postal code (positions 76-77 take the province's two-digit code, 01 to 52);</li>
     * <li>contract (position 168): 2 when a contract of the employee in the year lasts less than a year, the case of
     * the 2 % floor of RIRPF art. 86.2, else 1, general; the special relationship of persons with disability in special
     * employment centres is general (art. 86.2, second paragraph, and the README's decision on the 15 % floor);</li>
     * <li>descendants (positions 223-240, 251-253): under 3 those born or adopted in the year or the two before (Ley
     * 35/2006 art. 58.2), counted whole unless computed by halves; with disability from 33 % (and with help of others
     * or reduced mobility), from 65 %; the first three in the order the employee gave them;</li>
     * <li>ascendants (positions 241-250): under or from 75 years old in the year (art. 59), counted whole when they
     * live with no other descendant;</li>
     * <li>geographic mobility (position 169): when accepted in the year or the one before (RIRPF art. 83.2.3.ª, as a
     * run applies it).</li>
     * </ul>
     */
    public static Perceptor perceptor(Employee employee, int year, boolean shortContract) {
        String name = employee.getLastName().strip()
                + (employee.getSecondLastName() == null ? "" : " " + employee.getSecondLastName().strip()) + " "
                + employee.getFirstName().strip();
        String province = employee.getPostalCode() == null || employee.getPostalCode().length() < 2 ? ""
                : employee.getPostalCode().substring(0, 2);
        int under3 = 0;
        int under3Whole = 0;
        int rest = 0;
        int restWhole = 0;
        int[] descendantsDisabled = new int[6];
        int[] ascendants = new int[10];
        List<Share> firstThree = new ArrayList<>();
        for (Relative r : employee.getRelatives()) {
            boolean whole;
            int slot;
            if (r.getKind() == Relative.Kind.DESCENDANT) {
                whole = !r.isByHalves();
                int since = r.getAdoptionYear() == null ? r.getBirthYear() : r.getAdoptionYear();
                if (year - since < 3) {
                    under3++;
                    under3Whole += whole ? 1 : 0;
                } else {
                    rest++;
                    restWhole += whole ? 1 : 0;
                }
                if (firstThree.size() < 3) {
                    firstThree.add(whole ? Share.WHOLE : Share.HALF);
                }
                slot = disability(r);
                if (slot >= 0) {
                    descendantsDisabled[slot * 2]++;
                    descendantsDisabled[slot * 2 + 1] += whole ? 1 : 0;
                }
            } else {
                whole = r.getSharedWith() == 0;
                int age = year - r.getBirthYear();
                slot = age >= 75 ? 1 : 0;
                ascendants[slot * 2]++;
                ascendants[slot * 2 + 1] += whole ? 1 : 0;
                int disabled = disability(r);
                if (disabled >= 0) {
                    ascendants[4 + disabled * 2]++;
                    ascendants[5 + disabled * 2] += whole ? 1 : 0;
                }
            }
        }
        Perception.Descendants descendants = new Perception.Descendants(new Count(under3, under3Whole),
                new Count(rest, restWhole), new Count(descendantsDisabled[0], descendantsDisabled[1]),
                new Count(descendantsDisabled[2], descendantsDisabled[3]),
                new Count(descendantsDisabled[4], descendantsDisabled[5]), firstThree);
        Perception.Ascendants ascendantCounts = new Perception.Ascendants(new Count(ascendants[0], ascendants[1]),
                new Count(ascendants[2], ascendants[3]), new Count(ascendants[4], ascendants[5]),
                new Count(ascendants[6], ascendants[7]), new Count(ascendants[8], ascendants[9]));
        boolean mobility = employee.getMobilityDate() != null && employee.getMobilityDate().getYear() >= year - 1
                && employee.getMobilityDate().getYear() <= year;
        Perception.Situation situation = new Perception.Situation(employee.getBirthDate().getYear(),
                employee.getFamilySituation(), employee.getFamilySituation() == 2 ? employee.getSpouseNif() : null,
                employee.getDisabilityDegree(), employee.isDisabilityAssistance(), shortContract ? 2 : 1, mobility,
                descendants, ascendantCounts, employee.isHomeLoanBefore2013());
        return new Perceptor(employee.getNif(), name, province, situation);
    }

    /** 0: from 33 % to under 65 %; 1: the same with help of others or reduced mobility; 2: from 65 %; -1: none. */
    private static int disability(Relative r) {
        if (r.getDisabilityDegree() >= 65) {
            return 2;
        }
        if (r.getDisabilityDegree() >= 33) {
            return r.isDisabilityAssistance() ? 1 : 0;
        }
        return -1;
    }

    private record PerceptionKey(long employeeId, Optional<Integer> accrualYear) {
    }

    private record ExemptKey(long employeeId, Optional<Integer> accrualYear, int subkey) {
    }

    /**
     * Each employee's perception of key A over the months given, in the order they first appear, one for the pay of the
     * year and one for each earlier year whose arrears were paid (Orden EHA/3127/2009 anexo II, record 2, positions
     * 148-151, "ejercicio devengo": a record per accrual year; RIRPF art. 108.2.c): the pay subject to withholding
     * other than the incapacity benefit (positions 82-107), the incapacity benefit the employer paid (255-281:
     * "percepciones en concepto de incapacidad laboral abonadas directamente por el empleador", anexo II, key A), each
     * with its withholding, and the employee's Social Security contributions as deductible expenses (Ley 35/2006 art.
     * 19.2.a; positions 184-196). The month's withholding is split between the two in proportion to their amounts,
     * rounded half up to the cent for the benefit and the rest for the pay, since one rate applies to all the month's
     * pay (RIRPF art. 82); pay not subject to withholding is not declared under key A. Arrears of an earlier year that
     * take pay back are negative: a refund of pay unduly received in that year. The pay not subject to withholding
     * follows, one perception of key L per employee, subkey and accrual year (Ley 35/2006 art. 7, RIRPF art. 9: exempt
     * income and excepted allowances, declared though not withheld).
     *
     * @param perceptors
     *            each employee's perceptor, by employee id
     */
    public static List<Perception> perceptions(List<Paid> paid, Map<Long, Perceptor> perceptors) {
        Map<PerceptionKey, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<ExemptKey, BigDecimal> exempt = new LinkedHashMap<>();
        for (Paid p : paid) {
            new TreeMap<>(p.exempt()).forEach((subkey, amount) -> exempt
                    .merge(new ExemptKey(p.employeeId(), p.accrualYear(), subkey), amount, BigDecimal::add));
            BigDecimal[] s = sums.computeIfAbsent(new PerceptionKey(p.employeeId(), p.accrualYear()),
                    e -> new BigDecimal[] { ZERO, ZERO, ZERO, ZERO, ZERO });
            BigDecimal benefitWithheld = p.taxable().signum() == 0 ? ZERO
                    : p.withheld().multiply(p.incapacity()).divide(p.taxable(), 2, RoundingMode.HALF_UP);
            s[0] = s[0].add(p.taxable().subtract(p.incapacity()));
            s[1] = s[1].add(p.withheld().subtract(benefitWithheld));
            s[2] = s[2].add(p.incapacity());
            s[3] = s[3].add(benefitWithheld);
            s[4] = s[4].add(p.employeeContributions());
        }
        List<Perception> perceptions = new ArrayList<>();
        sums.forEach((key, s) -> {
            Perceptor who = perceptors.get(key.employeeId());
            Perception perception = Perception.employee(who.nif(), who.name(), who.province(),
                    Amounts.monetary(s[0], s[1]), who.situation(), s[4]);
            if (s[2].signum() != 0) {
                perception = perception.withIncapacity(Amounts.monetary(s[2], s[3]));
            }
            perceptions.add(key.accrualYear().map(perception::accruedIn).orElse(perception));
        });
        exempt.forEach((key, amount) -> {
            if (amount.signum() != 0) {
                Perceptor who = perceptors.get(key.employeeId());
                Perception perception = Perception.exempt(who.nif(), who.name(), who.province(), key.subkey(), amount);
                perceptions.add(key.accrualYear().map(perception::accruedIn).orElse(perception));
            }
        });
        return perceptions;
    }
}
