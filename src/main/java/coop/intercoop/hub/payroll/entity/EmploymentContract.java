package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/**
 * An employee's employment contract with the organisation: its dates, its TGSS contract type, the part-time
 * coefficient, the contribution group, the AT/EP premium's key (CNAE-2025 activity or occupation letter), the
 * collective agreement and category, the work centre it is registered at, the project its cost is charged to (an
 * analytic code of the organisation's books, optional), and its monthly salary items. Tenant-scoped; its employee and
 * work centre are the organisation's (composite foreign keys with {@code org_id}); its project is checked among the
 * organisation's by the caller.
 */
@Entity
@Table(name = "employment_contract")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = EmploymentContract.OF_EMPLOYEE, query = "SELECT c FROM EmploymentContract c"
        + " WHERE c.employeeId = :employee ORDER BY c.startDate, c.id")
@NamedQuery(name = EmploymentContract.IN_FORCE, query = "SELECT c FROM EmploymentContract c"
        + " WHERE c.startDate <= :last AND (c.endDate IS NULL OR c.endDate >= :first) ORDER BY c.startDate, c.id")
public class EmploymentContract {

    public static final String OF_EMPLOYEE = "EmploymentContract.ofEmployee";
    /** The contracts in force at some day from {@code first} to {@code last}. */
    public static final String IN_FORCE = "EmploymentContract.inForce";

