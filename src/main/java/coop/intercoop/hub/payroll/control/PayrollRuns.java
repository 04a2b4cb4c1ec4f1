package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.NoRuleInForceException;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.RunStateException;
import coop.intercoop.hub.payroll.entity.Source;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.jobs.JobRunner;
import coop.intercoop.hub.platform.jobs.Progress;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * The organisation's payroll runs: started as a job ({@value PayrollRunJob#KIND}), approved, posted through the ledger,
 * and read back employee by employee and line by line, or as payslips. An employee's rows and lines are written with
 * JDBC batches and read with plain queries, each naming the organisation (DESIGN rules 1 and 7); the run itself is a
 * tenant-scoped entity. Reading a run's employees is reading personal data: it is audited ({@value #READ}).
 */
@Dependent
public class PayrollRuns {

    /** The audit action of a read of a run's employees (their pay), as a breakdown or as payslips. */
    public static final String READ = "payroll-run.read";
    static final String OBJECT = "payroll-run";
    static final String BUNDLE = "coop.intercoop.hub.payroll.refusals";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** The most employees a refused approval names; it counts them all. */
    private static final int STALE_NAMED = 5;
    /** Between the stored arguments of a warning: the unit separator, which no argument the hub makes contains. */
    private static final String ARGUMENTS = "\u001f";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    JobRunner jobs;

    @Inject
    PayrollTables tables;

    @Inject
    Accounts accounts;

    @Inject
    Ledger ledger;

    @Inject
    WorkCentres workCentres;

    @Inject
    Organisations organisations;

    @Inject
    AuditTrail audit;

    /** The calculation, looked up when a run is approved (it reads the year so far through this control). */
    @Inject
    Instance<PayrollRunCalculation> calculation;

    @Inject
    PayrollReturns returns;

