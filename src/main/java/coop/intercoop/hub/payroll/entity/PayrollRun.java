package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A monthly payroll run of the organisation: draft while its job calculates it, calculated when every employee's month
 * is stored (calculated again on request, replacing its lines), approved (from then on a record the database keeps
 * unchanged), posted once its journal entry is in the books. Tenant-scoped like every payroll record.
 */
@Entity
@Table(name = "payroll_run")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = PayrollRun.ALL, query = "SELECT r FROM PayrollRun r ORDER BY r.month DESC, r.id DESC")
@NamedQuery(name = PayrollRun.BY_JOB, query = "SELECT r FROM PayrollRun r WHERE r.jobId = :job")
@NamedQuery(name = PayrollRun.REGULAR_OF_MONTH, query = "SELECT r FROM PayrollRun r WHERE r.month = :month"
        + " AND r.kind = 'regular'")
@NamedQuery(name = PayrollRun.PENDING_COMPLEMENTARY, query = "SELECT r FROM PayrollRun r WHERE r.kind = 'complementary'"
        + " AND r.state IN ('draft', 'calculated') AND r.arrearsFrom <= :to AND r.arrearsTo >= :from ORDER BY r.id")
public class PayrollRun {

    public static final String ALL = "PayrollRun.all";
    public static final String BY_JOB = "PayrollRun.byJob";
    public static final String REGULAR_OF_MONTH = "PayrollRun.regularOfMonth";
    public static final String PENDING_COMPLEMENTARY = "PayrollRun.pendingComplementary";

    /**
     * A regular run pays the month; a complementary run pays, in its month, the differences of approved months
     * recalculated under the rules and data now in force (arrears, corrections: DESIGN rule 5).
     */
    public enum Kind {
        REGULAR, COMPLEMENTARY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        DRAFT, CALCULATED, APPROVED, POSTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A run's totals over its employees. */
    public record Totals(int employees, BigDecimal gross, BigDecimal employeeContributions, BigDecimal withheld,
            BigDecimal net, BigDecimal employerContributions, BigDecimal employerCost) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate month;

    private String kind;

    private String state;

    @Column(name = "job_id")
    private long jobId;

    private String language;

    private String outcome;

    private int employees;

    private BigDecimal gross = BigDecimal.ZERO.setScale(2);

    @Column(name = "employee_contributions")
    private BigDecimal employeeContributions = BigDecimal.ZERO.setScale(2);

    private BigDecimal withheld = BigDecimal.ZERO.setScale(2);

    private BigDecimal net = BigDecimal.ZERO.setScale(2);

    @Column(name = "employer_contributions")
    private BigDecimal employerContributions = BigDecimal.ZERO.setScale(2);

    @Column(name = "employer_cost")
    private BigDecimal employerCost = BigDecimal.ZERO.setScale(2);

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "arrears_from")
    private LocalDate arrearsFrom;

    @Column(name = "arrears_to")
    private LocalDate arrearsTo;

    @Version
    private int version;

    protected PayrollRun() {
    }

    /** A draft regular run of the month, to be calculated by job {@code jobId}; its outcome in {@code language}. */
    public static PayrollRun regular(YearMonth month, long jobId, String language) {
        return new PayrollRun(month, Kind.REGULAR, jobId, language);
    }

    private PayrollRun(YearMonth month, Kind kind, long jobId, String language) {
        this.month = month.atDay(1);
        this.kind = kind.code();
        this.state = State.DRAFT.code();
        this.jobId = jobId;
        this.language = language;
    }

    /**
     * A draft complementary run paid in {@code month} that recalculates the approved months {@code from} to {@code to}.
     * The range lies in one year, the run's own or an earlier one: arrears of an earlier year are income of that year
     * (Ley 35/2006, BOE-A-2006-20764, art. 14.2.b), withheld at their own rate (art. 101.1; RIRPF, BOE-A-2007-6820,
     * art. 80.1.5.º) and declared as accrued in it (modelo 190's accrual year), so each year's arrears are a run of
     * their own.
     *
     * @throws RunDataException
     *             naming {@code from} or {@code to} when the range is reversed, ends after the month paid, or spans two
     *             years
     */
    public static PayrollRun complementary(YearMonth month, YearMonth from, YearMonth to, long jobId, String language) {
        if (from.isAfter(to)) {
            throw new RunDataException("from", "run.range.order", from.toString(), to.toString());
        }
        if (to.isAfter(month)) {
            throw new RunDataException("to", "run.range.after", to.toString(), month.toString());
        }
        if (from.getYear() != to.getYear()) {
            throw new RunDataException("to", "run.range.years", from.toString(), to.toString());
        }
        PayrollRun run = new PayrollRun(month, Kind.COMPLEMENTARY, jobId, language);
        run.arrearsFrom = from.atDay(1);
        run.arrearsTo = to.atDay(1);
        return run;
    }

