package coop.intercoop.hub.payroll.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The employees of the checked organisation, called from tenanted boundaries. EclipseLink adds the organisation to
 * every read, so another organisation's employee is simply not found. Every read of an employee's personal data is
 * audited ({@value #READ}, naming the employee by id, never the data); the list, which carries only the names and NIFs
 * needed to pick an employee, is not.
 */
@Dependent
public class Employees {

    /** The audit action of a read of an employee's personal data. */
    public static final String READ = "employee.read";
    static final String OBJECT = "employee";
    private static final String CREATED = "employee.created";

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    public List<Employee> all() {
        return em.createNamedQuery(Employee.ALL, Employee.class).getResultList();
    }

    /** The employee, without recording a read: for the checks of another use case. */
    public Employee find(long id) {
        Employee employee = em.find(Employee.class, id);
        if (employee == null) {
            throw new NotFoundException("employee", id);
        }
        return employee;
    }

    /** The employee's personal data, the read recorded. */
    public Employee read(long id) {
        Employee employee = find(id);
        audit.record(tenant.id(), READ, OBJECT, String.valueOf(id), null);
        return employee;
    }

    /**
     * @throws HubException
     *             every refusal of the data, each naming its field; or a conflict when the NIF or NAF is taken
     */
    public Employee create(EmployeeData data) {
        Employee employee = checkNew(data, LocalDate.now(), asked);
        em.persist(employee);
        em.flush();
        audit.record(tenant.id(), CREATED, OBJECT, String.valueOf(employee.getId()), null);
        return employee;
    }

    /**
     * A new employee of the data, checked as {@link #create} checks it, not kept: for an import's first pass, which
     * asks {@code holders} read once ({@link #holders()}) whether the NIF or NAF is taken.
     *
     * @throws HubException
     *             every refusal of the data, each naming its field; or a conflict when the NIF or NAF is taken
     */
    public Employee checkNew(EmployeeData data, LocalDate today, Holders holders) {
        Employee employee = new Employee(data, today);
        refuseTaken(employee, null, holders);
        return employee;
    }

    /** Keeps employees an import checked ({@link #checkNew}): one flush of {@link Flushes}. */
    public void createChecked(List<Employee> checked) {
        Flushes.keep(em, audit, tenant.id(), CREATED, OBJECT, checked,
                e -> new AuditTrail.Subject(String.valueOf(e.getId()), null));
    }

    /** Who holds a NIF or a NAF among the organisation's employees. */
    public interface Holders {
        Optional<Long> ofNif(String nif);

        Optional<Long> ofNaf(String naf);
    }

    /** The holders as the database answers each question: for one registration or change. */
    private final Holders asked = new Holders() {
        @Override
        public Optional<Long> ofNif(String nif) {
            return em.createNamedQuery(Employee.BY_NIF, Employee.class).setParameter("nif", nif).getResultStream()
                    .findFirst().map(Employee::getId);
        }

        @Override
        public Optional<Long> ofNaf(String naf) {
            return em.createNamedQuery(Employee.BY_NAF, Employee.class).setParameter("naf", naf).getResultStream()
                    .findFirst().map(Employee::getId);
        }
    };

    /** An employee as an import's rows name them: their id and birth date. */
    public record Named(long id, LocalDate birthDate) {
    }

    /** The organisation's employees by NIF, read at once: for an import's rows. */
    public Map<String, Named> byNif() {
        Map<String, Named> named = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Employee.IDENTIFIERS, Object[].class).getResultList()) {
            named.put((String) row[1], new Named((Long) row[0], (LocalDate) row[3]));
        }
        return named;
    }

    /** Every NIF and NAF of the organisation's employees, read once: for an import's rows. */
    public Holders holders() {
        Map<String, Long> nifs = new HashMap<>();
        Map<String, Long> nafs = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Employee.IDENTIFIERS, Object[].class).getResultList()) {
            nifs.put((String) row[1], (Long) row[0]);
            nafs.put((String) row[2], (Long) row[0]);
        }
        return new Holders() {
            @Override
            public Optional<Long> ofNif(String nif) {
                return Optional.ofNullable(nifs.get(nif));
            }

            @Override
            public Optional<Long> ofNaf(String naf) {
                return Optional.ofNullable(nafs.get(naf));
            }
        };
    }

    /**
     * @throws OptimisticLockException
     *             when the employee was changed since the version read
     * @throws HubException
     *             every refusal of the data, each naming its field; or a conflict when the NIF or NAF is taken
     */
    public Employee change(long id, int expectedVersion, EmployeeData data) {
        Employee employee = find(id);
        if (employee.getVersion() != expectedVersion) {
            throw new OptimisticLockException(employee);
        }
        employee.write(data, LocalDate.now());
        refuseTaken(employee, id, asked);
        // a change of the descendants or ascendants alone is a new version of the employee too
        em.lock(employee, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(tenant.id(), "employee.changed", OBJECT, String.valueOf(id), null);
        return employee;
    }

    /** The NIF and the NAF identify one employee of the organisation; the unique keys are the backstop. */
    private static void refuseTaken(Employee employee, Long self, Holders holders) {
        if (holders.ofNif(employee.getNif()).filter(other -> !other.equals(self)).isPresent()) {
            throw new EmployeeTakenException("nif", "employee.nif.taken", employee.getNif());
        }
        if (holders.ofNaf(employee.getNaf()).filter(other -> !other.equals(self)).isPresent()) {
            throw new EmployeeTakenException("naf", "employee.naf.taken", employee.getNaf());
        }
    }

    /** Another employee of the organisation has this NIF or NAF. */
    public static class EmployeeTakenException extends HubException {
        private static final long serialVersionUID = 1L;

        EmployeeTakenException(String field, String key, String value) {
            super(Kind.CONFLICT, field, key, new Object[] { value });
        }
    }
}