    /**
     * A stored line of an employee's month; a complementary run's line says the month it was earned in. An earning not
     * subject to withholding carries the key L subkey modelo 190 declares it under.
     */
    public record RunLine(MonthlyPay.Kind kind, String concept, Optional<Payslip.EarningKind> heading,
            Optional<Integer> exemptSubkey, Optional<BigDecimal> base, Optional<BigDecimal> rate,
            Optional<BigDecimal> units, BigDecimal amount, Source source, Optional<YearMonth> accrued,
            Optional<Previous> previous) {

        /** A line of the run's own month, subject to withholding if an earning. */
        public RunLine(MonthlyPay.Kind kind, String concept, Optional<Payslip.EarningKind> heading,
                Optional<BigDecimal> base, Optional<BigDecimal> rate, Optional<BigDecimal> units, BigDecimal amount,
                Source source) {
            this(kind, concept, heading, Optional.empty(), base, rate, units, amount, source, Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * Something the organisation should know about an employee's month that does not stop it being paid (overtime above
     * the year's limit, {@link OvertimeWarnings}): a sentence of the payroll texts by {@code key}, with its arguments,
     * rendered in the reader's language ({@link #message}).
     */
    public record Warning(String key, List<String> arguments) {

        public Warning {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A warning in a language; an argument that is a number (hours) is formatted as the language writes numbers.
     */
    public static String message(Warning warning, Locale language) {
        return HubTexts.format(BUNDLE, language, warning.key(), warning.arguments().stream()
                .map(a -> a.matches("-?\\d+(\\.\\d+)?") ? (Object) new BigDecimal(a) : a).toArray());
    }

    /**
     * The line as it was paid before a complementary run's difference: base, rate, amount and source (the line's own
     * base, rate and source are those due now, its amount the difference).
     */
    public record Previous(Optional<BigDecimal> base, Optional<BigDecimal> rate, BigDecimal amount, Source source) {
    }

    /**
     * The IRPF forecast of an employee's month (RIRPF art. 83.2), the rate, why it is that rate (art. 87) and the
     * fingerprint of the personal data it was computed on.
     */
    public record Irpf(Optional<BigDecimal> expectedPay, Optional<BigDecimal> expectedContributions, BigDecimal rate,
            Withholding.Reason reason, Optional<String> personalData) {

        /** The forecast to hold next month, if it has one. */
        Optional<Withholding.Held> held() {
            if (expectedPay.isEmpty() || expectedContributions.isEmpty() || personalData.isEmpty()) {
                return Optional.empty();
            }
            return Optional
                    .of(new Withholding.Held(new Withholding.Forecast(expectedPay.get(), expectedContributions.get()),
                            rate, personalData.get()));
        }
    }

    /**
     * What a complementary run pays an employee for one month earned: the differences of earnings and taxable pay, the
     * bases as paid and the differences of the bases, and the complementary contributions of that month.
     */
    public record Accrual(YearMonth month, BigDecimal gross, BigDecimal taxable, BigDecimal previousCommonBase,
            BigDecimal commonBase, BigDecimal previousProfessionalBase, BigDecimal professionalBase,
            BigDecimal employeeContributions, BigDecimal employerContributions) {
    }

    /**
     * An employee paid in a run: who, under which contract and work centre, the period paid, the month's figures and
     * its lines; the IRPF forecast and rate of the month; for a complementary run, the months it pays. The prorated
     * extras are the share of the extra payments in the month's common base, which the payslip prints; none in a
     * complementary run and in the rows stored before V29, whose payslips sum their extra payments' lines.
     */
    public record RunEmployee(long employeeId, long contractId, long workCentreId, String workCentreCcc,
            String workerName, String nif, String naf, String category, int contributionGroup, LocalDate periodFrom,
            LocalDate periodTo, int days, BigDecimal grossPay, BigDecimal compensation, BigDecimal benefitAdvanced,
            BigDecimal taxable, BigDecimal employeeContributions, BigDecimal withheld, BigDecimal advances,
            BigDecimal net, BigDecimal employerContributions, BigDecimal employerCost, BigDecimal commonBase,
            BigDecimal professionalBase, List<RunLine> lines, Optional<Irpf> irpf, List<Accrual> accruals,
            List<Warning> warnings, Optional<BigDecimal> proratedExtras) {

        public RunEmployee {
            lines = List.copyOf(lines);
            accruals = List.copyOf(accruals);
            warnings = List.copyOf(warnings);
        }

        public BigDecimal gross() {
            return grossPay.add(compensation).add(benefitAdvanced);
        }

        /** What the posting charges to the employee's work centre and project. */
        PayrollPosting.Cost cost(Optional<String> project) {
            return new PayrollPosting.Cost(Optional.of(workCentreCcc), project, grossPay, compensation,
                    employerContributions, benefitAdvanced, employeeContributions, withheld, advances, net);
        }
    }

    public List<PayrollRun> all() {
        return em.createNamedQuery(PayrollRun.ALL, PayrollRun.class).getResultList();
    }

    public PayrollRun find(long id) {
        PayrollRun run = em.find(PayrollRun.class, id);
        if (run == null) {
            throw new NotFoundException("payroll-run", id);
        }
        return run;
    }

    /** The run a job calculates, in the job's organisation. */
    public PayrollRun ofJob(long job) {
        return em.createNamedQuery(PayrollRun.BY_JOB, PayrollRun.class).setParameter("job", job).getResultList()
                .stream().findFirst().orElseThrow(() -> new NotFoundException("payroll-run", "job " + job));
    }

    /**
     * Starts the regular run of a month: a draft, and the job that calculates it, acting as {@code userId}.
     *
     * @throws RunStateException
     *             when the month has its regular run already
     */
    public PayrollRun start(YearMonth month, String language, long userId) {
        Optional<PayrollRun> regular = em.createNamedQuery(PayrollRun.REGULAR_OF_MONTH, PayrollRun.class)
                .setParameter("month", month.atDay(1)).getResultList().stream().findFirst();
        if (regular.isPresent()) {
            // the unique key is the backstop for two requests at once
            throw new RunStateException("run.month.taken", month.toString(), String.valueOf(regular.get().getId()));
        }
        long job = jobs.submit(PayrollRunJob.KIND, tenant.id(), userId);
        PayrollRun run = PayrollRun.regular(month, job, language);
        em.persist(run);
        em.flush();
        audit.record(tenant.id(), "payroll-run.started", OBJECT, String.valueOf(run.getId()), month.toString());
        return run;
    }

    /**
     * Starts a complementary run paid in {@code month}: a draft that recalculates the months {@code from} to {@code to}
     * under the rules and data now in force and pays the differences, and the job that calculates it. Many per month.
     * The range defaults as the API and the portal take it: {@code from} to the month paid, {@code to} to {@code from}.
     *
     * @throws RunStateException
     *             naming the first month of the range whose regular run is not approved, or a complementary run of
     *             months of the range not yet approved
     * @throws coop.intercoop.hub.payroll.entity.RunDataException
     *             when the range is reversed, ends after the month paid or starts in an earlier year
     */
    public PayrollRun startComplementary(YearMonth month, Optional<YearMonth> first, Optional<YearMonth> last,
            String language, long userId) {
        YearMonth from = first.orElse(month);
        YearMonth to = last.orElse(from);
        PayrollRun.complementary(month, from, to, 0, language); // the range's refusals before anything is written
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Optional<PayrollRun> regular = em.createNamedQuery(PayrollRun.REGULAR_OF_MONTH, PayrollRun.class)
                    .setParameter("month", m.atDay(1)).getResultList().stream().findFirst();
            if (regular.map(r -> r.getState() != PayrollRun.State.APPROVED && r.getState() != PayrollRun.State.POSTED)
                    .orElse(true)) {
                throw new RunStateException("run.range.unapproved", m.toString());
            }
        }
        // two complementary runs calculated against the same payments would pay the same differences twice
        Optional<PayrollRun> pending = em.createNamedQuery(PayrollRun.PENDING_COMPLEMENTARY, PayrollRun.class)
                .setParameter("from", from.atDay(1)).setParameter("to", to.atDay(1)).getResultList().stream()
                .findFirst();
        if (pending.isPresent()) {
            throw new RunStateException("run.range.pending", String.valueOf(pending.get().getId()),
                    pending.get().getArrearsFrom().orElseThrow().toString(),
                    pending.get().getArrearsTo().orElseThrow().toString());
        }
        long job = jobs.submit(PayrollRunJob.KIND, tenant.id(), userId);
        PayrollRun run = PayrollRun.complementary(month, from, to, job, language);
        em.persist(run);
        em.flush();
        audit.record(tenant.id(), "payroll-run.started", OBJECT, String.valueOf(run.getId()),
                month + " complementary " + from + ".." + to);
        return run;
    }

    /** Calculates a run again, its lines replaced when the job ends. */
    public PayrollRun recalculate(long id, int expectedVersion, long userId) {
        PayrollRun run = current(id, expectedVersion);
        run.recalculate(jobs.submit(PayrollRunJob.KIND, tenant.id(), userId));
        em.flush();
        audit.record(tenant.id(), "payroll-run.recalculated", OBJECT, String.valueOf(id), null);
        return run;
    }

    /**
     * Deletes a draft or calculated run with its employees, lines, accruals and warnings: a regular run started by
     * mistake, or a complementary run that cannot be calculated, which would otherwise block the later complementary
     * runs of its months.
     *
     * @throws RunStateException
     *             when the run is being calculated, approved or posted
     */
    public void delete(long id) {
        PayrollRun run = find(id);
        run.requireDeletable();
        try (Connection c = dataSource.getConnection()) {
            deleteResults(c, tenant.id(), id);
        } catch (SQLException e) {
            throw new IllegalStateException("The results of payroll run " + id + " could not be deleted", e);
        }
        em.remove(run);
        em.flush();
        audit.record(tenant.id(), "payroll-run.deleted", OBJECT, String.valueOf(id),
                run.getKind().code() + " " + run.getMonth());
    }

    /**
     * Approves a calculated run, once it is still what the calculation gives now: between the calculation and the
     * approval an employee's salary may have been put right, an item of the month added or the rules corrected, and an
     * approved run is final (corrections are a complementary run). The run is calculated again in memory and compared
     * with what was stored, employee by employee ({@link RunFigures}).
     *
     * @throws RunStateException
     *             unless the run is calculated, when an employee's month differs, naming the employees, or when the
     *             rules in force in its month cannot be read
     */
    public PayrollRun approve(long id, int expectedVersion) {
        PayrollRun run = current(id, expectedVersion);
        run.requireCalculated();
        List<RunEmployee> now;
        try {
            now = calculation.get().results(run, new Progress());
        } catch (NoRuleInForceException | PayrollRulesFileException rules) {
            // as the job says it: the rules the run is compared against are not there to read
            throw new RunStateException(PayrollRunCalculation.RULES, run.getMonth().toString());
        }
        List<String> changed = RunFigures.changed(employees(run), now);
        if (!changed.isEmpty()) {
            throw new RunStateException("run.approve.stale", String.valueOf(id), run.getMonth().toString(),
                    String.join(", ", changed.subList(0, Math.min(STALE_NAMED, changed.size()))), changed.size());
        }
        run.approve();
        em.flush();
        audit.record(tenant.id(), "payroll-run.approved", OBJECT, String.valueOf(id), null);
        return run;
    }

    /**
     * Posts an approved run's entry through the ledger, in the accounts of the organisation's chart, on the month's
     * last day; the ledger's refusals (a closed year, a locked date, an account the chart lacks) are the caller's.
     */
    public PayrollRun post(long id, int expectedVersion) {
        PayrollRun run = current(id, expectedVersion);
        run.requirePostable();
        String chart = accounts.chart().map(ChartOfAccounts::getTemplate)
                .orElseThrow(() -> new RunStateException("run.post.chart"));
        var postingAccounts = tables.postingAccounts().of(chart)
                .orElseThrow(() -> new RunStateException("run.post.chart.unmapped", chart));
        Map<Long, String> projects = returns.projects(id);
        List<PayrollPosting.Cost> costs = employees(run).stream()
                .map(e -> e.cost(Optional.ofNullable(projects.get(e.employeeId())))).toList();
        LocalDate date = run.getMonth().atEndOfMonth();
        Ledger.Posted posted = ledger.post(
                PayrollPosting.entry(postingAccounts, date,
                        "Nómina " + run.getMonth() + " (" + run.getKind().code() + ")", "payroll-run-" + id, costs),
                Ledger.SoftLockOverride.NONE);
        run.posted(posted.id());
        em.flush();
        audit.record(tenant.id(), "payroll-run.posted", OBJECT, String.valueOf(id), "entry " + posted.id());
        return run;
    }

    private PayrollRun current(long id, int expectedVersion) {
        PayrollRun run = find(id);
        if (run.getVersion() != expectedVersion) {
            throw new OptimisticLockException(run);
        }
        return run;
    }

    /** The run's employees and lines, the read audited. */
    public List<RunEmployee> read(long id) {
        PayrollRun run = find(id);
        audit.record(tenant.id(), READ, OBJECT, String.valueOf(id), null);
        return employees(run);
    }

    /**
     * The payslips of a run, or of one employee of it, filled from the stored lines; the read audited.
     *
     * @throws NotFoundException
     *             for an employee the run does not pay
     */
    public List<Payslip> payslips(long id, Optional<Long> employee) {
        PayrollRun run = find(id);
        List<RunEmployee> paid = employees(run).stream()
                .filter(e -> employee.map(one -> one == e.employeeId()).orElse(true)).toList();
        if (employee.isPresent() && paid.isEmpty()) {
            throw new NotFoundException("employee", employee.get());
        }
        audit.record(tenant.id(), READ, OBJECT, String.valueOf(id),
                employee.map(one -> "payslip of employee " + one).orElse("payslips"));
        var organisation = organisations.find(tenant.id());
        Map<Long, WorkCentre> centres = new LinkedHashMap<>();
        return paid.stream().map(e -> RunPayslips.of(organisation.getName(), organisation.getTaxId(),
                centres.computeIfAbsent(e.workCentreId(), workCentres::find), run.getMonth(), e)).toList();
    }

    /** The employees of a run with their lines and accruals, in the organisation checked. */
    List<RunEmployee> employees(PayrollRun run) {
        long org = tenant.id();
        Map<Long, List<RunLine>> lines = new LinkedHashMap<>();
        Map<Long, List<Accrual>> accruals = new LinkedHashMap<>();
        Map<Long, List<Warning>> warnings = new LinkedHashMap<>();
        List<RunEmployee> employees = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT employee_id, kind, concept, heading, base, rate,"
                    + " units, amount, source, source_status, accrued, previous_base, previous_rate, previous_amount,"
                    + " previous_source, previous_source_status, exempt_subkey FROM payroll_run_line"
                    + " WHERE org_id = ? AND run_id = ? ORDER BY employee_id, position")) {
                s.setLong(1, org);
                s.setLong(2, run.getId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Optional<Previous> previous = Optional.ofNullable(r.getString(15))
                                .map(source -> new Previous(Optional.ofNullable(decimal(r, 12)),
                                        Optional.ofNullable(decimal(r, 13)), decimal(r, 14),
                                        new Source(source, Source.Status.parse(text(r, 16), "payroll_run_line"))));
                        lines.computeIfAbsent(r.getLong(1), e -> new ArrayList<>())
                                .add(new RunLine(MonthlyPay.Kind.valueOf(r.getString(2)), r.getString(3),
                                        Optional.ofNullable(r.getString(4)).map(Payslip.EarningKind::valueOf),
                                        Optional.ofNullable(r.getObject(17, Integer.class)),
                                        Optional.ofNullable(r.getBigDecimal(5)),
                                        Optional.ofNullable(r.getBigDecimal(6)),
                                        Optional.ofNullable(r.getBigDecimal(7)), r.getBigDecimal(8),
                                        new Source(r.getString(9),
                                                Source.Status.parse(r.getString(10), "payroll_run_line")),
                                        Optional.ofNullable(r.getDate(11)).map(d -> YearMonth.from(d.toLocalDate())),
                                        previous));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT employee_id, month, gross, taxable,"
                    + " previous_common_base, common_base, previous_professional_base, professional_base,"
                    + " employee_contributions, employer_contributions FROM payroll_run_accrual"
                    + " WHERE org_id = ? AND run_id = ? ORDER BY employee_id, month")) {
                s.setLong(1, org);
                s.setLong(2, run.getId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        accruals.computeIfAbsent(r.getLong(1), e -> new ArrayList<>())
                                .add(new Accrual(YearMonth.from(r.getDate(2).toLocalDate()), r.getBigDecimal(3),
                                        r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7),
                                        r.getBigDecimal(8), r.getBigDecimal(9), r.getBigDecimal(10)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT employee_id, warning_key, arguments"
                    + " FROM payroll_run_warning WHERE org_id = ? AND run_id = ? ORDER BY employee_id, position")) {
                s.setLong(1, org);
                s.setLong(2, run.getId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String arguments = r.getString(3);
                        warnings.computeIfAbsent(r.getLong(1), e -> new ArrayList<>()).add(new Warning(r.getString(2),
                                arguments.isEmpty() ? List.of() : List.of(arguments.split(ARGUMENTS, -1))));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT employee_id, contract_id, work_centre_id,"
                    + " work_centre_ccc, worker_name, nif, naf, category, contribution_group, period_from, period_to,"
                    + " days, gross_pay, compensation, benefit_advanced, taxable, employee_contributions, withheld,"
                    + " advances, net, employer_contributions, employer_cost, common_base, professional_base,"
                    + " expected_pay, expected_contributions, irpf_rate, irpf_reason, personal_data, prorated_extras"
                    + " FROM payroll_run_employee WHERE org_id = ? AND run_id = ? ORDER BY worker_name, employee_id")) {
                s.setLong(1, org);
                s.setLong(2, run.getId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Optional<Irpf> irpf = Optional.ofNullable(r.getString(28))
                                .map(reason -> new Irpf(Optional.ofNullable(decimal(r, 25)),
                                        Optional.ofNullable(decimal(r, 26)), decimal(r, 27),
                                        Withholding.Reason.of(reason), Optional.ofNullable(text(r, 29))));
                        employees.add(new RunEmployee(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getInt(9),
                                r.getDate(10).toLocalDate(), r.getDate(11).toLocalDate(), r.getInt(12),
                                r.getBigDecimal(13), r.getBigDecimal(14), r.getBigDecimal(15), r.getBigDecimal(16),
                                r.getBigDecimal(17), r.getBigDecimal(18), r.getBigDecimal(19), r.getBigDecimal(20),
                                r.getBigDecimal(21), r.getBigDecimal(22), r.getBigDecimal(23), r.getBigDecimal(24),
                                lines.getOrDefault(r.getLong(1), List.of()), irpf,
                                accruals.getOrDefault(r.getLong(1), List.of()),
                                warnings.getOrDefault(r.getLong(1), List.of()), Optional.ofNullable(decimal(r, 30))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The employees of payroll run " + run.getId() + " could not be read", e);
        }
        return employees;
    }

    /**
     * RIRPF art. 87: each employee's forecast, rate and personal data of their last regular month this year before
     * {@code month}, in the approved and posted runs, to be held unless they change.
     */
    Map<Long, Withholding.Held> held(YearMonth month) {
        Map<Long, Withholding.Held> held = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT e.employee_id, e.expected_pay,"
                        + " e.expected_contributions, e.irpf_rate, e.personal_data FROM payroll_run_employee e"
                        + " JOIN payroll_run r ON r.org_id = e.org_id AND r.id = e.run_id"
                        + " WHERE e.org_id = ? AND r.kind = 'regular' AND r.state IN ('approved', 'posted')"
                        + " AND r.month >= ? AND r.month < ? AND e.expected_pay IS NOT NULL" + " ORDER BY r.month")) {
            s.setLong(1, tenant.id());
            s.setDate(2, Date.valueOf(LocalDate.of(month.getYear(), 1, 1)));
            s.setDate(3, Date.valueOf(month.atDay(1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    // in month order: the last month's replaces the earlier ones
                    held.put(r.getLong(1),
                            new Withholding.Held(new Withholding.Forecast(r.getBigDecimal(2), r.getBigDecimal(3)),
                                    r.getBigDecimal(4), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The IRPF forecasts before " + month + " could not be read", e);
        }
        return held;
    }

    /**
     * The rate of each employee's latest regular month this year up to {@code month}, approved or posted: the rate the
     * arrears paid in {@code month} are withheld at.
     */
    Map<Long, BigDecimal> rates(YearMonth month) {
        Map<Long, BigDecimal> rates = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT e.employee_id, e.irpf_rate FROM payroll_run_employee e"
                        + " JOIN payroll_run r ON r.org_id = e.org_id AND r.id = e.run_id"
                        + " WHERE e.org_id = ? AND r.kind = 'regular' AND r.state IN ('approved', 'posted')"
                        + " AND r.month >= ? AND r.month <= ? AND e.irpf_rate IS NOT NULL ORDER BY r.month")) {
            s.setLong(1, tenant.id());
            s.setDate(2, Date.valueOf(LocalDate.of(month.getYear(), 1, 1)));
            s.setDate(3, Date.valueOf(month.atDay(1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rates.put(r.getLong(1), r.getBigDecimal(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The IRPF rates of " + month + " could not be read", e);
        }
        return rates;
    }

    /**
     * What each employee was paid for {@code month} by the approved and posted runs: the regular run's figures and
     * lines, plus the differences complementary runs paid for that month (their lines accrued in it, their accruals).
     */
    Map<Long, MonthlyPay.Paid> paid(YearMonth month) {
        long org = tenant.id();
        Date first = Date.valueOf(month.atDay(1));
        Map<Long, List<MonthlyPay.Line>> lines = new LinkedHashMap<>();
        Map<Long, BigDecimal[]> figures = new LinkedHashMap<>();
        String approved = " JOIN payroll_run r ON r.org_id = x.org_id AND r.id = x.run_id"
                + " WHERE x.org_id = ? AND r.state IN ('approved', 'posted')";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT x.employee_id, x.kind, x.concept, x.base, x.rate,"
                    + " x.units, x.amount, x.source, x.source_status FROM payroll_run_line x" + approved
                    + " AND ((r.kind = 'regular' AND r.month = ? AND x.accrued IS NULL) OR x.accrued = ?)"
                    + " ORDER BY x.employee_id, r.id, x.position")) {
                s.setLong(1, org);
                s.setDate(2, first);
                s.setDate(3, first);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.computeIfAbsent(r.getLong(1), e -> new ArrayList<>()).add(new MonthlyPay.Line(
                                MonthlyPay.Kind.valueOf(r.getString(2)), r.getString(3),
                                Optional.ofNullable(r.getBigDecimal(4)), Optional.ofNullable(r.getBigDecimal(5)),
                                Optional.ofNullable(r.getBigDecimal(6)), r.getBigDecimal(7),
                                new Source(r.getString(8), Source.Status.parse(r.getString(9), "payroll_run_line"))));
                    }
                }
            }
            // gross, taxable, common base, professional base, employee and employer contributions
            for (String sql : List.of(
                    "SELECT x.employee_id, x.gross_pay + x.compensation + x.benefit_advanced, x.taxable, x.common_base,"
                            + " x.professional_base, x.employee_contributions, x.employer_contributions"
                            + " FROM payroll_run_employee x" + approved + " AND r.kind = 'regular' AND r.month = ?",
                    "SELECT x.employee_id, x.gross, x.taxable, x.common_base - x.previous_common_base,"
                            + " x.professional_base - x.previous_professional_base, x.employee_contributions,"
                            + " x.employer_contributions FROM payroll_run_accrual x" + approved + " AND x.month = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, org);
                    s.setDate(2, first);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            BigDecimal[] sums = figures.computeIfAbsent(r.getLong(1),
                                    e -> new BigDecimal[] { ZERO, ZERO, ZERO, ZERO, ZERO, ZERO });
                            for (int i = 0; i < sums.length; i++) {
                                sums[i] = sums[i].add(r.getBigDecimal(i + 2));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("What was paid for " + month + " could not be read", e);
        }
        Map<Long, MonthlyPay.Paid> paid = new LinkedHashMap<>();
        figures.forEach((employee, f) -> paid.put(employee, new MonthlyPay.Paid(month, f[0], f[1], f[2], f[3], f[4],
                f[5], lines.getOrDefault(employee, List.of()))));
        return paid;
    }

    private static BigDecimal decimal(ResultSet r, int column) {
        try {
            return r.getBigDecimal(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The year so far of each employee before {@code month} (RIRPF art. 87.3): the pay subject to withholding, the
     * employee's contributions and the amount withheld in the approved and posted runs of the year's earlier months,
     * and in the complementary runs already approved in this month (arrears paid and withheld before the month's pay).
     * Complementary runs paying arrears of an earlier year are left out: that pay is income of its own year and is left
     * out of the base of this year's rate (RIRPF art. 83.2.1.ª), and its withholding is imputed to the year of the
     * income (art. 79).
     */
    Map<Long, MonthlyPay.SoFar> yearSoFar(YearMonth month) {
        Map<Long, MonthlyPay.SoFar> soFar = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT e.employee_id, SUM(e.taxable),"
                        + " SUM(e.employee_contributions), SUM(e.withheld) FROM payroll_run_employee e"
                        + " JOIN payroll_run r ON r.org_id = e.org_id AND r.id = e.run_id"
                        + " WHERE e.org_id = ? AND r.state IN ('approved', 'posted') AND r.month >= ?"
                        + " AND (r.month < ? OR (r.kind = 'complementary' AND r.month = ?))"
                        + " AND (r.kind = 'regular' OR r.arrears_from >= ?) GROUP BY e.employee_id")) {
            Date january = Date.valueOf(LocalDate.of(month.getYear(), 1, 1));
            s.setLong(1, tenant.id());
            s.setDate(2, january);
            s.setDate(3, Date.valueOf(month.atDay(1)));
            s.setDate(4, Date.valueOf(month.atDay(1)));
            s.setDate(5, january);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    soFar.put(r.getLong(1), new MonthlyPay.SoFar(r.getBigDecimal(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), Optional.empty(), Optional.empty()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The year so far before " + month + " could not be read", e);
        }
        return soFar;
    }

    /** Deletes what a calculation of the run stored, in the caller's transaction. */
    private static void deleteResults(Connection c, long org, long run) throws SQLException {
        for (String table : List.of("payroll_run_warning", "payroll_run_accrual", "payroll_run_line",
                "payroll_run_employee")) {
            try (PreparedStatement s = c
                    .prepareStatement("DELETE FROM " + table + " WHERE org_id = ? AND run_id = ?")) {
                s.setLong(1, org);
                s.setLong(2, run);
                s.executeUpdate();
            }
        }
    }

    /**
     * Stores a run's employees and lines in the caller's transaction, replacing those of an earlier calculation, with
     * JDBC batches naming the organisation. The rows go in their keys' order (by employee id, then position), so that
     * InnoDB appends to the tables' clustered indexes rather than splitting their pages, in bulk commands
     * ({@link Jdbc.Batch}).
     */
    void replace(PayrollRun run, List<RunEmployee> calculated) {
        long org = tenant.id();
        List<RunEmployee> employees = calculated.stream().sorted(Comparator.comparingLong(RunEmployee::employeeId))
                .toList();
        try (Connection c = dataSource.getConnection()) {
            deleteResults(c, org, run.getId());
            try (Jdbc.Batch s = Jdbc.Batch.of(c, "INSERT INTO payroll_run_employee (org_id, run_id,"
                    + " employee_id, contract_id, work_centre_id, work_centre_ccc, worker_name, nif, naf, category,"
                    + " contribution_group, period_from, period_to, days, gross_pay, compensation, benefit_advanced,"
                    + " taxable, employee_contributions, withheld, advances, net, employer_contributions,"
                    + " employer_cost, common_base, professional_base, expected_pay, expected_contributions, irpf_rate,"
                    + " irpf_reason, personal_data, prorated_extras) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RunEmployee e : employees) {
                    int i = 0;
                    s.setLong(++i, org);
                    s.setLong(++i, run.getId());
                    s.setLong(++i, e.employeeId());
                    s.setLong(++i, e.contractId());
                    s.setLong(++i, e.workCentreId());
                    s.setString(++i, e.workCentreCcc());
                    s.setString(++i, e.workerName());
                    s.setString(++i, e.nif());
                    s.setString(++i, e.naf());
                    s.setString(++i, e.category());
                    s.setInt(++i, e.contributionGroup());
                    s.setObject(++i, e.periodFrom());
                    s.setObject(++i, e.periodTo());
                    s.setInt(++i, e.days());
                    for (BigDecimal amount : List.of(e.grossPay(), e.compensation(), e.benefitAdvanced(), e.taxable(),
                            e.employeeContributions(), e.withheld(), e.advances(), e.net(), e.employerContributions(),
                            e.employerCost(), e.commonBase(), e.professionalBase())) {
                        s.setBigDecimal(++i, amount);
                    }
                    Optional<Irpf> irpf = e.irpf();
                    s.setBigDecimal(++i, irpf.flatMap(Irpf::expectedPay).orElse(null));
                    s.setBigDecimal(++i, irpf.flatMap(Irpf::expectedContributions).orElse(null));
                    s.setBigDecimal(++i, irpf.map(Irpf::rate).orElse(null));
                    s.setString(++i, irpf.map(t -> t.reason().code()).orElse(null));
                    s.setString(++i, irpf.flatMap(Irpf::personalData).orElse(null));
                    s.setBigDecimal(++i, e.proratedExtras().orElse(null));
                    s.add();
                }
                s.send();
            }
            try (Jdbc.Batch s = Jdbc.Batch.of(c, "INSERT INTO payroll_run_line (org_id, run_id, employee_id,"
                    + " position, kind, concept, heading, base, rate, units, amount, source, source_status, accrued,"
                    + " previous_base, previous_rate, previous_amount, previous_source, previous_source_status,"
                    + " exempt_subkey) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RunEmployee e : employees) {
                    int position = 0;
                    for (RunLine line : e.lines()) {
                        s.setLong(1, org);
                        s.setLong(2, run.getId());
                        s.setLong(3, e.employeeId());
                        s.setInt(4, ++position);
                        s.setString(5, line.kind().name());
                        s.setString(6, line.concept());
                        s.setString(7, line.heading().map(Enum::name).orElse(null));
                        s.setBigDecimal(8, line.base().orElse(null));
                        s.setBigDecimal(9, line.rate().orElse(null));
                        s.setBigDecimal(10, line.units().orElse(null));
                        s.setBigDecimal(11, line.amount());
                        s.setString(12, line.source().citation());
                        s.setString(13, line.source().status().code());
                        s.setObject(14, line.accrued().map(m -> m.atDay(1)).orElse(null));
                        Optional<Previous> previous = line.previous();
                        s.setBigDecimal(15, previous.flatMap(Previous::base).orElse(null));
                        s.setBigDecimal(16, previous.flatMap(Previous::rate).orElse(null));
                        s.setBigDecimal(17, previous.map(Previous::amount).orElse(null));
                        s.setString(18, previous.map(p -> p.source().citation()).orElse(null));
                        s.setString(19, previous.map(p -> p.source().status().code()).orElse(null));
                        s.setObject(20, line.exemptSubkey().orElse(null));
                        s.add();
                    }
                }
                s.send();
            }
            try (Jdbc.Batch s = Jdbc.Batch.of(c, "INSERT INTO payroll_run_accrual (org_id, run_id,"
                    + " employee_id, month, gross, taxable, previous_common_base, common_base,"
                    + " previous_professional_base, professional_base, employee_contributions, employer_contributions)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RunEmployee e : employees) {
                    for (Accrual a : e.accruals()) {
                        int i = 0;
                        s.setLong(++i, org);
                        s.setLong(++i, run.getId());
                        s.setLong(++i, e.employeeId());
                        s.setObject(++i, a.month().atDay(1));
                        for (BigDecimal amount : List.of(a.gross(), a.taxable(), a.previousCommonBase(), a.commonBase(),
                                a.previousProfessionalBase(), a.professionalBase(), a.employeeContributions(),
                                a.employerContributions())) {
                            s.setBigDecimal(++i, amount);
                        }
                        s.add();
                    }
                }
                s.send();
            }
            try (Jdbc.Batch s = Jdbc.Batch.of(c, "INSERT INTO payroll_run_warning (org_id, run_id, employee_id,"
                    + " position, warning_key, arguments) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (RunEmployee e : employees) {
                    int position = 0;
                    for (Warning w : e.warnings()) {
                        s.setLong(1, org);
                        s.setLong(2, run.getId());
                        s.setLong(3, e.employeeId());
                        s.setInt(4, ++position);
                        s.setString(5, w.key());
                        s.setString(6, String.join(ARGUMENTS, w.arguments()));
                        s.add();
                    }
                }
                s.send();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The employees of payroll run " + run.getId() + " could not be stored", e);
        }
    }

    /**
     * Ends the draft a job was calculating as failed, with the sentence {@code key} in the run's language; outside any
     * request (the runner gives up a job on its own thread), so by the job's organisation and id, as the runner gives
     * them.
     */
    void failJob(long org, long job, String key, Object... arguments) {
        failJob(org, job, language -> HubTexts.format(BUNDLE, language, key, arguments));
    }

    /** Ends the draft a job was calculating with a refusal in the run's language. */
    void failJob(long org, long job, HubException refusal) {
        failJob(org, job, refusal::message);
    }

    private void failJob(long org, long job, java.util.function.Function<Locale, String> outcome) {
        try (Connection c = dataSource.getConnection()) {
            String language;
            try (PreparedStatement s = c
                    .prepareStatement("SELECT language FROM payroll_run WHERE org_id = ? AND job_id = ?")) {
                s.setLong(1, org);
                s.setLong(2, job);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    language = r.getString(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE payroll_run SET outcome = ?, version = version + 1"
                    + " WHERE org_id = ? AND job_id = ? AND state = 'draft'")) {
                s.setString(1, outcome.apply(Locale.forLanguageTag(language)));
                s.setLong(2, org);
                s.setLong(3, job);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The payroll run of job " + job + " could not be ended", e);
        }
    }

}