    /**
     * Calculates the run again with job {@code job}: a draft whose job ended, or a calculated run.
     *
     * @throws RunStateException
     *             when the run is being calculated, approved or posted
     */
    public void recalculate(long job) {
        if (getState() == State.DRAFT && outcome == null) {
            throw new RunStateException("run.calculating", String.valueOf(id));
        }
        if (getState() != State.DRAFT && getState() != State.CALCULATED) {
            throw new RunStateException("run.recalculate.state", String.valueOf(id), state);
        }
        this.jobId = job;
        this.state = State.DRAFT.code();
        this.outcome = null;
    }

    /**
     * Whether the run may be deleted: a draft whose job ended (a failed calculation) or a calculated run, which are not
     * yet a record; an approved or posted run is one (DESIGN rule 5, and the database refuses it).
     *
     * @throws RunStateException
     *             when the run is being calculated, approved or posted
     */
    public void requireDeletable() {
        if (getState() == State.DRAFT && outcome == null) {
            throw new RunStateException("run.calculating", String.valueOf(id));
        }
        if (getState() != State.DRAFT && getState() != State.CALCULATED) {
            throw new RunStateException("run.delete.state", String.valueOf(id), state);
        }
    }

    /** The job stored every employee's month. */
    public void calculated(Totals totals, String outcome) {
        this.state = State.CALCULATED.code();
        this.outcome = outcome;
        this.employees = totals.employees();
        this.gross = totals.gross();
        this.employeeContributions = totals.employeeContributions();
        this.withheld = totals.withheld();
        this.net = totals.net();
        this.employerContributions = totals.employerContributions();
        this.employerCost = totals.employerCost();
    }

    /** The job could not calculate the run: nothing of it is stored, the outcome says why. */
    public void failed(String outcome) {
        this.state = State.DRAFT.code();
        this.outcome = outcome;
    }

    /**
     * @throws RunStateException
     *             unless the run is calculated
     */
    public void approve() {
        requireCalculated();
        this.state = State.APPROVED.code();
    }

    /**
     * @throws RunStateException
     *             unless the run is calculated (the state it is approved from)
     */
    public void requireCalculated() {
        if (getState() != State.CALCULATED) {
            throw new RunStateException("run.approve.state", String.valueOf(id), state);
        }
    }

    /**
     * @throws RunStateException
     *             unless the run is approved
     */
    public void requirePostable() {
        if (getState() != State.APPROVED) {
            throw new RunStateException("run.post.state", String.valueOf(id), state);
        }
    }

    /** The run's entry is in the books. */
    public void posted(long entry) {
        requirePostable();
        this.entryId = entry;
        this.state = State.POSTED.code();
    }

    /** Whether its job is still calculating it. */
    public boolean calculating() {
        return getState() == State.DRAFT && outcome == null;
    }

    public Long getId() {
        return id;
    }

    public YearMonth getMonth() {
        return YearMonth.from(month);
    }

    public Kind getKind() {
        return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public State getState() {
        return State.valueOf(state.toUpperCase(Locale.ROOT));
    }

    public long getJobId() {
        return jobId;
    }

    public String getLanguage() {
        return language;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getEmployees() {
        return employees;
    }

    public BigDecimal getGross() {
        return gross;
    }

    public BigDecimal getEmployeeContributions() {
        return employeeContributions;
    }

    public BigDecimal getWithheld() {
        return withheld;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getEmployerContributions() {
        return employerContributions;
    }

    public BigDecimal getEmployerCost() {
        return employerCost;
    }

    public Long getEntryId() {
        return entryId;
    }

    /** The first month a complementary run recalculates. */
    public Optional<YearMonth> getArrearsFrom() {
        return Optional.ofNullable(arrearsFrom).map(YearMonth::from);
    }

    /** The last month a complementary run recalculates. */
    public Optional<YearMonth> getArrearsTo() {
        return Optional.ofNullable(arrearsTo).map(YearMonth::from);
    }

    /**
     * The earlier year whose arrears a complementary run pays, when its months are of a year before the month it pays
     * them in: they are that year's income, withheld at the fixed rate of arrears and declared as accrued in it.
     */
    public Optional<Integer> getAccrualYear() {
        return getArrearsFrom().map(YearMonth::getYear).filter(year -> year < getMonth().getYear());
    }

    public int getVersion() {
        return version;
    }
}