    /** Estatuto de los Trabajadores, art. 6.1: no one under sixteen may be employed. */
    public static final int MINIMUM_AGE = 16;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id", updatable = false)
    private long employeeId;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "contract_type")
    private String contractType;

    @Column(name = "part_time_coefficient")
    private BigDecimal partTimeCoefficient;

    @Column(name = "contribution_group")
    private int contributionGroup;

    @Column(name = "activity_code")
    private String activityCode;

    @Column(name = "occupation_letter")
    private String occupationLetter;

    @Column(name = "agreement_code")
    private String agreementCode;

    @Column(name = "professional_category")
    private String professionalCategory;

    @Column(name = "work_centre_id")
    private long workCentreId;

    @Column(name = "project_code")
    private String project;

    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SalaryItem> salaryItems = new ArrayList<>();

    @Version
    private int version;

    protected EmploymentContract() {
    }

    /**
     * @param type
     *            the contract type named by {@code data.contractType}, if the table has it
     * @param birthDate
     *            the employee's birth date, for the minimum age
     *
     * @throws HubException
     *             every refusal of the data at once, each naming its field
     */
    public EmploymentContract(long employeeId, ContractData data, Optional<ContractType> type, LocalDate birthDate) {
        this.employeeId = employeeId;
        write(data, type, birthDate);
    }

    /**
     * Replaces the contract's terms and salary items. The work centre is checked by the caller (it must be the
     * organisation's), and the database refuses one of another organisation.
     *
     * @throws HubException
     *             every refusal of the data at once, each naming its field; nothing is changed then
     */
    public final void write(ContractData data, Optional<ContractType> type, LocalDate birthDate) {
        Refusals refusals = new Refusals();
        if (type.isEmpty()) {
            refusals.add(new InvalidContractException("contractType", "contract.type.unknown", data.contractType));
        } else {
            checkCoefficient(type.get(), data.partTimeCoefficient, refusals);
        }
        if (data.startDate == null) {
            refusals.add(new InvalidContractException("startDate", "contract.start.required"));
        }
        if (data.workCentreId == null) {
            refusals.add(new InvalidContractException("workCentreId", "contract.workCentre.required"));
        }
        if (data.startDate != null && data.endDate != null && data.endDate.isBefore(data.startDate)) {
            refusals.add(new InvalidContractException("endDate", "contract.end.before", data.endDate, data.startDate));
        }
        if (data.startDate != null && birthDate != null && data.startDate.isBefore(birthDate.plusYears(MINIMUM_AGE))) {
            refusals.add(new InvalidContractException("startDate", "contract.start.age", MINIMUM_AGE));
        }
        String activity = blankToNull(data.activityCode);
        String occupation = blankToNull(data.occupationLetter);
        if ((activity == null) == (occupation == null)) {
            refusals.add(new InvalidContractException(activity == null ? "activityCode" : "occupationLetter",
                    "contract.premium.oneOf"));
        } else if (activity != null && !activity.matches("\\d{2,4}")) {
            refusals.add(new InvalidContractException("activityCode", "contract.activity.format", activity));
        } else if (occupation != null && !occupation.matches("[a-z]")) {
            refusals.add(new InvalidContractException("occupationLetter", "contract.occupation.format", occupation));
        }
        if (data.contributionGroup == null || data.contributionGroup < 1 || data.contributionGroup > 11) {
            refusals.add(new InvalidContractException("contributionGroup", "contract.group"));
        }
        List<SalaryItem> items = new ArrayList<>();
        List<ContractData.SalaryItemData> given = data.salaryItems == null ? List.of() : data.salaryItems;
        for (int i = 0; i < given.size(); i++) {
            ContractData.SalaryItemData item = given.get(i);
            if (item == null || item.name == null || item.name.isBlank() || item.kind == null
                    || item.monthlyAmount == null || item.monthlyAmount.signum() < 0
                    || item.monthlyAmount.stripTrailingZeros().scale() > 2) {
                refusals.add(new InvalidContractException("salaryItems[" + i + "]", "contract.item"));
                continue;
            }
            Optional<String> exemption = Perception.exemptSubkeyRefusal(item.taxed, item.exemptSubkey);
            if (exemption.isPresent()) {
                refusals.add(new InvalidContractException("salaryItems[" + i + "].exemptSubkey", exemption.get(),
                        item.name.strip(), item.exemptSubkey));
                continue;
            }
            Optional<MonthRange> months = months(item, i, refusals);
            Optional<Set<Month>> paidIn = paidIn(item, i, refusals);
            if (months.isEmpty() || paidIn.isEmpty()) {
                continue;
            }
            for (SalaryItem earlier : items) {
                if (earlier.getName().equals(item.name.strip()) && earlier.getMonths().overlaps(months.get())) {
                    refusals.add(new InvalidContractException("salaryItems[" + i + "].from", "contract.item.overlap",
                            earlier.getName(), earlier.getMonths(), months.get()));
                }
            }
            items.add(new SalaryItem(this, i, item.name.strip(), item.monthlyAmount.setScale(2), item.kind,
                    item.contributes, item.taxed, item.exemptSubkey, months.get(), paidIn.get()));
        }
        refusals.throwIfAny();

        this.startDate = data.startDate;
        this.endDate = data.endDate;
        this.contractType = type.get().code();
        this.partTimeCoefficient = data.partTimeCoefficient == null ? null : data.partTimeCoefficient.setScale(4);
        this.contributionGroup = data.contributionGroup;
        this.activityCode = activity;
        this.occupationLetter = occupation;
        this.agreementCode = blankToNull(data.agreementCode);
        this.professionalCategory = blankToNull(data.professionalCategory);
        this.workCentreId = data.workCentreId;
        this.project = projectCode(data.project);
        salaryItems.clear();
        salaryItems.addAll(items);
    }

    /** The months an item applies in; none, with the refusal added, when they do not read or are reversed. */
    private static Optional<MonthRange> months(ContractData.SalaryItemData item, int i, Refusals refusals) {
        int before = refusals.count();
        Optional<YearMonth> from = month(item.from, "salaryItems[" + i + "].from", refusals);
        Optional<YearMonth> until = month(item.until, "salaryItems[" + i + "].until", refusals);
        if (refusals.count() > before) {
            return Optional.empty();
        }
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            refusals.add(new InvalidContractException("salaryItems[" + i + "].until", "contract.item.months",
                    item.name.strip(), from.get(), until.get()));
            return Optional.empty();
        }
        return Optional.of(new MonthRange(from, until));
    }

    /**
     * The months an extra payment paid whole is paid in: only an extra payment has them, each 1 to 12 and once; none,
     * with the refusal added, otherwise.
     */
    private static Optional<Set<Month>> paidIn(ContractData.SalaryItemData item, int i, Refusals refusals) {
        if (item.paidIn == null || item.paidIn.isEmpty()) {
            return Optional.of(Set.of());
        }
        String field = "salaryItems[" + i + "].paidIn";
        if (item.kind != SalaryItem.Kind.EXTRA_PAYMENT) {
            refusals.add(new InvalidContractException(field, "contract.item.paidIn.kind", item.name.strip()));
            return Optional.empty();
        }
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (Integer month : item.paidIn) {
            if (month == null || month < 1 || month > 12 || !months.add(Month.of(month))) {
                refusals.add(new InvalidContractException(field, "contract.item.paidIn.months", item.name.strip(),
                        String.valueOf(item.paidIn)));
                return Optional.empty();
            }
        }
        return Optional.of(months);
    }

    /** The month written; empty when blank, or when it is not a month, with the refusal added. */
    private static Optional<YearMonth> month(String text, String field, Refusals refusals) {
        try {
            return MonthRange.month(text);
        } catch (DateTimeParseException e) {
            refusals.add(new InvalidContractException(field, "contract.item.month", text));
            return Optional.empty();
        }
    }

    /**
     * A part-time contract states the share of the full-time day it works (ET art. 12.1; the coefficient applied to the
     * contribution, LGSS art. 245 ff.): more than 0 and at most 1. A full-time contract has none.
     */
    private static void checkCoefficient(ContractType type, BigDecimal coefficient, Refusals refusals) {
        if (coefficient == null) {
            if (type.workingTime() == ContractType.WorkingTime.PART) {
                refusals.add(new InvalidContractException("partTimeCoefficient", "contract.coefficient.required",
                        type.code()));
            }
        } else if (type.workingTime() == ContractType.WorkingTime.FULL) {
            refusals.add(
                    new InvalidContractException("partTimeCoefficient", "contract.coefficient.fullTime", type.code()));
        } else if (coefficient.signum() <= 0 || coefficient.compareTo(BigDecimal.ONE) > 0
                || coefficient.stripTrailingZeros().scale() > 4) {
            refusals.add(new InvalidContractException("partTimeCoefficient", "contract.coefficient.range",
                    coefficient.toPlainString()));
        }
    }

    /**
     * Ends the contract on its last day.
     *
     * @throws HubException
     *             if the day is before the start
     */
    public void end(LocalDate lastDay) {
        if (lastDay.isBefore(startDate)) {
            throw new InvalidContractException("endDate", "contract.end.before", lastDay, startDate);
        }
        this.endDate = lastDay;
    }

    /** A project's code as the books keep it: in capitals, without spaces around; null when none is given. */
    public static String projectCode(String given) {
        String code = blankToNull(given);
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getContractType() {
        return contractType;
    }

    public BigDecimal getPartTimeCoefficient() {
        return partTimeCoefficient;
    }

    public int getContributionGroup() {
        return contributionGroup;
    }

    public String getActivityCode() {
        return activityCode;
    }

    public String getOccupationLetter() {
        return occupationLetter;
    }

    public String getAgreementCode() {
        return agreementCode;
    }

    public String getProfessionalCategory() {
        return professionalCategory;
    }

    public long getWorkCentreId() {
        return workCentreId;
    }

    /** The code of the project the contract's cost is charged to, or null. */
    public String getProject() {
        return project;
    }

    public List<SalaryItem> getSalaryItems() {
        return Collections.unmodifiableList(salaryItems);
    }

    public int getVersion() {
        return version;
    }
}
