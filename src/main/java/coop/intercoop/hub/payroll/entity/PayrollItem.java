package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/**
 * An item of an employee's month that the contract does not give: the part-time hours worked, overtime, a variable
 * item, unpaid days of absence, a sick leave, an advance already paid. A run maps the month's items onto the month it
 * calculates ({@code RunInputs}); each kind fills its own fields and no other ({@link Kind}), which the constructor
 * checks, every refusal at once and each naming its field. Tenant-scoped; its employee is the organisation's (composite
 * foreign key with {@code org_id}). An item is added or deleted, never changed: a month's run reads what is there.
 */
@Entity
@Table(name = "payroll_item")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = PayrollItem.OF_MONTH, query = "SELECT i FROM PayrollItem i WHERE i.month = :month"
        + " ORDER BY i.employeeId, i.id")
@NamedQuery(name = PayrollItem.OVERTIME_HOURS, query = "SELECT i.employeeId, SUM(i.hours) FROM PayrollItem i"
        + " WHERE i.kind = 'overtime' AND i.forceMajeure = FALSE AND i.month >= :first AND i.month < :month"
        + " GROUP BY i.employeeId")
@NamedQuery(name = PayrollItem.OVERTIME_PAY, query = "SELECT i.employeeId, i.month, SUM(i.amount) FROM PayrollItem i"
        + " WHERE i.kind = 'overtime' AND i.month >= :from AND i.month < :to GROUP BY i.employeeId, i.month")
@NamedQuery(name = PayrollItem.KINDS_OF_MONTH, query = "SELECT i.employeeId, i.kind FROM PayrollItem i"
        + " WHERE i.month = :month AND i.kind IN :kinds")
public class PayrollItem {

    public static final String OF_MONTH = "PayrollItem.ofMonth";
    public static final String OVERTIME_HOURS = "PayrollItem.overtimeHours";
    public static final String KINDS_OF_MONTH = "PayrollItem.kindsOfMonth";
    public static final String OVERTIME_PAY = "PayrollItem.overtimePay";

    private static final int MONTH_DAYS = 30;

    /** What an item is, and the fields it takes besides employee, month and kind. */
    public enum Kind {
        /** A part-time contract's ordinary and complementary hours worked in the month; once a month. */
        HOURS_WORKED(true, "hours"),
        /** Overtime: its hours and pay, and whether force majeure caused it. */
        OVERTIME(false, "hours", "amount", "forceMajeure"),
        /** A bonus or other pay of the month: concept, amount, and whether salary, contributing and taxed. */
        VARIABLE(false, "concept", "amount", "salary", "contributes", "taxed", "exemptSubkey"),
        /** Days of unpaid absence: the salary items' pay for those days is deducted. */
        ABSENCE(false, "days"),
        /** A leave of temporary incapacity under delegated payment, common or occupational; once a month. */
        SICK_LEAVE(true, "firstDay", "lastDay", "previousBase", "previousDays", "occupational"),
        /** An advance already paid, deducted from the month's net pay. */
        ADVANCE(false, "concept", "amount"),
        /**
         * The employer's improvement of the sick-leave benefit a collective agreement or contract grants (mejora
         * voluntaria de la incapacidad temporal): concept and amount; taxed, not salary, and never in the contribution
         * bases (LGSS art. 147.2.d). Paid in a month that has the leave.
         */
        LEAVE_TOP_UP(false, "concept", "amount");

        private final boolean once;
        private final Set<String> fields;

