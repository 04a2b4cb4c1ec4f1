package coop.intercoop.hub.payroll.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.payroll.control.Contracts;
import coop.intercoop.hub.payroll.control.Employees;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * The organisation's employees ({@code /org/payroll/employees.xhtml}), for those who handle its personnel: the list
 * (NIF and names, as the API's list), a new employee through the same control and rules as the API, and one employee's
 * personal data and contracts, each such read recorded in the audit log as through the API.
 */
@Named
@ViewScoped
public class EmployeesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<Employees> employees;

    @Inject
    Instance<Contracts> contracts;

    @Inject
    Texts texts;

    private List<Employee> list = List.of();
    private EmployeeForm form = new EmployeeForm();
    private Employee shown;
    private List<EmploymentContract> shownContracts = List.of();

    @HandlesPersonnel
    public void load() {
        list = employees.get().all();
    }

    public void add() {
        form = new EmployeeForm();
    }

    @HandlesPersonnel
    public void save() {
        Employee created = employees.get().create(form);
        texts.inform("employees.created", created.getNif());
        form = new EmployeeForm();
        list = employees.get().all();
    }

    /** Shows one employee's personal data and contracts: two audited reads, as through the API. */
    @HandlesPersonnel
    public void show(long id) {
        shown = employees.get().read(id);
        shownContracts = contracts.get().of(id);
    }

    public List<Employee> getList() {
        return list;
    }

    public EmployeeForm getForm() {
        return form;
    }

    public Employee getShown() {
        return shown;
    }

    public List<EmploymentContract> getShownContracts() {
        return shownContracts;
    }
}
