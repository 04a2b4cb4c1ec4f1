package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.persistence.annotations.BatchFetchType;

import org.eclipse.persistence.config.QueryHints;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.NoRuleInForceException;
import coop.intercoop.hub.payroll.entity.OvertimeLimits;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.Progress;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.control.WorkCentres;

/**
 * A payroll run's calculation, in its job's transaction: scoped to the job's organisation ({@link Tenanted}, as a
 * request would be), it maps each employee with a contract active in the month and their items of the month
 * ({@link RunInputs}), calculates them ({@link MonthlyPay}) on the tables in force and stores the employees and their
 * lines, replacing an earlier calculation's, ending the job in the same transaction. One employee whose data cannot be
 * calculated fails the run, naming the employee and the field; nothing is stored.
 */
@Dependent
public class PayrollRunCalculation {

    private static final Logger LOG = Logger.getLogger(PayrollRunCalculation.class.getName());
    /** The sentence of a run whose month's rules cannot be read: the job's outcome, and approval's refusal. */
    static final String RULES = "run.rules";

    @PersistenceContext
    EntityManager em;

    @Inject
    PayrollRuns runs;

    @Inject
    PayrollTables tables;

    @Inject
    WorkCentres workCentres;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    /** Calculates the run of the claimed job and ends the job, in the caller's transaction. */
    @Tenanted
    public void calculate(Claim claim) {
        PayrollRun run = runs.ofJob(claim.id());
        Locale language = Locale.forLanguageTag(run.getLanguage());
        List<RunEmployee> calculated;
        long start = System.nanoTime();
        try {
            calculated = results(run, claim.progress());
        } catch (HubException refused) {
            run.failed(refused.message(language));
            claim.finish(JobStatus.FAILED);
            return;
        } catch (NoRuleInForceException | PayrollRulesFileException rules) {
            run.failed(HubTexts.format(PayrollRuns.BUNDLE, language, RULES, run.getMonth().toString()));
            claim.finish(JobStatus.FAILED);
            return;
        }
        long read = System.nanoTime();
        runs.replace(run, calculated);
        long stored = System.nanoTime();
        LOG.info(() -> String.format(
                "Payroll run %d (%s): %,d employees read and calculated in %.2f s, their %,d rows "
                        + "stored in %.2f s",
                run.getId(), run.getMonth(), calculated.size(), (read - start) / 1e9,
                calculated.size() + calculated.stream().mapToLong(e -> e.lines().size()).sum(), (stored - read) / 1e9));
        run.calculated(totals(calculated),
                HubTexts.format(PayrollRuns.BUNDLE, language, "run.calculated", calculated.size()));
        audit.record(tenant.id(), "payroll-run.calculated", PayrollRuns.OBJECT, String.valueOf(run.getId()),
                calculated.size() + " employees");
        claim.finish(JobStatus.SUCCEEDED);
    }

    /**
     * What the run pays each employee, calculated from the rules, the employees' data and the month's items as they are
     * now: what its job stores, and what approval compares with what was stored ({@link PayrollRuns#approve}).
     */
    public List<RunEmployee> results(PayrollRun run, Progress progress) {
        return run.getKind() == PayrollRun.Kind.REGULAR ? calculate(run.getMonth(), progress)
                : complementary(run, progress);
    }

