package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollItemData;
import coop.intercoop.hub.payroll.entity.PayrollItemException;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The month's items of the checked organisation's employees (hours worked, overtime, variable pay, absences, sick
 * leave, advances), which the month's regular run reads. An item is pay: every read of a month's items is audited
 * ({@value #READ}) like a run's breakdown. A month whose regular run is approved or posted takes no item and loses
 * none: its run is a record (DESIGN rule 5), and what it missed goes in a complementary run.
 */
@Dependent
public class PayrollItems {

    /** The audit action of a read of a month's items. */
    public static final String READ = "payroll-items.read";
    private static final String CREATED = "payroll-item.created";
    static final String OBJECT = "payroll-item";

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The month's items of every employee, by employee, the read audited. */
    public List<PayrollItem> of(YearMonth month) {
        audit.record(tenant.id(), READ, OBJECT, month.toString(), null);
        return ofMonth(em, month);
    }

    /** The month's items, as a run reads them: not audited (the run's own reads are). */
    static List<PayrollItem> ofMonth(EntityManager em, YearMonth month) {
        return em.createNamedQuery(PayrollItem.OF_MONTH, PayrollItem.class).setParameter("month", month.atDay(1))
                .getResultList();
    }

    /**
     * Each employee's overtime hours of the year before {@code month}, force majeure left out (ET art. 35.3), as a run
     * reads them to check the year's limit ({@link OvertimeWarnings}): not audited (the run's own reads are).
     */
    static Map<Long, BigDecimal> overtimeHoursBefore(EntityManager em, YearMonth month) {
        Map<Long, BigDecimal> hours = new HashMap<>();
        for (Object[] row : em.createNamedQuery(PayrollItem.OVERTIME_HOURS, Object[].class)
                .setParameter("first", LocalDate.of(month.getYear(), 1, 1)).setParameter("month", month.atDay(1))
                .getResultList()) {
            hours.put((Long) row[0], (BigDecimal) row[1]);
        }
        return hours;
    }

    /**
     * Each employee's overtime pay by month, force majeure included, from {@code from} up to the month before
     * {@code to}: what the AT/EP base of a sick leave's days takes (order art. 6.3), as a run reads it.
     */
    static Map<Long, Map<YearMonth, BigDecimal>> overtimePay(EntityManager em, YearMonth from, YearMonth to) {
        Map<Long, Map<YearMonth, BigDecimal>> pay = new HashMap<>();
        for (Object[] row : em.createNamedQuery(PayrollItem.OVERTIME_PAY, Object[].class)
                .setParameter("from", from.atDay(1)).setParameter("to", to.atDay(1)).getResultList()) {
            pay.computeIfAbsent((Long) row[0], e -> new HashMap<>()).put(YearMonth.from((LocalDate) row[1]),
                    (BigDecimal) row[2]);
        }
        return pay;
    }

    /**
     * @throws HubException
     *             every refusal of the data, each naming its field; a conflict when the month's regular run is approved
     *             or the employee's month has the item's kind already; not found for an employee of another
     *             organisation
     */
    public PayrollItem create(PayrollItemData data) {
        PayrollItem item = checkNew(data);
        em.persist(item);
        em.flush();
        audit.record(tenant.id(), CREATED, OBJECT, String.valueOf(item.getId()), created(item));
        return item;
    }

    /** Keeps items an import checked ({@link #checkNew}): one flush of {@link Flushes}. */
    public void createChecked(List<PayrollItem> checked) {
        Flushes.keep(em, audit, tenant.id(), CREATED, OBJECT, checked,
                i -> new AuditTrail.Subject(String.valueOf(i.getId()), created(i)));
    }

    private static String created(PayrollItem item) {
        return item.getKind().code() + " " + item.getMonth() + " of employee " + item.getEmployeeId();
    }

    /**
     * A new item of the data, checked as {@link #create} checks it, not kept.
     *
     * @throws HubException
     *             as {@link #create}
     */
    public PayrollItem checkNew(PayrollItemData data) {
        return new Checks(id -> em.find(Employee.class, id) != null).check(data);
    }

    /**
     * The checks of new items against what is stored, for many items of one use case: an import checks each row with
     * them, twice (its two passes), and they read each month's state once instead of three times a row. The
     * organisation's employees are those the import has read already.
     */
    public Checks checks(Collection<Employees.Named> employees) {
        Set<Long> ids = employees.stream().map(Employees.Named::id).collect(Collectors.toSet());
        return new Checks(ids::contains);
    }

    /**
     * What a new item is checked against besides its own fields: its employee is the organisation's (else not found),
     * its month's regular run is not approved (else a conflict), and a kind that is once a month is not taken yet for
     * the employee's month (else a conflict). What they read is kept for the next item and not refreshed: for one use
     * case. Their reads do not flush the persistence context: nothing they read is pending in it, and an import's
     * second pass keeps its items there, which a flush before each row's reads would go through again.
     */
    public final class Checks {

        private final LongPredicate employeeOfOrganisation;
        private final Map<YearMonth, Optional<PayrollRun>> regular = new HashMap<>();
        private final Map<YearMonth, Set<String>> taken = new HashMap<>();

        private Checks(LongPredicate employeeOfOrganisation) {
            this.employeeOfOrganisation = employeeOfOrganisation;
        }

        /**
         * @throws HubException
         *             as {@link PayrollItems#create}
         */
        public PayrollItem check(PayrollItemData data) {
            if (data.employeeId == null) {
                throw PayrollItemException.invalid("employeeId", "item.employee.empty");
            }
            if (!employeeOfOrganisation.test(data.employeeId)) {
                throw new NotFoundException("employee", data.employeeId);
            }
            PayrollItem item = new PayrollItem(data.employeeId, data, caller.user().getId(), Instant.now());
            refuseClosed(item.getMonth(), regular.computeIfAbsent(item.getMonth(), PayrollItems.this::regularOf));
            // the unique key is the backstop for two requests at once
            if (item.getKind().once() && taken.computeIfAbsent(item.getMonth(), PayrollItems.this::onceTaken)
                    .contains(item.getEmployeeId() + " " + item.getKind().code())) {
                throw PayrollItemException.conflict("kind", "item.kind.taken", item.getKind().code(),
                        item.getMonth().toString());
            }
            return item;
        }
    }

    /** The month's regular run, if it has one. */
    private Optional<PayrollRun> regularOf(YearMonth month) {
        return em.createNamedQuery(PayrollRun.REGULAR_OF_MONTH, PayrollRun.class).setParameter("month", month.atDay(1))
                .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }

    /** The employees and kinds of the month's items whose kind is once a month, as {@code "<employee> <kind>"}. */
    private Set<String> onceTaken(YearMonth month) {
        List<String> once = Arrays.stream(PayrollItem.Kind.values()).filter(PayrollItem.Kind::once)
                .map(PayrollItem.Kind::code).toList();
        return em.createNamedQuery(PayrollItem.KINDS_OF_MONTH, Object[].class).setParameter("month", month.atDay(1))
                .setParameter("kinds", once).setFlushMode(FlushModeType.COMMIT).getResultStream()
                .map(row -> row[0] + " " + row[1]).collect(Collectors.toSet());
    }

    /**
     * @throws NotFoundException
     *             for an item of another organisation
     * @throws HubException
     *             a conflict when the item's month has an approved regular run
     */
    public void delete(long id) {
        PayrollItem item = em.find(PayrollItem.class, id);
        if (item == null) {
            throw new NotFoundException("payroll item", id);
        }
        refuseClosed(item.getMonth(), regularOf(item.getMonth()));
        em.remove(item);
        em.flush();
        audit.record(tenant.id(), "payroll-item.deleted", OBJECT, String.valueOf(id),
                item.getKind().code() + " " + item.getMonth() + " of employee " + item.getEmployeeId());
    }

    /** A month whose regular run is approved or posted takes no change of its items. */
    private static void refuseClosed(YearMonth month, Optional<PayrollRun> regular) {
        if (regular.isPresent() && (regular.get().getState() == PayrollRun.State.APPROVED
                || regular.get().getState() == PayrollRun.State.POSTED)) {
            throw PayrollItemException.conflict("month", "item.month.closed", month.toString(),
                    String.valueOf(regular.get().getId()), regular.get().getState().code());
        }
    }
}
