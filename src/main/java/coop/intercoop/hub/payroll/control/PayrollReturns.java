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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.control.ReturnFigures.Paid;
import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.InvalidReturnException;
import coop.intercoop.hub.payroll.entity.Modelo111;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.WithholdingCertificate;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The returns and exports of the checked organisation's payroll, read from its approved and posted runs only (a draft
 * or calculated run is not pay yet): the month's summary, the employer's cost by month, work centre and project, modelo
 * 111, modelo 190 and the withholding certificates. The runs' rows are read with plain queries naming the organisation
 * (DESIGN rule 1); the employees' data for the returns through {@link Employees}. Every read is a read of pay, so it is
 * audited ({@value #READ}).
 */
@Dependent
public class PayrollReturns {

    /** The audit action of a read of the returns or exports (pay of the organisation's employees). */
    public static final String READ = "payroll-returns.read";
    static final String OBJECT = "payroll-returns";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Employees employees;

    @Inject
    Organisations organisations;

    @Inject
    PayrollTables tables;

    @Inject
    AuditTrail audit;

    /** The month's approved and posted runs with their employees. */
    public ReturnFigures.MonthSummary summary(YearMonth month) {
        audit.record(tenant.id(), READ, OBJECT, month.toString(), "summary");
        return ReturnFigures.summary(month, paid(month, month, Optional.empty()));
    }

    /**
     * The employer's cost of the months {@code from} to {@code to}.
     *
     * @throws InvalidReturnException
     *             when {@code from} is after {@code to}
     */
    public ReturnFigures.CostReport cost(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new InvalidReturnException("from", "returns.range.order", from, to);
        }
        audit.record(tenant.id(), READ, OBJECT, from + ".." + to, "cost");
        return ReturnFigures.cost(from, to, paid(from, to, Optional.empty()));
    }

    /**
     * The boxes of modelo 111 of a quarter ({@code 1T}-{@code 4T}) or a month ({@code 01}-{@code 12}) of the year, from
     * the runs of its months.
     *
     * @param earlierResults
     *            what earlier self-assessments of the same period paid (box 29), zero for the first
     *
     * @throws InvalidReturnException
     *             for a period that is none, or a perceptor without a valid NIF
     */
    public Modelo111 modelo111(int year, String period, BigDecimal earlierResults) {
        YearMonth[] months = months(year, period);
        List<Paid> paid = months == null ? List.of() : paid(months[0], months[1], Optional.empty());
        Modelo111 boxes = Modelo111.of(year, period, ReturnFigures.perceptions(paid, perceptors(paid, year)),
                earlierResults);
        audit.record(tenant.id(), READ, OBJECT, year + "-" + period, "modelo 111");
        return boxes;
    }

    /**
     * The year's modelo 190 file, the organisation its declarant.
     *
     * @throws InvalidReturnException
     *             every refusal of the declarant (its NIF, name, contact, number) and the perceptions together
     */
    public Modelo190File modelo190(int year, Declarant given) {
        var organisation = organisations.find(tenant.id());
        Declarant declarant = new Declarant(organisation.getTaxId(), organisation.getName(), given.contactPhone(),
                given.contactName(), given.contactEmail(), given.declarationId(), given.filing(), given.previousId());
        Refusals refusals = new Refusals();
        if (blank(given.contactName()) || blank(given.contactPhone())) {
            refusals.add(new InvalidReturnException(blank(given.contactName()) ? "contactName" : "contactPhone",
                    "returns.declarant.contact.missing"));
        }
        declarant.check(refusals);
        refusals.throwIfAny();
        List<Paid> paid = paid(YearMonth.of(year, 1), YearMonth.of(year, 12), Optional.empty());
        Modelo190File file = Modelo190File.write(tables.modelo190(year), declarant,
                ReturnFigures.perceptions(paid, perceptors(paid, year)));
        audit.record(tenant.id(), READ, OBJECT, String.valueOf(year), "modelo 190");
        return file;
    }

    /**
     * The employee's withholding certificate of the year, the organisation its payer; the read audited naming the
     * employee.
     *
     * @throws coop.intercoop.hub.platform.NotFoundException
     *             for an employee the organisation does not have
     * @throws InvalidReturnException
     *             when no approved run of the year pays the employee
     */
    public WithholdingCertificate certificate(long employeeId, int year, LocalDate issued) {
        employees.find(employeeId);
        List<Paid> paid = paid(YearMonth.of(year, 1), YearMonth.of(year, 12), Optional.of(employeeId));
        if (paid.isEmpty()) {
            throw new InvalidReturnException("employee", "returns.certificate.nothing", year);
        }
        var organisation = organisations.find(tenant.id());
        audit.record(tenant.id(), READ, Employees.OBJECT, String.valueOf(employeeId),
                "withholding certificate " + year);
        // the payer as a declarant: a certificate is no return, so it has no return's number (the check wants digits)
        Declarant payer = new Declarant(organisation.getTaxId(), organisation.getName(), null, null, null, "0",
                Declarant.Filing.FIRST, null);
        List<Perception> perceptions = ReturnFigures.perceptions(paid, perceptors(paid, year));
        return WithholdingCertificate.of(year, payer, perceptions, issued).get(0);
    }

    /**
     * The months of a period of modelo 111, first and last; null for a period that is none (refused by
     * {@link Modelo111#of}).
     */
    static YearMonth[] months(int year, String period) {
        if (period == null) {
            return null;
        }
        if (period.matches("[1-4]T")) {
            int quarter = period.charAt(0) - '0';
            return new YearMonth[] { YearMonth.of(year, quarter * 3 - 2), YearMonth.of(year, quarter * 3) };
        }
        if (period.matches("0[1-9]|1[0-2]")) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(period));
            return new YearMonth[] { month, month };
        }
        return null;
    }

    /**
     * The project each employee of a run was charged to when it was calculated, by employee id; an employee charged to
     * none is absent.
     */
    public Map<Long, String> projects(long runId) {
        Map<Long, String> projects = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT employee_id, project_code FROM payroll_run_employee"
                        + " WHERE org_id = ? AND run_id = ? AND project_code IS NOT NULL")) {
            s.setLong(1, tenant.id());
            s.setLong(2, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    projects.put(r.getLong(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The projects of payroll run " + runId + " could not be read", e);
        }
        return projects;
    }

    /** The perceptor of each employee paid, from the employee's data and contracts. */
    private Map<Long, ReturnFigures.Perceptor> perceptors(List<Paid> paid, int year) {
        Set<Long> shortContracts = shortContracts(year);
        Map<Long, ReturnFigures.Perceptor> perceptors = new LinkedHashMap<>();
        for (Paid p : paid) {
            perceptors.computeIfAbsent(p.employeeId(), id -> {
                Employee employee = employees.find(id);
                return ReturnFigures.perceptor(employee, year, shortContracts.contains(id));
            });
        }
        return perceptors;
    }

    /**
     * The employees with a contract in force in the year that lasts less than a year (RIRPF art. 86.2): one with a
     * known end before the day before its start's anniversary.
     */
    private Set<Long> shortContracts(int year) {
        Set<Long> employeeIds = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT employee_id FROM employment_contract"
                        + " WHERE org_id = ? AND end_date IS NOT NULL AND start_date <= ? AND end_date >= ?"
                        + " AND DATE_ADD(end_date, INTERVAL 1 DAY) < DATE_ADD(start_date, INTERVAL 1 YEAR)")) {
            s.setLong(1, tenant.id());
            s.setDate(2, Date.valueOf(LocalDate.of(year, 12, 31)));
            s.setDate(3, Date.valueOf(LocalDate.of(year, 1, 1)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    employeeIds.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The contracts of " + year + " could not be read", e);
        }
        return employeeIds;
    }

    /**
     * The employees' months of the approved and posted runs of the months {@code from} to {@code to}, with the
     * incapacity benefit each paid (its {@code sick-leave-*} earnings) and the accrual year of arrears of an earlier
     * year, by month, run and worker.
     */
    List<Paid> paid(YearMonth from, YearMonth to, Optional<Long> employee) {
        List<Paid> paid = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Map<RunEmployeeKey, Map<Integer, BigDecimal>> exempt = exempt(c, from, to, employee);
            try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.month, r.kind, r.state, e.employee_id,"
                    + " e.worker_name, e.nif, e.work_centre_ccc, e.project_code, e.gross_pay, e.compensation,"
                    + " e.benefit_advanced, (SELECT COALESCE(SUM(l.amount), 0) FROM payroll_run_line l"
                    + " WHERE l.org_id = e.org_id AND l.run_id = e.run_id AND l.employee_id = e.employee_id"
                    + " AND l.kind = 'NON_SALARY' AND l.concept LIKE 'sick-leave-%'), e.taxable,"
                    + " e.employee_contributions, e.withheld, e.advances, e.net, e.employer_contributions,"
                    + " e.employer_cost, CASE WHEN YEAR(r.arrears_from) < YEAR(r.month)"
                    + " THEN YEAR(r.arrears_from) END FROM payroll_run_employee e" + approvedRuns("e", employee)
                    + " ORDER BY r.month, r.id, e.worker_name, e.employee_id")) {
                bindRuns(s, from, to, employee);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        paid.add(new Paid(r.getLong(1), YearMonth.from(r.getDate(2).toLocalDate()), r.getString(3),
                                r.getString(4), r.getLong(5), r.getString(6), r.getString(7), r.getString(8),
                                Optional.ofNullable(r.getString(9)), r.getBigDecimal(10), r.getBigDecimal(11),
                                r.getBigDecimal(12), r.getBigDecimal(13).setScale(2), r.getBigDecimal(14),
                                r.getBigDecimal(15), r.getBigDecimal(16), r.getBigDecimal(17), r.getBigDecimal(18),
                                r.getBigDecimal(19), r.getBigDecimal(20),
                                Optional.ofNullable(r.getObject(21, Integer.class)),
                                exempt.getOrDefault(new RunEmployeeKey(r.getLong(1), r.getLong(5)), Map.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The payroll of " + from + " to " + to + " could not be read", e);
        }
        return paid;
    }

    private record RunEmployeeKey(long runId, long employeeId) {
    }

    /**
     * The pay not subject to withholding of each employee's month in the same runs as {@link #paid}, by key L subkey:
     * the sums of the earning lines that carry a subkey.
     */
    private Map<RunEmployeeKey, Map<Integer, BigDecimal>> exempt(Connection c, YearMonth from, YearMonth to,
            Optional<Long> employee) throws SQLException {
        Map<RunEmployeeKey, Map<Integer, BigDecimal>> exempt = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.run_id, l.employee_id, l.exempt_subkey, SUM(l.amount)"
                + " FROM payroll_run_line l" + approvedRuns("l", employee)
                + " AND l.exempt_subkey IS NOT NULL GROUP BY l.run_id, l.employee_id, l.exempt_subkey")) {
            bindRuns(s, from, to, employee);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    exempt.computeIfAbsent(new RunEmployeeKey(r.getLong(1), r.getLong(2)), k -> new HashMap<>())
                            .put(r.getInt(3), r.getBigDecimal(4));
                }
            }
        }
        return exempt;
    }

    /**
     * The rows of table {@code x} (keyed by organisation, run and employee) of the approved and posted runs of some
     * months, of one employee when given: the parameters {@link #bindRuns} binds.
     */
    private static String approvedRuns(String x, Optional<Long> employee) {
        return " JOIN payroll_run r ON r.org_id = " + x + ".org_id AND r.id = " + x + ".run_id WHERE " + x
                + ".org_id = ? AND r.state IN ('approved', 'posted') AND r.month >= ? AND r.month <= ?"
                + (employee.isPresent() ? " AND " + x + ".employee_id = ?" : "");
    }

    private void bindRuns(PreparedStatement s, YearMonth from, YearMonth to, Optional<Long> employee)
            throws SQLException {
        s.setLong(1, tenant.id());
        s.setDate(2, Date.valueOf(from.atDay(1)));
        s.setDate(3, Date.valueOf(to.atDay(1)));
        if (employee.isPresent()) {
            s.setLong(4, employee.get());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