        Kind(boolean once, String... fields) {
            this.once = once;
            this.fields = Set.of(fields);
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether an employee's month has at most one item of the kind. */
        public boolean once() {
            return once;
        }

        /** Whether the kind takes the field (the checks refuse it on any other kind). */
        public boolean takes(String field) {
            return fields.contains(field);
        }

        public static Optional<Kind> of(String code) {
            return code == null ? Optional.empty()
                    : Arrays.stream(values()).filter(k -> k.code().equals(code.strip().toLowerCase(Locale.ROOT)))
                            .findFirst();
        }

        /** The kinds' codes, as a refusal lists them. */
        public static String codes() {
            return Arrays.stream(values()).map(Kind::code).collect(Collectors.joining(", "));
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id", updatable = false)
    private long employeeId;

    private LocalDate month;

    private String kind;

    private String concept;

    private BigDecimal hours;

    private Integer days;

    private BigDecimal amount;

    @Column(name = "force_majeure")
    private boolean forceMajeure;

    private boolean salary = true;

    private boolean contributes = true;

    private boolean taxed = true;

    /** Of a variable item not subject to withholding: its key L subkey in modelo 190. */
    @Column(name = "exempt_subkey")
    private Integer exemptSubkey;

    @Column(name = "first_day")
    private LocalDate firstDay;

    @Column(name = "last_day")
    private LocalDate lastDay;

    @Column(name = "previous_base")
    private BigDecimal previousBase;

    @Column(name = "previous_days")
    private Integer previousDays;

    /** A sick leave from a work accident or occupational disease (LGSS art. 173.1, first paragraph). */
    private boolean occupational;

    @Column(name = "created_by", updatable = false)
    private long createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected PayrollItem() {
    }

    /**
     * @throws HubException
     *             every refusal of the data at once, each naming its field
     */
    public PayrollItem(long employeeId, PayrollItemData data, long createdBy, Instant now) {
        Refusals refusals = new Refusals();
        YearMonth itemMonth = month(data.month, refusals);
        Optional<Kind> itemKind = Kind.of(data.kind);
        if (itemKind.isEmpty()) {
            refusals.add(PayrollItemException.invalid("kind",
                    data.kind == null || data.kind.isBlank() ? "item.kind.empty" : "item.kind.unknown", data.kind,
                    Kind.codes()));
        } else {
            check(itemKind.get(), itemMonth, data, refusals);
        }
        refusals.throwIfAny();
        Kind k = itemKind.get();
        this.employeeId = employeeId;
        this.month = itemMonth.atDay(1);
        this.kind = k.code();
        this.concept = k.fields.contains("concept") ? data.concept.strip() : null;
        this.hours = k.fields.contains("hours") ? cents(data.hours) : null;
        this.days = k.fields.contains("days") ? data.days : null;
        this.amount = k.fields.contains("amount") ? cents(data.amount) : null;
        this.forceMajeure = k == Kind.OVERTIME && data.forceMajeure;
        boolean variable = k == Kind.VARIABLE;
        this.salary = !variable || data.salary;
        this.contributes = !variable || data.contributes;
        this.taxed = !variable || data.taxed;
        this.exemptSubkey = variable ? data.exemptSubkey : null;
        if (k == Kind.SICK_LEAVE) {
            this.firstDay = data.firstDay;
            this.lastDay = data.lastDay;
            this.previousBase = cents(data.previousBase);
            this.previousDays = data.previousDays;
            this.occupational = data.occupational;
        }
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    private static YearMonth month(String text, Refusals refusals) {
        YearMonth[] month = new YearMonth[1];
        refusals.attempt(() -> month[0] = month(text));
        return month[0];
    }

    /**
     * A month as the API and the import name it, {@code yyyy-MM}.
     *
     * @throws PayrollItemException
     *             on {@code month} when it is missing or not a month
     */
    public static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw PayrollItemException.invalid("month", "item.month.empty");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw PayrollItemException.invalid("month", "item.month.format", text);
        }
    }

    private static void check(Kind kind, YearMonth month, PayrollItemData data, Refusals refusals) {
        String code = kind.code();
        // a field the kind does not take is refused rather than dropped: it says the kind or the column is wrong
        other(kind, "concept", data.concept != null && !data.concept.isBlank(), refusals);
        other(kind, "hours", data.hours != null, refusals);
        other(kind, "days", data.days != null, refusals);
        other(kind, "amount", data.amount != null, refusals);
        other(kind, "firstDay", data.firstDay != null, refusals);
        other(kind, "lastDay", data.lastDay != null, refusals);
        other(kind, "previousBase", data.previousBase != null, refusals);
        other(kind, "previousDays", data.previousDays != null, refusals);
        other(kind, "occupational", data.occupational, refusals);
        other(kind, "exemptSubkey", data.exemptSubkey != null, refusals);
        if (kind.fields.contains("concept")) {
            if (data.concept == null || data.concept.isBlank()) {
                refusals.add(PayrollItemException.invalid("concept", "item.concept.required", code));
            } else if (data.concept.strip().length() > 100) {
                refusals.add(PayrollItemException.invalid("concept", "item.concept.long", 100));
            }
        }
        if (kind.fields.contains("hours") && !positiveCents(data.hours)) {
            refusals.add(PayrollItemException.invalid("hours",
                    data.hours == null ? "item.hours.required" : "item.hours", code, plain(data.hours)));
        }
        if (kind.fields.contains("amount") && !positiveCents(data.amount)) {
            refusals.add(PayrollItemException.invalid("amount",
                    data.amount == null ? "item.amount.required" : "item.amount", code, plain(data.amount)));
        }
        if (kind.fields.contains("days") && (data.days == null || data.days < 1 || data.days > MONTH_DAYS)) {
            refusals.add(PayrollItemException.invalid("days", data.days == null ? "item.days.required" : "item.days",
                    MONTH_DAYS, data.days == null ? "-" : String.valueOf(data.days)));
        }
        if (kind == Kind.VARIABLE) {
            Perception.exemptSubkeyRefusal(data.taxed, data.exemptSubkey)
                    .ifPresent(refusal -> refusals.add(PayrollItemException.invalid("exemptSubkey", refusal,
                            data.concept == null ? "" : data.concept.strip(), data.exemptSubkey)));
        }
        if (kind == Kind.SICK_LEAVE) {
            checkLeave(month, data, refusals);
        }
    }

    /** Order PJC/297/2026 art. 6.2: the leave's days of the month, and the previous month's base over its days. */
    private static void checkLeave(YearMonth month, PayrollItemData data, Refusals refusals) {
        if (data.firstDay == null) {
            refusals.add(PayrollItemException.invalid("firstDay", "item.leave.first"));
        } else if (month != null && data.firstDay.isAfter(month.atEndOfMonth())) {
            refusals.add(PayrollItemException.invalid("firstDay", "item.leave.after", data.firstDay, month.toString()));
        }
        if (data.lastDay != null) {
            if (data.firstDay != null && data.lastDay.isBefore(data.firstDay)) {
                refusals.add(PayrollItemException.invalid("lastDay", "item.leave.order", data.lastDay, data.firstDay));
            } else if (month != null && data.lastDay.isBefore(month.atDay(1))) {
                refusals.add(
                        PayrollItemException.invalid("lastDay", "item.leave.before", data.lastDay, month.toString()));
            }
        }
        if (data.previousBase == null || data.previousBase.signum() < 0
                || data.previousBase.stripTrailingZeros().scale() > 2) {
            refusals.add(PayrollItemException.invalid("previousBase", "item.leave.base", plain(data.previousBase)));
        }
        if (data.previousDays == null || data.previousDays < 1 || data.previousDays > 31) {
            refusals.add(PayrollItemException.invalid("previousDays", "item.leave.days",
                    data.previousDays == null ? "-" : String.valueOf(data.previousDays)));
        }
    }

    private static void other(Kind kind, String field, boolean given, Refusals refusals) {
        if (given && !kind.fields.contains(field)) {
            refusals.add(PayrollItemException.invalid(field, "item.field.other", kind.code(), field));
        }
    }

    private static boolean positiveCents(BigDecimal value) {
        return value != null && value.signum() > 0 && value.stripTrailingZeros().scale() <= 2;
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** A value as a refusal writes it, in the reader's language's marks. */
    private static Object plain(BigDecimal value) {
        return value == null ? "-" : value;
    }

    public Long getId() {
        return id;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public YearMonth getMonth() {
        return YearMonth.from(month);
    }

    public Kind getKind() {
        return Kind.of(kind).orElseThrow();
    }

    public String getConcept() {
        return concept;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public Integer getDays() {
        return days;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public boolean isForceMajeure() {
        return forceMajeure;
    }

    public boolean isSalary() {
        return salary;
    }

    public boolean isContributes() {
        return contributes;
    }

    public boolean isTaxed() {
        return taxed;
    }

    /** The key L subkey of a variable item not subject to withholding; empty for any other. */
    public Optional<Integer> getExemptSubkey() {
        return Optional.ofNullable(exemptSubkey);
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public BigDecimal getPreviousBase() {
        return previousBase;
    }

    public Integer getPreviousDays() {
        return previousDays;
    }

    public boolean isOccupational() {
        return occupational;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
