package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import coop.intercoop.hub.payroll.control.Contributions.AtEpPremium;
import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.Contributions.Payer;
import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.AtepPremiums;
import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.MonthRange;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.SickLeaveRules;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * One employee's month: the earnings, the Social Security contributions ({@link Contributions}), the IRPF withholding
 * ({@link Withholding}), the other deductions and the net pay, every figure a {@link Line} with its base, rate, units
 * and source so that a person can check it line by line; and the differences per month when months already paid are
 * computed again under rules published later (atrasos). Pure: the rules and the employee's data come in, nothing is
 * stored; a run maps its persisted employees and contracts to an {@link Input}.
 * <p>
 * The rules, as the texts state them (LGSS = BOE-A-2015-11724; the order = Orden PJC/297/2026, BOE-A-2026-7296, and
 * Orden PJC/178/2025, BOE-A-2025-3780, which say the same in the articles cited):
 * <ul>
 * <li>Monthly pay and the 30-day month: a monthly amount is paid whole for a month in the contract from its first to
 * its last day, and in proportion to the days paid over 30 otherwise (the month of a monthly-paid worker counts 30
 * days, order art. 6.2 segunda; the same convention for the contribution bounds, see {@link Contributions}).</li>
 * <li>Part time: the contract's items are full-time amounts and are paid in proportion to the part-time coefficient
 * (Estatuto de los Trabajadores, BOE-A-2015-11430, art. 12.4.d: rights in proportion to the time worked); the hours
 * worked in the month set the minimum base (order arts. 38 and 39).</li>
 * <li>Extra payments: prorated (a twelfth of the year's payments in each month's pay) or paid whole in their months;
 * either way the common-contingencies base carries a twelfth of them each month (LGSS art. 147.1; order art. 1.1
 * segunda: "el indicado importe anual se dividirá por 12"), so both give the same yearly base.</li>
 * <li>Overtime: in the AT/EP base and its additional contribution, not in the common base (LGSS arts. 147.2 and
 * 149).</li>
 * <li>Sick leave (IT) for common illness or non-work accident, paid by the employer in delegated payment: the benefit
 * of each day of leave by {@code sick-leave.csv} (LGSS arts. 171 and 173.1; Decreto 3158/1966 art. 2), on the daily
 * regulatory base (the common-contingencies base of the month before the leave over 30, or over its days in alta if it
 * was not whole); the days at the employer's charge are its cost, the delegated days are recovered by deduction from
 * the contributions (LGSS art. 170.2). During the leave the contribution base is the previous month's base over the
 * same divisor, times 30 less the days worked in a whole month or times the days of leave in a partial one (order art.
 * 6.2 segunda and tercera), and the salary is paid for the days worked, at most 30 (so a leave of February's last ten
 * days leaves 18 days of salary, 12 days of base at the previous month's, and ten calendar days of benefit); order art.
 * 6.3 applies the previous base to the AT/EP base as well, and the AT/EP rate of the activity or occupation continues
 * (LGSS disp. adic. 61.2 primera; order art. 6.5).</li>
 * <li>AT/EP premium: the rate of Cuadro I for the activity's CNAE code (the longest code of the table that starts the
 * contract's code, since the table lists a division and its exceptions), unless the employee's occupation is one of
 * Cuadro II, whose rate then applies (regla tercera of LGSS disp. adic. 61.2, and of Ley 42/2006 disp. adic. 4 until
 * 2025).</li>
 * <li>IRPF: the rate of RIRPF arts. 82 to 86 on the year's forecast, and its regularisation (art. 87) when the forecast
 * changes; the forecast is the pay so far, this month's pay, and the ordinary pay of the contract's items that apply in
 * each month left in the year and the contract (a raise from a later month counts from that month), with the extra
 * payments that fall in them (art. 83.2, 1.ª); the contributions likewise.</li>
 * </ul>
 * Rounding, the hub's rule where the texts say none (DESIGN: half-up to cents): each line's amount is rounded to cents
 * where it is computed; the daily regulatory base is rounded to cents, as the benefit's resolutions state it; the
 * contribution base of the days of leave is computed from the previous month's base without rounding the daily base, so
 * that a whole month of leave keeps that base to the cent.
 * <p>
 * Left out (no data for them yet): sick leave from accidents at work or occupational disease (75 % from the day after
 * the leave, on a base that includes overtime), agreements' complements to the benefit, the extra payments' accrual for
 * a contract that starts or ends within their period (the contract's extra is paid whole; a run passes a variable item
 * instead), the overtime average of order art. 6.3 during sick leave, an AT/EP base during leave other than the common
 * one (both are the previous month's common base here: they differ only when that month had overtime, or pay between
 * the AT/EP floor and a higher group minimum), the leave of a worker paid by the day (order art. 6.2 primera: the
 * previous base over its days, times the calendar days of leave; here the worker is monthly-paid), and the 75 %
 * reduction of employer contributions during leave of workers aged 62 or more (order art. 6.1).
 */
public final class MonthlyPay {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final int MONTH_DAYS = 30;
    private static final Source WITHHOLDING = new Source("BOE-A-2007-6820 arts. 82 to 86 (87 when regularised)",
            Source.Status.VERIFIED);
    /** The start of an overtime line's concept, and of a sick-leave benefit line's. */
    private static final String OVERTIME_CONCEPT = "overtime-";
    private static final String SICK_LEAVE = "sick-leave-";

    private static final Source OVERTIME = new Source("BOE-A-2015-11430 art. 35 (overtime), as recorded for the month",
            Source.Status.VERIFIED);

    private MonthlyPay() {
    }

    /** The rules a run reads once and uses for all its employees of one month. */
    public record Rules(ContributionRules contributions, AtepPremiums atep, SickLeaveRules sickLeave, IrpfRules irpf) {

        /**
         * The tables in force for a month; the IRPF rules of its last day, the day paid.
         *
         * @throws PayrollRulesFileException
         *             naming the file and line of a malformed row
         */
        public static Rules of(PayrollTables tables, YearMonth month) {
            return new Rules(tables.contributions(), tables.atepPremiums(), tables.sickLeave(),
                    tables.irpf(month.atEndOfMonth()));
        }
    }

    /**
     * A recurring item of the contract's pay: base salary (from the agreement's table), a complement, a non-salary
     * allowance.
     *
     * @param monthly
     *            the full-time amount a month
     * @param salary
     *            salary (percepción salarial) or not (dietas, transport plus and other compensations of expenses)
     * @param contributes
     *            whether it is in the contribution bases (LGSS art. 147.2 excludes some non-salary items within limits:
     *            the caller decides)
     * @param taxable
     *            whether it is pay subject to IRPF withholding
     * @param source
     *            where the amount comes from: the agreement's salary table row, or the contract
     */
    public record Item(String concept, BigDecimal monthly, boolean salary, boolean contributes, boolean taxable,
            Source source, MonthRange months) {

        public Item {
            cents(monthly, "the monthly amount of " + concept);
        }

        /** An item that applies in every month of the contract. */
        public Item(String concept, BigDecimal monthly, boolean salary, boolean contributes, boolean taxable,
                Source source) {
            this(concept, monthly, salary, contributes, taxable, source, MonthRange.ALWAYS);
        }

        /** The base salary of a category in its agreement's table: salary, in the bases, subject to IRPF. */
        public static Item baseSalary(AgreementSalaries.Salary salary) {
            return new Item("base-salary", salary.monthlyBase(), true, true, true, salary.source());
        }
    }

    /**
     * An extra payment (paga extraordinaria) of the contract: each payment's full-time amount, the months it is paid
     * in, and whether it is prorated in each month's pay instead (Estatuto de los Trabajadores art. 31).
     */
    public record ExtraPayment(String concept, BigDecimal amount, Set<Month> months, boolean prorated,
            boolean contributes, boolean taxable, Source source, MonthRange applies) {

        public ExtraPayment {
            cents(amount, "the amount of " + concept);
            if (months.isEmpty()) {
                throw new IllegalArgumentException("the extra payment " + concept + " is paid in some month");
            }
            months = Set.copyOf(months);
        }

        /** An extra payment of every month of the contract. */
        public ExtraPayment(String concept, BigDecimal amount, Set<Month> months, boolean prorated, boolean contributes,
                boolean taxable, Source source) {
            this(concept, amount, months, prorated, contributes, taxable, source, MonthRange.ALWAYS);
        }

        /** The two payments of June and December most agreements set. */
        public static ExtraPayment summerAndChristmas(String concept, BigDecimal amount, boolean prorated,
                Source source) {
            return new ExtraPayment(concept, amount, Set.of(Month.JUNE, Month.DECEMBER), prorated, true, true, source);
        }

        /**
         * The extra payments of a category in its agreement's table, each of its monthly base salary.
         *
         * @throws IllegalArgumentException
         *             when the months are not as many as the table's payments
         */
        public static ExtraPayment ofAgreement(AgreementSalaries.Salary salary, Set<Month> months, boolean prorated) {
            if (months.size() != salary.extraPayments()) {
                throw new IllegalArgumentException("the agreement " + salary.agreement() + " sets "
                        + salary.extraPayments() + " extra payments a year, not " + months.size() + ": " + months);
            }
            return new ExtraPayment("extra-payment", salary.monthlyBase(), months, prorated, true, true,
                    salary.source());
        }

        BigDecimal yearly() {
            return amount.multiply(BigDecimal.valueOf(months.size()));
        }
    }

    /** The employment contract, as the month needs it. */
    public record Contract(LocalDate start, Optional<LocalDate> end, ContractKind kind,
            Withholding.Relationship relationship, int group, boolean disabled, Optional<String> cnae,
            Optional<String> occupation, Optional<BigDecimal> partTime, List<Item> items, List<ExtraPayment> extras) {

        public Contract {
            if (end.isPresent() && end.get().isBefore(start)) {
                throw new IllegalArgumentException("the contract ends before it starts");
            }
            if (cnae.isEmpty() && occupation.isEmpty()) {
                throw new IllegalArgumentException("the AT/EP premium needs the activity's CNAE code or an occupation");
            }
            if (partTime.isPresent()
                    && (partTime.get().signum() <= 0 || partTime.get().compareTo(BigDecimal.ONE) >= 0)) {
                throw new IllegalArgumentException(
                        "a part-time coefficient is above 0 and below 1, not " + partTime.get());
            }
            items = List.copyOf(items);
            extras = List.copyOf(extras);
        }

        /** The full-time amount in proportion to the part-time coefficient, to cents. */
        BigDecimal scaled(BigDecimal fullTime) {
            return partTime.map(coefficient -> euros(fullTime.multiply(coefficient))).orElse(fullTime);
        }

        boolean covers(YearMonth month) {
            return !start.isAfter(month.atEndOfMonth()) && end.map(e -> !e.isBefore(month.atDay(1))).orElse(true);
        }

        /** The items that apply in the month. */
        List<Item> itemsIn(YearMonth month) {
            return items.stream().filter(item -> item.months().covers(month)).toList();
        }

        /** The extra payments that apply in the month: paid or prorated in it, and with their twelfth in its base. */
        List<ExtraPayment> extrasIn(YearMonth month) {
            return extras.stream().filter(extra -> extra.applies().covers(month)).toList();
        }

    }

    /** Overtime of the month by kind (Estatuto de los Trabajadores art. 35; LGSS art. 149). */
    public record Overtime(OvertimeKind kind, BigDecimal hours, BigDecimal amount) {

        public Overtime {
            cents(amount, "the overtime pay");
        }
    }

    public enum OvertimeKind {
        /** Caused by force majeure (art. 35.3): the reduced additional rate. */
        FORCE_MAJEURE,
        /** Any other overtime. */
        OTHER
    }

    /**
     * A variable item of the month: a bonus, or a negative amount for an absence that deducts pay.
     */
    public record Variable(String concept, BigDecimal amount, boolean salary, boolean contributes, boolean taxable,
            Source source) {

        public Variable {
            if (amount.scale() > 2) {
                throw new IllegalArgumentException("the amount of " + concept + " is euros and cents: " + amount);
            }
        }
    }

    /**
     * A leave of temporary incapacity (incapacidad temporal): for common illness or non-work accident, or for a work
     * accident or occupational disease, whose day of the baja is paid as salary (LGSS art. 173.1).
     *
     * @param first
     *            the first day of the leave (day 1, the baja), in this month or before
     * @param last
     *            the last day of the leave, when known (the day before the alta)
     * @param previousBase
     *            the base of the month before the leave of the contingency it comes from (Decreto 1646/1972 art. 13.1):
     *            the common-contingencies base, or the AT/EP base for an occupational leave; for a worker hired in the
     *            month the leave starts, that month's (order art. 6.2 tercera). The leave's days contribute by it too
     *            ({@link #commonBase}, {@link #professionalBase})
     * @param previousDays
     *            30 when the employee was in alta all that month, else the days in alta it covered (order art. 6.2
     *            segunda)
     * @param previousOvertime
     *            the overtime pay of the month before the leave, which an occupational leave's {@code previousBase}
     *            holds and the common-contingencies base of its days does not
     * @param yearOvertime
     *            the overtime pay of the twelve months before the leave, whose twelfth the AT/EP base of its days takes
     *            instead of the month before's (order art. 6.3)
     */
    public record SickLeave(LocalDate first, Optional<LocalDate> last, BigDecimal previousBase, int previousDays,
            SickLeaveRules.Contingency contingency, BigDecimal previousOvertime, BigDecimal yearOvertime) {

        /** A leave for common illness or non-work accident, without overtime in the year before. */
        public SickLeave(LocalDate first, Optional<LocalDate> last, BigDecimal previousBase, int previousDays) {
            this(first, last, previousBase, previousDays, SickLeaveRules.Contingency.COMMON);
        }

        /** A leave without overtime in the year before. */
        public SickLeave(LocalDate first, Optional<LocalDate> last, BigDecimal previousBase, int previousDays,
                SickLeaveRules.Contingency contingency) {
            this(first, last, previousBase, previousDays, contingency, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        /**
         * The common-contingencies base of {@code days} of leave: the month before's base over its days (order art.
         * 6.2), without that month's overtime, which only the AT/EP base has (RD 2064/1995 art. 23.2.E).
         */
        BigDecimal commonBase(int days) {
            return forDays(withoutOvertime(), days);
        }

        /**
         * The AT/EP base of {@code days} of leave: the same month before's base, its overtime replaced by the twelfth
         * of the overtime of the year before the leave (order art. 6.3, for monthly pay).
         */
        BigDecimal professionalBase(int days) {
            return forDays(withoutOvertime().add(yearOvertime.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP)),
                    days);
        }

        /** The month before's base without its overtime: an occupational leave's (the AT/EP base) holds it. */
        private BigDecimal withoutOvertime() {
            return contingency == SickLeaveRules.Contingency.OCCUPATIONAL
                    ? previousBase.subtract(previousOvertime).max(BigDecimal.ZERO)
                    : previousBase;
        }

        /** A month before's base over its days, for {@code days} of leave. */
        private BigDecimal forDays(BigDecimal base, int days) {
            return base.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(previousDays), 2,
                    RoundingMode.HALF_UP);
        }

        /** The first day without salary: the day after the baja for an occupational leave, else the baja. */
        LocalDate firstUnpaid() {
            return contingency == SickLeaveRules.Contingency.OCCUPATIONAL ? first.plusDays(1) : first;
        }

        public SickLeave {
            if (last.isPresent() && last.get().isBefore(first)) {
                throw new IllegalArgumentException("a leave ends on or after its first day");
            }
            cents(previousBase, "the previous month's base");
            cents(previousOvertime, "the previous month's overtime");
            cents(yearOvertime, "the year's overtime");
            if (previousDays < 1 || previousDays > 31) {
                throw new IllegalArgumentException("the previous month's days are 1 to 31, not " + previousDays);
            }
        }

        /** The daily regulatory base, to cents. */
        BigDecimal daily() {
            return previousBase.divide(BigDecimal.valueOf(previousDays), 2, RoundingMode.HALF_UP);
        }
    }

    /** A deduction other than contributions and withholding: an advance, a loan's instalment, a court order. */
    public record Deduction(String concept, BigDecimal amount, Source source) {

        public Deduction {
            cents(amount, "the deduction " + concept);
        }
    }

    /**
     * What varies in the month.
     *
     * @param hoursWorked
     *            for a part-time contract, the ordinary and complementary hours worked in the month
     * @param unpaidDays
     *            the days of unpaid leave or absence (their pay is deducted by {@code variables}): in alta without pay,
     *            contributed for at the minimum bases ({@link Contributions.Input#unpaidDays()})
     */
    public record Period(YearMonth month, Optional<BigDecimal> hoursWorked, List<Overtime> overtime,
            List<Variable> variables, Optional<SickLeave> sickLeave, List<Deduction> deductions, int unpaidDays) {

        public Period {
            overtime = List.copyOf(overtime);
            variables = List.copyOf(variables);
            deductions = List.copyOf(deductions);
        }

        /** A month without days unpaid. */
        public Period(YearMonth month, Optional<BigDecimal> hoursWorked, List<Overtime> overtime,
                List<Variable> variables, Optional<SickLeave> sickLeave, List<Deduction> deductions) {
            this(month, hoursWorked, overtime, variables, sickLeave, deductions, 0);
        }

        /** A month with nothing but the contract's items. */
        public static Period ordinary(YearMonth month) {
            return new Period(month, Optional.empty(), List.of(), List.of(), Optional.empty(), List.of());
        }
    }

    /**
     * The year so far, before this month (RIRPF art. 87.3): the pay subject to withholding, the employee's
     * contributions and the amount withheld; and the last month's forecast and withholding, which hold while the
     * forecast does not change (art. 87.1: the rate is regularised in the cases of art. 87.2 only, among them a change
     * of the pay during the year, 87.2.3.º). {@link #NONE} at the start of each year.
     */
    public record SoFar(BigDecimal pay, BigDecimal contributions, BigDecimal withheld,
            Optional<Withholding.Forecast> forecast, Optional<Withholding.Result> withholding) {

        public static final SoFar NONE = new SoFar(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), Optional.empty(), Optional.empty());

        /** The year so far after a month's result. */
        public SoFar after(Result month) {
            return new SoFar(pay.add(month.taxable()), contributions.add(month.contributions().employee()),
                    withheld.add(month.withheld()), month.forecast(), month.withholding());
        }
    }

    /** One employee's month to compute. */
    public record Input(Withholding.Employee employee, Contract contract, Period period, SoFar soFar) {

        public Input {
            if (!contract.covers(period.month())) {
                throw new IllegalArgumentException("the contract has no day in " + period.month());
            }
            if (contract.partTime().isPresent() != period.hoursWorked().isPresent()) {
                throw new IllegalArgumentException(
                        "a part-time contract's month has the hours worked, and only a part-time contract's");
            }
        }
    }

    /** What a line is on the payslip and in the employer's cost. */
    public enum Kind {
        /** Salary earning (percepción salarial). */
        SALARY,
        /** Non-salary earning: allowances, the sick-leave benefit. */
        NON_SALARY,
        /** Deducted from the employee's pay: contributions, withholding, advances. */
        DEDUCTION,
        /** The employer's contribution. */
        EMPLOYER_CONTRIBUTION,
        /** Benefit paid in delegated payment, recovered by the employer from the contributions. */
        RECOVERY
    }

    /**
     * A line: its kind, concept, the base and rate (percent) it comes from, the units it counts (days paid of a 30-day
     * month, days of leave, hours of overtime), its amount and its source. How to check it: a prorated monthly amount
     * is base x units / 30; a sick-leave line is base (daily) x units x rate / 100; a contribution or withholding line
     * is base x rate / 100.
     */
    public record Line(Kind kind, String concept, Optional<BigDecimal> base, Optional<BigDecimal> rate,
            Optional<BigDecimal> units, BigDecimal amount, Source source) {

        boolean earning() {
            return kind == Kind.SALARY || kind == Kind.NON_SALARY;
        }
    }

    /**
     * The month's result.
     *
     * @param taxable
     *            the month's pay subject to IRPF withholding
     * @param forecast
     *            the year's forecast the withholding used; none when nothing is paid
     * @param withholding
     *            the procedure's steps and rate; none when nothing is paid
     * @param gross
     *            the earnings
     * @param deductions
     *            the employee's contributions, the withholding and the other deductions
     * @param employerCost
     *            gross plus the employer's contributions less the benefit recovered
     * @param extrasTwelfth
     *            the share of the extra payments paid whole that the common base carries this month (a twelfth of the
     *            year's, for the days worked: order art. 1.1 segunda), which no line pays
     */
    public record Result(YearMonth month, List<Line> lines, Contributions.Result contributions, BigDecimal taxable,
            Optional<Withholding.Forecast> forecast, Optional<Withholding.Result> withholding, BigDecimal withheld,
            BigDecimal gross, BigDecimal deductions, BigDecimal net, BigDecimal employerContributions,
            BigDecimal recovered, BigDecimal employerCost, BigDecimal extrasTwelfth) {

        public Result {
            lines = List.copyOf(lines);
        }

        /** The lines of a concept. */
        public List<Line> lines(String concept) {
            return lines.stream().filter(line -> line.concept().equals(concept)).toList();
        }

        /** The one line of a kind and concept. */
        public Optional<Line> line(Kind kind, String concept) {
            return lines.stream().filter(line -> line.kind() == kind && line.concept().equals(concept)).findFirst();
        }
    }

    /**
     * Computes one employee's month.
     *
     * @throws PayrollRulesFileException
     *             when a table has no row in force for a value the month needs
     * @throws IllegalArgumentException
     *             when the contract's activity or occupation has no AT/EP rate, or the month's pay is negative
     */
    public static Result of(Rules rules, Input input) {
        return new Computation(rules, input).result();
    }

    /** The month being computed: its days, and the lines as they are found. */
    private static final class Computation {

        private final Rules rules;
        private final Input input;
        private final Contract contract;
        private final Period period;
        private final YearMonth month;
        private final List<Line> lines = new ArrayList<>();
        private final LocalDate firstDay;
        private final LocalDate lastDay;
        /** The days paid of a 30-day month, and those of them on leave. */
        private final int paidDays;
        private final int leaveDays;
        /** The calendar days of leave in the month. */
        private final List<LocalDate> leave;
        /** The earnings' pay subject to contribution (without the extras paid whole) and to withholding. */
        private BigDecimal contributing = BigDecimal.ZERO;
        private BigDecimal taxable = BigDecimal.ZERO;

        Computation(Rules rules, Input input) {
            this.rules = rules;
            this.input = input;
            this.contract = input.contract();
            this.period = input.period();
            this.month = period.month();
            this.firstDay = max(contract.start(), month.atDay(1));
            this.lastDay = contract.end().filter(e -> e.isBefore(month.atEndOfMonth())).orElse(month.atEndOfMonth());
            int inContract = days(firstDay, lastDay);
            this.leave = period.sickLeave().map(this::leaveDays).orElse(List.of());
            int days = inContract == month.lengthOfMonth() ? MONTH_DAYS : inContract;
            // a whole month counts 30 days; with leave in it, the salary is for the days worked, at most 30, and the
            // leave contributes for the rest of the 30 (order art. 6.2 segunda)
            this.paidDays = leave.isEmpty() ? days : Math.min(inContract - leave.size(), days);
            this.leaveDays = days - paidDays;
        }

        private List<LocalDate> leaveDays(SickLeave sickLeave) {
            LocalDate from = max(sickLeave.firstUnpaid(), firstDay);
            LocalDate to = sickLeave.last().filter(l -> l.isBefore(lastDay)).orElse(lastDay);
            return from.isAfter(to) ? List.of() : from.datesUntil(to.plusDays(1)).toList();
        }

        Result result() {
            earnings();
            BigDecimal contributingPay = contributing;
            BigDecimal proratedExtras = proratedExtras();
            BigDecimal leaveBase = period.sickLeave().map(s -> s.commonBase(leaveDays)).orElse(BigDecimal.ZERO);
            // the AT/EP base of the leave's days has the year's overtime where the common one has none (art. 6.3)
            BigDecimal leaveOvertime = period.sickLeave().map(s -> s.professionalBase(leaveDays).subtract(leaveBase))
                    .orElse(BigDecimal.ZERO);
            if (contributingPay.add(leaveBase).signum() < 0) {
                throw new IllegalArgumentException("the month's pay subject to contribution is negative: "
                        + contributingPay.add(leaveBase) + " in " + month);
            }
            Contributions.Result contributions = Contributions.of(rules.contributions(),
                    contributionInput(euros(contributingPay.add(leaveBase)), proratedExtras,
                            overtime(OvertimeKind.FORCE_MAJEURE), overtime(OvertimeKind.OTHER), euros(leaveOvertime)));
            for (Contributions.Line line : contributions.lines()) {
                lines.add(new Line(line.payer() == Payer.EMPLOYEE ? Kind.DEDUCTION : Kind.EMPLOYER_CONTRIBUTION,
                        line.concept(), line.base(), line.rate(), Optional.empty(), line.amount(), line.source()));
            }

            BigDecimal taxable = euros(this.taxable);
            Optional<Withholding.Forecast> forecast = forecast(taxable, contributions.employee());
            Optional<Withholding.Result> withholding = forecast.map(this::withholding);
            BigDecimal withheld = withholding.map(w -> w.on(taxable)).orElse(euros(BigDecimal.ZERO));
            if (withheld.signum() > 0) {
                lines.add(new Line(Kind.DEDUCTION, "irpf", Optional.of(taxable), withholding.map(w -> w.rate()),
                        Optional.empty(), withheld, WITHHOLDING));
            }
            for (Deduction deduction : period.deductions()) {
                lines.add(new Line(Kind.DEDUCTION, deduction.concept(), Optional.empty(), Optional.empty(),
                        Optional.empty(), deduction.amount(), deduction.source()));
            }

            BigDecimal gross = total(Line::earning);
            BigDecimal deductions = total(line -> line.kind() == Kind.DEDUCTION);
            BigDecimal employer = total(line -> line.kind() == Kind.EMPLOYER_CONTRIBUTION);
            BigDecimal recovered = total(line -> line.kind() == Kind.RECOVERY);
            return new Result(month, lines, contributions, taxable, forecast, withholding, withheld, gross, deductions,
                    gross.subtract(deductions), employer, recovered, gross.add(employer).subtract(recovered),
                    proratedExtras);
        }

        /** The earning lines of the month, each adding to the pay subject to contribution and to withholding. */
        private void earnings() {
            for (Item item : contract.itemsIn(month)) {
                BigDecimal monthly = contract.scaled(item.monthly());
                BigDecimal amount = paid(monthly);
                if (amount.signum() != 0) {
                    earn(new Line(item.salary() ? Kind.SALARY : Kind.NON_SALARY, item.concept(), Optional.of(monthly),
                            Optional.empty(), Optional.of(BigDecimal.valueOf(paidDays)), amount, item.source()),
                            item.contributes(), item.taxable());
                }
            }
            for (ExtraPayment extra : contract.extrasIn(month)) {
                if (extra.prorated()) {
                    BigDecimal twelfth = contract.scaled(extra.yearly()).divide(TWELVE, 2, RoundingMode.HALF_UP);
                    BigDecimal amount = paid(twelfth);
                    if (amount.signum() != 0) {
                        earn(new Line(Kind.SALARY, extra.concept(), Optional.of(twelfth), Optional.empty(),
                                Optional.of(BigDecimal.valueOf(paidDays)), amount, extra.source()), extra.contributes(),
                                extra.taxable());
                    }
                } else if (extra.months().contains(month.getMonth())) {
                    // in the bases by its twelfths (proratedExtras), not in the month it is paid
                    earn(new Line(Kind.SALARY, extra.concept(), Optional.empty(), Optional.empty(), Optional.empty(),
                            contract.scaled(extra.amount()), extra.source()), false, extra.taxable());
                }
            }
            for (Overtime overtime : period.overtime()) {
                // in the AT/EP base and its additional contribution through Contributions, not in the common base
                earn(new Line(Kind.SALARY, overtimeConcept(overtime.kind()), Optional.empty(), Optional.empty(),
                        Optional.of(overtime.hours()), overtime.amount(), OVERTIME), false, true);
            }
            for (Variable variable : period.variables()) {
                earn(new Line(variable.salary() ? Kind.SALARY : Kind.NON_SALARY, variable.concept(), Optional.empty(),
                        Optional.empty(), Optional.empty(), variable.amount(), variable.source()),
                        variable.contributes(), variable.taxable());
            }
            period.sickLeave().ifPresent(this::benefit);
        }

        private BigDecimal total(Predicate<Line> which) {
            return euros(lines.stream().filter(which).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        private void earn(Line line, boolean contributes, boolean taxable) {
            lines.add(line);
            contributing = contributes ? contributing.add(line.amount()) : contributing;
            this.taxable = taxable ? this.taxable.add(line.amount()) : this.taxable;
        }

        /** A monthly amount for the days paid of the 30-day month. */
        private BigDecimal paid(BigDecimal monthly) {
            return paidDays == MONTH_DAYS ? monthly
                    : monthly.multiply(BigDecimal.valueOf(paidDays)).divide(THIRTY, 2, RoundingMode.HALF_UP);
        }

        /**
         * Order art. 1.1 segunda: a twelfth of the year's extras paid whole, for the days worked of the month: the days
         * paid less the unpaid ones, whose base is the group's minimum (RD 2064/1995 art. 69.2), as a prorated extra's
         * pay is less those days' share.
         */
        private BigDecimal proratedExtras() {
            BigDecimal yearly = contract.extrasIn(month).stream().filter(e -> !e.prorated() && e.contributes())
                    .map(e -> contract.scaled(e.yearly())).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal twelfth = yearly.divide(TWELVE, 2, RoundingMode.HALF_UP);
            int worked = Math.max(0, paidDays - period.unpaidDays());
            return worked == MONTH_DAYS ? twelfth
                    : twelfth.multiply(BigDecimal.valueOf(worked)).divide(THIRTY, 2, RoundingMode.HALF_UP);
        }

        /** Order art. 6.2 segunda: the previous month's base over its divisor, times the days of leave paid. */
        /** One line per band of days of leave in the month, and the recovery of the delegated ones. */
        private void benefit(SickLeave sickLeave) {
            BigDecimal daily = sickLeave.daily();
            Map<SickLeaveRules.Band, Integer> days = new LinkedHashMap<>();
            for (LocalDate day : leave) {
                int dayOfLeave = (int) ChronoUnit.DAYS.between(sickLeave.first(), day) + 1;
                rules.sickLeave().band(dayOfLeave, day, sickLeave.contingency())
                        .ifPresent(band -> days.merge(band, 1, Integer::sum));
            }
            days.forEach((band, count) -> {
                BigDecimal units = BigDecimal.valueOf(count);
                BigDecimal amount = euros(daily.multiply(units).multiply(band.percent()).divide(HUNDRED));
                String concept = SICK_LEAVE
                        + (band.contingency() == SickLeaveRules.Contingency.OCCUPATIONAL ? "occupational-" : "")
                        + band.payer().code() + "-" + band.firstDay() + "-"
                        + band.lastDay().map(String::valueOf).orElse("");
                // not in the bases: the leave's days contribute by the previous month's base (leaveBase)
                earn(new Line(Kind.NON_SALARY, concept, Optional.of(daily), Optional.of(band.percent()),
                        Optional.of(units), amount, band.source()), false, true);
                if (band.payer() == SickLeaveRules.Payer.DELEGATED) {
                    lines.add(new Line(Kind.RECOVERY, concept, Optional.of(daily), Optional.of(band.percent()),
                            Optional.of(units), amount, band.source()));
                }
            });
        }

        private BigDecimal overtime(OvertimeKind kind) {
            return euros(period.overtime().stream().filter(o -> o.kind() == kind).map(Overtime::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        private Contributions.Input contributionInput(BigDecimal pay, BigDecimal proratedExtras,
                BigDecimal forceMajeure, BigDecimal other, BigDecimal leaveOvertime) {
            return new Contributions.Input(month, contract.group(), contract.kind(), contract.disabled(),
                    contract.start(), contract.end(), period.hoursWorked(), pay, euros(proratedExtras), forceMajeure,
                    other, premium(rules.atep(), contract, firstDay), period.unpaidDays(), leaveOvertime);
        }

        /**
         * RIRPF art. 83.2, 1.ª: the pay so far, this month's, and the contract's ordinary pay (the items that apply in
         * the month and the prorated extras, whole-month, no variables) for each month left in the year and the
         * contract, in proportion to its days paid when the contract ends within it, with the extras paid whole that
         * fall in those months.
         */
        private Optional<Withholding.Forecast> forecast(BigDecimal taxable, BigDecimal employeeContributions) {
            SoFar soFar = input.soFar();
            BigDecimal pay = soFar.pay().add(taxable);
            BigDecimal contributions = soFar.contributions().add(employeeContributions);
            // the months left mostly share their items and extras: each set's ordinary month is computed once
            Map<Applying, Ordinary> ordinaries = new HashMap<>();
            for (YearMonth next = month.plusMonths(1); next.getYear() == month.getYear(); next = next.plusMonths(1)) {
                if (!contract.covers(next)) {
                    continue;
                }
                List<ExtraPayment> extras = contract.extrasIn(next);
                Ordinary ordinary = ordinaries.computeIfAbsent(new Applying(contract.itemsIn(next), extras),
                        this::ordinary);
                BigDecimal share = share(next);
                pay = pay.add(euros(ordinary.pay().multiply(share)));
                contributions = contributions.add(euros(ordinary.contributions().multiply(share)));
                for (ExtraPayment extra : extras) {
                    if (!extra.prorated() && extra.taxable() && extra.months().contains(next.getMonth())) {
                        pay = pay.add(contract.scaled(extra.amount()));
                    }
                }
            }
            if (pay.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Withholding.Forecast(euros(pay), euros(contributions.min(pay))));
        }

        /** The days paid of a later month over 30: less than one when the contract ends within it. */
        private BigDecimal share(YearMonth next) {
            LocalDate last = contract.end().filter(e -> e.isBefore(next.atEndOfMonth())).orElse(next.atEndOfMonth());
            int days = days(max(contract.start(), next.atDay(1)), last);
            return days == next.lengthOfMonth() ? BigDecimal.ONE
                    : BigDecimal.valueOf(Math.min(days, MONTH_DAYS)).divide(THIRTY, 10, RoundingMode.HALF_UP);
        }

        private record Ordinary(BigDecimal pay, BigDecimal contributions) {
        }

        /** The items and extra payments that apply in a month. */
        private record Applying(List<Item> items, List<ExtraPayment> extras) {
        }

        /** A whole month of these items and extras: its pay subject to withholding and its employee contributions. */
        private Ordinary ordinary(Applying applying) {
            BigDecimal taxable = BigDecimal.ZERO;
            BigDecimal contributing = BigDecimal.ZERO;
            for (Item item : applying.items()) {
                BigDecimal amount = contract.scaled(item.monthly());
                taxable = item.taxable() ? taxable.add(amount) : taxable;
                contributing = item.contributes() ? contributing.add(amount) : contributing;
            }
            BigDecimal proratedExtras = BigDecimal.ZERO;
            for (ExtraPayment extra : applying.extras()) {
                BigDecimal twelfth = contract.scaled(extra.yearly()).divide(TWELVE, 2, RoundingMode.HALF_UP);
                if (extra.prorated()) {
                    taxable = extra.taxable() ? taxable.add(twelfth) : taxable;
                    contributing = extra.contributes() ? contributing.add(twelfth) : contributing;
                } else if (extra.contributes()) {
                    proratedExtras = proratedExtras.add(twelfth);
                }
            }
            Contributions.Input whole = new Contributions.Input(month, contract.group(), contract.kind(),
                    contract.disabled(), month.atDay(1), Optional.empty(), period.hoursWorked(), euros(contributing),
                    euros(proratedExtras), BigDecimal.ZERO, BigDecimal.ZERO,
                    premium(rules.atep(), contract, month.atDay(1)));
            return new Ordinary(taxable, Contributions.of(rules.contributions(), whole).employee());
        }

        /**
         * RIRPF art. 87: the last month's rate while the forecast holds; when it changes after pay this year, the
         * regularised rate of art. 87.3; else the rate of arts. 82 to 86.
         */
        private Withholding.Result withholding(Withholding.Forecast forecast) {
            SoFar soFar = input.soFar();
            if (soFar.withholding().isPresent() && soFar.forecast().filter(f -> same(f, forecast)).isPresent()) {
                return soFar.withholding().get();
            }
            Withholding.Contract irpfContract = new Withholding.Contract(contract.start(), contract.end(),
                    contract.relationship());
            if (soFar.pay().signum() > 0 && forecast.pay().compareTo(soFar.pay()) > 0) {
                return Withholding.regularised(rules.irpf(), input.employee(), irpfContract, forecast, soFar.pay(),
                        soFar.withheld());
            }
            return Withholding.rate(rules.irpf(), input.employee(), irpfContract, forecast);
        }

        private static boolean same(Withholding.Forecast a, Withholding.Forecast b) {
            return a.pay().compareTo(b.pay()) == 0 && a.contributions().compareTo(b.contributions()) == 0;
        }
    }

    /**
     * The AT/EP premium of a contract on a day: Cuadro II when the occupation is one of it (regla tercera), else Cuadro
     * I by the longest code of the table that starts the contract's CNAE code.
     *
     * @throws IllegalArgumentException
     *             when neither table has a rate for the contract
     */
    static AtEpPremium premium(AtepPremiums tariff, Contract contract, LocalDate day) {
        Optional<AtepPremiums.Premium> premium = contract.occupation().flatMap(o -> tariff.occupation(o, day));
        if (premium.isEmpty() && contract.cnae().isPresent()) {
            String code = contract.cnae().get().strip();
            for (int length = code.length(); length >= 2 && premium.isEmpty(); length--) {
                premium = tariff.activity(code.substring(0, length), day);
            }
        }
        AtepPremiums.Premium found = premium.orElseThrow(() -> new IllegalArgumentException(
                "the AT/EP tariff in force on " + day + " has no rate for the activity " + contract.cnae().orElse("-")
                        + " nor the occupation " + contract.occupation().orElse("-")));
        return new AtEpPremium(found.it(), found.ims(), found.source());
    }

    /**
     * What was paid for a month: the figures of a {@link Result}, or those the runs that paid it stored (the regular
     * run and the complementary runs that corrected it, their lines summed by kind and concept).
     */
    public record Paid(YearMonth month, BigDecimal gross, BigDecimal taxable, BigDecimal commonBase,
            BigDecimal professionalBase, BigDecimal employeeContributions, BigDecimal employerContributions,
            List<Line> lines) {

        public Paid {
            lines = List.copyOf(lines);
        }

        /** Nothing paid: an employee the month's runs did not pay. */
        public static Paid none(YearMonth month) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Paid(month, zero, zero, zero, zero, zero, zero, List.of());
        }

        public static Paid of(Result result) {
            return new Paid(result.month(), result.gross(), result.taxable(), result.contributions().common().amount(),
                    result.contributions().professional().amount(), result.contributions().employee(),
                    result.contributions().employer(), result.lines());
        }
    }

    /**
     * The difference of one kind and concept: the line as paid and the line due now (each with its base, rate, amount
     * and source; several lines of a kind and concept summed, with the figures of the last), and the amount due less
     * the amount paid.
     */
    public record Difference(Kind kind, String concept, Optional<Line> paid, Optional<Line> due, BigDecimal amount) {

        /** The rule's source now, else the one it was paid by. */
        public Source source() {
            return due.or(() -> paid).map(Line::source).orElseThrow();
        }
    }

    /**
     * The differences of one month: what is due now less what was paid, in pay, bases and contributions; the bases as
     * paid, so that the base due is the paid one plus the difference.
     *
     * @param recovered
     *            the difference of the sick-leave benefit recovered by the employer (delegated payment)
     */
    public record Arrears(YearMonth month, BigDecimal gross, BigDecimal taxable, BigDecimal paidCommonBase,
            BigDecimal commonBase, BigDecimal paidProfessionalBase, BigDecimal professionalBase,
            BigDecimal employeeContributions, BigDecimal employerContributions, BigDecimal recovered,
            List<Difference> lines) {

        public Arrears {
            lines = List.copyOf(lines);
        }

        /** Whether anything differs. */
        public boolean differs() {
            return !lines.isEmpty() || commonBase.signum() != 0 || professionalBase.signum() != 0;
        }
    }

    /**
     * The arrears (atrasos) of months already paid, computed again under the rules and pay now in force for them (the
     * order art. 1.1 primera: the base computes "la remuneración devengada en el mes a que se refiere la cotización",
     * so the differences go to the bases of the months they were earned in, as a complementary settlement): per month,
     * the differences of the earnings, the taxable pay, the two bases and the contributions, and a line per kind and
     * concept whose amount changed. The withholding is left out: the arrears of a year still open are withheld with the
     * pay of the month they are paid in (its forecast then includes them).
     *
     * @param paid
     *            the months' results as they were paid
     * @param due
     *            the same months computed again
     *
     * @throws IllegalArgumentException
     *             if the two do not hold the same months
     */
    public static List<Arrears> arrears(List<Result> paid, List<Result> due) {
        return arrearsOf(paid.stream().map(Paid::of).toList(), due);
    }

    /**
     * The arrears of months as their runs paid them (see {@link #arrears(List, List)}).
     *
     * @throws IllegalArgumentException
     *             if the two do not hold the same months
     */
    public static List<Arrears> arrearsOf(List<Paid> paid, List<Result> due) {
        Map<YearMonth, Paid> before = paid.stream()
                .collect(Collectors.toMap(Paid::month, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("the month " + a.month() + " was paid twice");
                }, LinkedHashMap::new));
        if (due.size() != before.size() || !due.stream().map(Result::month).allMatch(before::containsKey)) {
            throw new IllegalArgumentException("the months paid " + before.keySet() + " and computed again "
                    + due.stream().map(Result::month).toList() + " differ");
        }
        List<Arrears> arrears = new ArrayList<>();
        for (Result now : due) {
            Paid then = before.get(now.month());
            List<Difference> lines = lineDifferences(then.lines(), now.lines());
            BigDecimal recovered = lines.stream().filter(d -> d.kind() == Kind.RECOVERY).map(Difference::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            arrears.add(new Arrears(now.month(), now.gross().subtract(then.gross()),
                    now.taxable().subtract(then.taxable()), then.commonBase(),
                    now.contributions().common().amount().subtract(then.commonBase()), then.professionalBase(),
                    now.contributions().professional().amount().subtract(then.professionalBase()),
                    now.contributions().employee().subtract(then.employeeContributions()),
                    now.contributions().employer().subtract(then.employerContributions()), recovered, lines));
        }
        return arrears;
    }

    private record Key(Kind kind, String concept) {
    }

    /** Per kind and concept, the amount due less the amount paid, where it differs; the withholding aside. */
    private static List<Difference> lineDifferences(List<Line> then, List<Line> now) {
        Map<Key, Line> paid = summed(then);
        Map<Key, Line> due = summed(now);
        Map<Key, BigDecimal> amounts = new LinkedHashMap<>();
        due.forEach((key, line) -> amounts.merge(key, line.amount(), BigDecimal::add));
        paid.forEach((key, line) -> amounts.merge(key, line.amount().negate(), BigDecimal::add));
        List<Difference> differences = new ArrayList<>();
        amounts.forEach((key, amount) -> {
            if (amount.signum() != 0 && !key.concept().equals("irpf")) {
                differences.add(new Difference(key.kind(), key.concept(), Optional.ofNullable(paid.get(key)),
                        Optional.ofNullable(due.get(key)), amount));
            }
        });
        return differences;
    }

    /** The lines by kind and concept, those of one key summed, with the base, rate, units and source of the last. */
    private static Map<Key, Line> summed(List<Line> lines) {
        Map<Key, Line> summed = new LinkedHashMap<>();
        for (Line line : lines) {
            summed.merge(new Key(line.kind(), line.concept()), line, (a, b) -> new Line(b.kind(), b.concept(), b.base(),
                    b.rate(), b.units(), a.amount().add(b.amount()), b.source()));
        }
        return summed;
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal euros(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static void cents(BigDecimal amount, String what) {
        if (amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException(what + " is euros and cents, not negative: " + amount);
        }
    }

    private static String overtimeConcept(OvertimeKind kind) {
        return kind == OvertimeKind.FORCE_MAJEURE ? OVERTIME_CONCEPT + "force-majeure" : OVERTIME_CONCEPT + "other";
    }

    /**
     * The payslip heading (Orden ESS/2098/2014) of a line this calculation names itself, by its concept: overtime as
     * such, the sick-leave benefit among the Social Security's benefits; none for a concept of the contract or the
     * month's items, whose heading their kind gives.
     */
    static Optional<Payslip.EarningKind> heading(String concept) {
        if (concept.startsWith(OVERTIME_CONCEPT)) {
            return Optional.of(Payslip.EarningKind.OVERTIME);
        }
        if (concept.startsWith(SICK_LEAVE)) {
            return Optional.of(Payslip.EarningKind.SOCIAL_SECURITY_BENEFIT);
        }
        return Optional.empty();
    }
}