    private List<RunEmployee> calculate(YearMonth month, Progress progress) {
        MonthlyPay.Rules rules = MonthlyPay.Rules.of(tables, month);
        Map<String, ContractType> types = tables.contractTypes();
        Map<Long, MonthlyPay.SoFar> soFar = runs.yearSoFar(month);
        Map<Long, Withholding.Held> held = runs.held(month);
        List<Employee> employees = employees();
        Map<Long, List<EmploymentContract>> contracts = contractsIn(month, month);
        Map<Long, String> cccs = new HashMap<>();
        Map<Long, List<PayrollItem>> items = itemsOf(month);
        Map<Long, BigDecimal> overtimeBefore = PayrollItems.overtimeHoursBefore(em, month);
        Map<Long, Map<YearMonth, BigDecimal>> overtimePay = overtimePay(List.of(items), month);
        Optional<OvertimeLimits.Limit> overtimeLimit = tables.overtimeLimits().on(month.atEndOfMonth());
        List<RunEmployee> calculated = new ArrayList<>();
        progress.total.set(employees.size());
        for (Employee employee : employees) {
            Optional<EmploymentContract> active = contractIn(employee, month, contracts);
            List<PayrollItem> ofEmployee = items.getOrDefault(employee.getId(), List.of());
            if (active.isPresent()) {
                calculated.add(calculate(employee, active.get(), types, month, rules,
                        soFar.getOrDefault(employee.getId(), MonthlyPay.SoFar.NONE),
                        Optional.ofNullable(held.get(employee.getId())), ofEmployee, cccs, overtimeLimit,
                        overtimeBefore.getOrDefault(employee.getId(), BigDecimal.ZERO),
                        overtimePay.getOrDefault(employee.getId(), Map.of())));
            } else if (!ofEmployee.isEmpty()) {
                // an item no contract pays would be dropped without a word
                throw new RunDataException("items", "run.items.contract", RunInputs.name(employee), month.toString());
            }
            progress.done.incrementAndGet();
        }
        return calculated;
    }

    /**
     * The organisation's employees with their descendants and ascendants, read in a few statements (the relatives of
     * many employees at once) rather than one per employee; the run writes nothing through the persistence context
     * while it reads, so the reads do not flush it.
     */
    private List<Employee> employees() {
        return em.createNamedQuery(Employee.ALL, Employee.class).setFlushMode(FlushModeType.COMMIT)
                .setHint(QueryHints.BATCH, "e.relatives").setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .getResultList();
    }

