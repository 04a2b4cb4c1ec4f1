package coop.intercoop.hub.payroll.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.InvalidContractException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;

/**
 * The employment contracts of the checked organisation's employees. A contract is reached through its employee: one of
 * another employee, or of another organisation, is not found. Its work centre must be one of the organisation's, asked
 * of tenancy's {@link WorkCentres} (components meet through controls); the composite foreign key is the backstop. Its
 * project, when it names one, must be one of the organisation's analytic projects, asked of accounting's
 * {@link Analytics}. A contract carries the employee's pay, so each read is audited like the employee's personal data.
 */
@Dependent
public class Contracts {

    private static final String CREATED = "employee.contract.created";

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Employees employees;

    @Inject
    PayrollTables tables;

    @Inject
    WorkCentres workCentres;

    @Inject
    Analytics analytics;

    /** The employee's contracts, the read recorded. */
    public List<EmploymentContract> of(long employeeId) {
        employees.find(employeeId);
        audit.record(tenant.id(), "employee.contracts.read", Employees.OBJECT, String.valueOf(employeeId), null);
        return em.createNamedQuery(EmploymentContract.OF_EMPLOYEE, EmploymentContract.class)
                .setParameter("employee", employeeId).getResultList();
    }

    /** One of the employee's contracts, the read recorded. */
    public EmploymentContract read(long employeeId, long contractId) {
        EmploymentContract contract = find(employeeId, contractId);
        audit.record(tenant.id(), "employee.contract.read", Employees.OBJECT, String.valueOf(employeeId),
                "contract " + contractId);
        return contract;
    }

    /** The work centre's CCC, as the organisation has it. */
    public String cccOf(EmploymentContract contract) {
        return workCentres.cccsById(tenant.id(), List.of(contract.getWorkCentreId())).get(contract.getWorkCentreId());
    }

    /**
     * @throws HubException
     *             every refusal of the data, each naming its field
     */
    public EmploymentContract create(long employeeId, ContractData data) {
        Employee employee = employees.find(employeeId);
        refuseForeignCentre(data);
        refuseUnknownProject(data.project);
        EmploymentContract contract = new EmploymentContract(employeeId, data, type(data), employee.getBirthDate());
        em.persist(contract);
        em.flush();
        audit.record(tenant.id(), CREATED, Employees.OBJECT, String.valueOf(employeeId), created(contract));
        return contract;
    }

    /**
     * Keeps contracts an import checked, of the organisation's employees and work centres as it looked them up: one
     * flush of {@link Flushes}.
     */
    public void createChecked(List<EmploymentContract> checked) {
        Flushes.keep(em, audit, tenant.id(), CREATED, Employees.OBJECT, checked,
                c -> new AuditTrail.Subject(String.valueOf(c.getEmployeeId()), created(c)));
    }

    private static String created(EmploymentContract contract) {
        return "contract " + contract.getId();
    }

    /**
     * @throws OptimisticLockException
     *             when the contract was changed since the version read
     * @throws HubException
     *             every refusal of the data, each naming its field
     */
    public EmploymentContract change(long employeeId, long contractId, int expectedVersion, ContractData data) {
        Employee employee = employees.find(employeeId);
        EmploymentContract contract = find(employeeId, contractId);
        if (contract.getVersion() != expectedVersion) {
            throw new OptimisticLockException(contract);
        }
        refuseForeignCentre(data);
        refuseUnknownProject(data.project);
        contract.write(data, type(data), employee.getBirthDate());
        // a change of the salary items alone is a new version of the contract too
        em.lock(contract, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(tenant.id(), "employee.contract.changed", Employees.OBJECT, String.valueOf(employeeId),
                "contract " + contractId);
        return contract;
    }

    /**
     * Ends the contract on its last day.
     *
     * @throws OptimisticLockException
     *             when the contract was changed since the version read
     */
    public EmploymentContract end(long employeeId, long contractId, int expectedVersion, LocalDate lastDay) {
        EmploymentContract contract = find(employeeId, contractId);
        if (contract.getVersion() != expectedVersion) {
            throw new OptimisticLockException(contract);
        }
        if (lastDay == null) {
            throw new InvalidContractException("endDate", "contract.end.date");
        }
        contract.end(lastDay);
        em.flush();
        audit.record(tenant.id(), "employee.contract.ended", Employees.OBJECT, String.valueOf(employeeId),
                "contract " + contractId + " ends " + lastDay);
        return contract;
    }

    private EmploymentContract find(long employeeId, long contractId) {
        employees.find(employeeId);
        EmploymentContract contract = em.find(EmploymentContract.class, contractId);
        if (contract == null || contract.getEmployeeId() != employeeId) {
            throw new NotFoundException("contract", contractId);
        }
        return contract;
    }

    private Optional<ContractType> type(ContractData data) {
        return data.contractType == null ? Optional.empty()
                : Optional.ofNullable(tables.contractTypes().get(data.contractType.strip()));
    }

    /**
     * A project named in the body or a row is looked up among the organisation's analytic projects by its code, as the
     * ledger looks up an analytic share's (DESIGN rule 1); none named is none charged.
     *
     * @throws InvalidContractException
     *             naming the field {@code project} when the organisation has no project of that code
     */
    public void refuseUnknownProject(String project) {
        String code = EmploymentContract.projectCode(project);
        if (code != null && analytics.projects().stream().noneMatch(p -> p.code().equals(code))) {
            throw new InvalidContractException("project", "contract.project.unknown", code);
        }
    }

    /** A work centre named in the body is looked up among the organisation's own (DESIGN rule 1). */
    private void refuseForeignCentre(ContractData data) {
        if (data.workCentreId != null && workCentres.cccsById(tenant.id(), List.of(data.workCentreId)).isEmpty()) {
            throw new InvalidContractException("workCentreId", "contract.workCentre.unknown",
                    String.valueOf(data.workCentreId));
        }
    }
}