    /** The contracts in force at some time from the first month to the last, with their salary items, by employee. */
    private Map<Long, List<EmploymentContract>> contractsIn(YearMonth first, YearMonth last) {
        return em.createNamedQuery(EmploymentContract.IN_FORCE, EmploymentContract.class)
                .setParameter("first", first.atDay(1)).setParameter("last", last.atEndOfMonth())
                .setFlushMode(FlushModeType.COMMIT).setHint(QueryHints.BATCH, "c.salaryItems")
                .setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN).getResultStream()
                .collect(Collectors.groupingBy(EmploymentContract::getEmployeeId));
    }

    /**
     * The employee's contract active in the month, if any, among the contracts read ({@link #contractsIn}).
     *
     * @throws RunDataException
     *             when more than one is
     */
    private static Optional<EmploymentContract> contractIn(Employee employee, YearMonth month,
            Map<Long, List<EmploymentContract>> contracts) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<EmploymentContract> active = contracts.getOrDefault(employee.getId(), List.of()).stream().filter(
                c -> !c.getStartDate().isAfter(last) && (c.getEndDate() == null || !c.getEndDate().isBefore(first)))
                .toList();
        if (active.size() > 1) {
            throw new RunDataException("contracts", "run.contracts.overlap", RunInputs.name(employee),
                    month.toString());
        }
        return active.stream().findFirst();
    }

    /**
     * The overtime pay by month of the employees with a sick leave among the items, over the twelve months before the
     * earliest leave's first day (order art. 6.3) up to {@code until}: none when no item is a leave.
     */
    private Map<Long, Map<YearMonth, BigDecimal>> overtimePay(Collection<Map<Long, List<PayrollItem>>> items,
            YearMonth until) {
        Optional<YearMonth> earliest = items.stream().flatMap(byEmployee -> byEmployee.values().stream())
                .flatMap(List::stream).filter(i -> i.getKind() == PayrollItem.Kind.SICK_LEAVE)
                .map(i -> YearMonth.from(i.getFirstDay())).min(Comparator.naturalOrder());
        return earliest.map(first -> PayrollItems.overtimePay(em, first.minusMonths(12), until)).orElse(Map.of());
    }

    /** The month's items, by employee. */
    private Map<Long, List<PayrollItem>> itemsOf(YearMonth month) {
        return PayrollItems.ofMonth(em, month).stream().collect(Collectors.groupingBy(PayrollItem::getEmployeeId));
    }

    /** The CCC of a contract's work centre, asked of tenancy once per work centre in a run. */
    private String ccc(EmploymentContract contract, Map<Long, String> cccs) {
        return cccs.computeIfAbsent(contract.getWorkCentreId(),
                centre -> workCentres.cccsById(tenant.id(), List.of(centre)).get(centre));
    }

    /**
     * A complementary run: each month of its range recalculated for every employee with a contract in it, under the
     * rules in force now and the employee's and contract's data as they are, against what the approved runs paid for
     * that month ({@link PayrollRuns#paid}); an employee with differences gets a row with the differences of every
     * month ({@link ComplementaryPay}), withheld at the rate of the month paid, or those of an earlier year at the
     * fixed rate of such arrears in force in the month paid (RIRPF art. 80.1.5.º). The withholding of the months
     * computed again is not compared: it was withheld when paid (RIRPF art. 82).
     */
    private List<RunEmployee> complementary(PayrollRun run, Progress progress) {
        Map<String, ContractType> types = tables.contractTypes();
        YearMonth from = run.getArrearsFrom().orElseThrow();
        YearMonth to = run.getArrearsTo().orElseThrow();
        Optional<IrpfRules.Value> fixed = run.getAccrualYear().map(
                year -> tables.irpf(run.getMonth().atEndOfMonth()).value(IrpfRules.Parameter.ARREARS_EARLIER_YEARS));
        Withholding.Reason reason = fixed.isPresent() ? Withholding.Reason.EARLIER_YEAR : Withholding.Reason.ARREARS;
        Map<Long, BigDecimal> rates = fixed.isPresent() ? Map.of() : runs.rates(run.getMonth());
        List<Employee> employees = employees();
        Map<Long, List<EmploymentContract>> contracts = contractsIn(from, to);
        Map<Long, String> cccs = new HashMap<>();
        progress.total.set(employees.size());
        Map<YearMonth, MonthlyPay.Rules> rules = new LinkedHashMap<>();
        Map<YearMonth, Map<Long, MonthlyPay.Paid>> paid = new LinkedHashMap<>();
        Map<YearMonth, Map<Long, List<PayrollItem>>> items = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            rules.put(m, MonthlyPay.Rules.of(tables, m));
            paid.put(m, runs.paid(m));
            items.put(m, itemsOf(m));
        }
        Map<Long, Map<YearMonth, BigDecimal>> overtimePay = overtimePay(items.values(), to.plusMonths(1));
        List<RunEmployee> calculated = new ArrayList<>();
        for (Employee employee : employees) {
            List<MonthlyPay.Arrears> months = new ArrayList<>();
            Map<String, Payslip.EarningKind> headings = new HashMap<>();
            Map<String, Integer> exemptSubkeys = new HashMap<>();
            EmploymentContract last = null;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                Optional<EmploymentContract> contract = contractIn(employee, m, contracts);
                MonthlyPay.Paid before = paid.get(m).get(employee.getId());
                if (contract.isEmpty() && before == null) {
                    continue;
                }
                if (contract.isEmpty()) {
                    // paid then, no contract now: most likely a contract's dates put wrong; not taken back silently
                    throw new RunDataException("contracts", "run.range.contract", RunInputs.name(employee),
                            m.toString());
                }
                // the month's items as its regular run read them (a closed month's items cannot change), so that only
                // the rules and the data put right make a difference
                RunInputs.Mapped mapped = RunInputs.of(employee, contract.get(), types, m, MonthlyPay.SoFar.NONE,
                        items.get(m).getOrDefault(employee.getId(), List.of()),
                        overtimePay.getOrDefault(employee.getId(), Map.of()));
                MonthlyPay.Result due;
                try {
                    due = MonthlyPay.of(rules.get(m), mapped.input());
                } catch (IllegalArgumentException incalculable) {
                    throw new RunDataException("contract", "run.employee.incalculable", RunInputs.name(employee),
                            String.valueOf(contract.get().getId()));
                }
                headings.putAll(mapped.headings());
                exemptSubkeys.putAll(mapped.exemptSubkeys());
                last = contract.get();
                MonthlyPay.Arrears arrears = MonthlyPay
                        .arrearsOf(List.of(before == null ? MonthlyPay.Paid.none(m) : before), List.of(due)).get(0);
                if (arrears.differs()) {
                    months.add(arrears);
                }
            }
            if (!months.isEmpty()) {
                BigDecimal rate = fixed.map(IrpfRules.Value::amount)
                        .orElseGet(() -> rates.getOrDefault(employee.getId(), BigDecimal.ZERO));
                ComplementaryPay.Pay pay = ComplementaryPay.of(months, rate,
                        fixed.map(IrpfRules.Value::source).orElse(reason.source()), headings, exemptSubkeys);
                PayrollRuns.Irpf irpf = new PayrollRuns.Irpf(Optional.empty(), Optional.empty(), rate, reason,
                        Optional.empty());
                calculated.add(new RunEmployee(employee.getId(), last.getId(), last.getWorkCentreId(), ccc(last, cccs),
                        RunInputs.name(employee), employee.getNif(), employee.getNaf(), category(last),
                        last.getContributionGroup(), from.atDay(1), to.atEndOfMonth(), 0, pay.grossPay(),
                        pay.compensation(), pay.benefitAdvanced(), pay.taxable(), pay.employeeContributions(),
                        pay.withheld(), BigDecimal.ZERO.setScale(2), pay.net(), pay.employerContributions(),
                        pay.employerCost(), pay.commonBase(), pay.professionalBase(), pay.lines(), Optional.of(irpf),
                        pay.accruals(), List.of(), Optional.empty()));
            }
            progress.done.incrementAndGet();
        }
        return calculated;
    }

    private static String category(EmploymentContract contract) {
        return contract.getProfessionalCategory() == null ? "Grupo de cotización " + contract.getContributionGroup()
                : contract.getProfessionalCategory();
    }

    /**
     * One employee's month. RIRPF art. 87: the rate of the employee's last month this year is held while the forecast
     * and the personal data it was computed on hold (MonthlyPay keeps it while the forecast does); when the personal
     * data changed it is regularised; the reason is stored and cited on the withholding line. The month's overtime is
     * checked against the year's limit ({@link OvertimeWarnings}), which warns and never refuses.
     */
    private RunEmployee calculate(Employee employee, EmploymentContract contract, Map<String, ContractType> types,
            YearMonth month, MonthlyPay.Rules rules, MonthlyPay.SoFar soFar, Optional<Withholding.Held> held,
            List<PayrollItem> items, Map<Long, String> cccs, Optional<OvertimeLimits.Limit> overtimeLimit,
            BigDecimal overtimeBefore, Map<YearMonth, BigDecimal> overtimePay) {
        RunInputs.Mapped mapped = RunInputs.of(employee, contract, types, month, soFar, items, overtimePay);
        MonthlyPay.Input input = mapped.input();
        List<PayrollRuns.Warning> warnings = new ArrayList<>(
                OvertimeWarnings.of(overtimeLimit, month, input.contract().start(), input.contract().end(),
                        input.contract().partTime().isPresent(), input.period().overtime(), overtimeBefore));
        warnings.addAll(ExtraPaymentWarnings.of(input.contract(), month));
        String personalData = Withholding.personalData(input.employee(), irpfContract(input.contract()));
        Optional<Withholding.Held> holding = held.filter(h -> h.personalData().equals(personalData));
        MonthlyPay.SoFar year = input.soFar();
        year = new MonthlyPay.SoFar(year.pay(), year.contributions(), year.withheld(),
                holding.map(Withholding.Held::forecast), holding.map(Withholding::held));
        MonthlyPay.Result result;
        try {
            result = MonthlyPay.of(rules,
                    new MonthlyPay.Input(input.employee(), input.contract(), input.period(), year));
        } catch (IllegalArgumentException incalculable) {
            throw new RunDataException("contract", "run.employee.incalculable", RunInputs.name(employee),
                    String.valueOf(contract.getId()));
        }
        Optional<Withholding.Reason> reason = result.forecast()
                .map(forecast -> Withholding.decide(held, forecast, personalData));
        Optional<PayrollRuns.Irpf> irpf = result.forecast()
                .map(forecast -> new PayrollRuns.Irpf(Optional.of(forecast.pay()),
                        Optional.of(forecast.contributions()), result.withholding().orElseThrow().rate(),
                        reason.orElseThrow(), Optional.of(personalData)));
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal grossPay = zero;
        BigDecimal nonSalary = zero;
        BigDecimal advances = zero;
        List<RunLine> lines = new ArrayList<>();
        for (MonthlyPay.Line line : result.lines()) {
            switch (line.kind()) {
                case SALARY -> grossPay = grossPay.add(line.amount());
                case NON_SALARY -> nonSalary = nonSalary.add(line.amount());
                case DEDUCTION -> {
                    if (!line.concept().equals("irpf") && result.contributions().lines().stream()
                            .noneMatch(c -> c.concept().equals(line.concept()))) {
                        advances = advances.add(line.amount());
                    }
                }
                default -> {
                    // the employer's contributions and the benefit recovered are in the result's totals
                }
            }
            lines.add(
                    new RunLine(line.kind(), line.concept(),
                            line.earning() ? mapped.heading(line.concept()) : Optional.empty(),
                            line.earning() ? Optional.ofNullable(mapped.exemptSubkeys().get(line.concept()))
                                    : Optional.empty(),
                            line.base(), line.rate(), line.units(), line.amount(),
                            line.concept().equals("irpf") && reason.isPresent() ? reason.get().source() : line.source(),
                            Optional.empty(), Optional.empty()));
        }
        LocalDate from = contract.getStartDate().isAfter(month.atDay(1)) ? contract.getStartDate() : month.atDay(1);
        LocalDate to = contract.getEndDate() != null && contract.getEndDate().isBefore(month.atEndOfMonth())
                ? contract.getEndDate()
                : month.atEndOfMonth();
        boolean whole = from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth());
        // order art. 6.2 segunda: a monthly-paid worker's whole month counts 30 days
        int days = whole ? 30 : to.getDayOfMonth() - from.getDayOfMonth() + 1;
        String category = category(contract);
        return new RunEmployee(employee.getId(), contract.getId(), contract.getWorkCentreId(), ccc(contract, cccs),
                RunInputs.name(employee), employee.getNif(), employee.getNaf(), category,
                contract.getContributionGroup(), from, to, days, grossPay, nonSalary.subtract(result.recovered()),
                result.recovered(), result.taxable(), result.contributions().employee(), result.withheld(), advances,
                result.net(), result.employerContributions(), result.employerCost(),
                result.contributions().common().amount(), result.contributions().professional().amount(), lines, irpf,
                List.of(), warnings, Optional.of(proratedExtras(mapped, result)));
    }

    /**
     * The share of the extra payments in the month's common base (the payslip's "Importe prorrata pagas
     * extraordinarias", Orden ESS/2098/2014): the lines of the extra payments prorated in the month's pay, and the
     * twelfth of those paid whole in their months (whose lines, in those months, are not in it).
     */
    private static BigDecimal proratedExtras(RunInputs.Mapped mapped, MonthlyPay.Result result) {
        Set<String> paidWhole = mapped.input().contract().extras().stream().map(MonthlyPay.ExtraPayment::concept)
                .collect(Collectors.toSet());
        BigDecimal extras = result.extrasTwelfth();
        for (MonthlyPay.Line line : result.lines()) {
            if (mapped.heading(line.concept()).filter(h -> h == Payslip.EarningKind.EXTRA_PAYMENT).isPresent()
                    && line.kind() == MonthlyPay.Kind.SALARY && !paidWhole.contains(line.concept())) {
                extras = extras.add(line.amount());
            }
        }
        return extras.setScale(2);
    }

    private static Withholding.Contract irpfContract(MonthlyPay.Contract contract) {
        return new Withholding.Contract(contract.start(), contract.end(), contract.relationship());
    }

    private static PayrollRun.Totals totals(List<RunEmployee> employees) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal gross = zero;
        BigDecimal employee = zero;
        BigDecimal withheld = zero;
        BigDecimal net = zero;
        BigDecimal employer = zero;
        BigDecimal cost = zero;
        for (RunEmployee e : employees) {
            gross = gross.add(e.gross());
            employee = employee.add(e.employeeContributions());
            withheld = withheld.add(e.withheld());
            net = net.add(e.net());
            employer = employer.add(e.employerContributions());
            cost = cost.add(e.employerCost());
        }
        return new PayrollRun.Totals(employees.size(), gross, employee, withheld, net, employer, cost);
    }

}
