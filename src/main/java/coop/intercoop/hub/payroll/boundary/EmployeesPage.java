package coop.intercoop.hub.payroll.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.payroll.control.Contracts;
import coop.intercoop.hub.payroll.control.EmployeeUsers;
import coop.intercoop.hub.payroll.control.Employees;
import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.ExemptSubkey;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.boundary.AdministersOrganisation;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * The organisation's employees ({@code /org/payroll/employees.xhtml}), for those who handle its personnel: the list
 * (NIF and names, as the API's list), a new employee through the same control and rules as the API, and one employee's
 * personal data and contracts, each such read recorded in the audit log as through the API; the employee shown is
 * changed (personal and modelo 145 data, descendants and ascendants, flags) with the version read, as through the API.
 * The employee's contracts are registered, changed (with the version read) and ended there through the same control as
 * the API; an org-admin links the employee to a member of the organisation, who then reads the employee's own payslips.
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
    Instance<EmployeeUsers> links;

    @Inject
    Instance<WorkCentres> workCentres;

    @Inject
    Instance<PayrollTables> tables;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    private List<Employee> list = List.of();
    private EmployeeForm form = new EmployeeForm();
    private Employee shown;
    private List<EmploymentContract> shownContracts = List.of();
    private ContractForm contractForm = new ContractForm();
    private EmploymentContract ending;
    private LocalDate endDate;
    private List<WorkCentre> centres = List.of();
    private List<ContractType> contractTypes = List.of();
    private List<ExemptSubkey> exemptSubkeys = List.of();
    private String linkedUser;
    private String username;

    @HandlesPersonnel
    public void load() {
        list = employees.get().all();
    }

    public void add() {
        form = new EmployeeForm();
    }

    /** The form of the employee shown, as it was read: saving it is a change of that version. */
    @HandlesPersonnel
    public void change() {
        form = EmployeeForm.of(shown);
    }

    /** Registers the new employee, or changes the one shown with the version it was read with. */
    @HandlesPersonnel
    public void save() {
        if (form.isNew()) {
            Employee created = employees.get().create(form);
            texts.inform("employees.created", created.getNif());
        } else {
            shown = employees.get().change(shown.getId(), form.version, form);
            texts.inform("employees.changed", shown.getNif());
        }
        form = new EmployeeForm();
        list = employees.get().all();
    }

    /** Shows one employee's personal data and contracts: two audited reads, as through the API. */
    @HandlesPersonnel
    public void show(long id) {
        shown = employees.get().read(id);
        shownContracts = contracts.get().of(id);
        contractForm = new ContractForm();
        if (tenant.may(AdministersOrganisation.class)) {
            linkedUser = links.get().userOf(id).orElse(null);
            username = linkedUser;
        }
    }

    /** The form of a new contract of the employee shown, with the organisation's work centres and contract keys. */
    @HandlesPersonnel
    public void addContract() {
        contractForm = new ContractForm();
        choices();
    }

    /** The form of a contract of the employee shown, as it was read: saving it is a change of that version. */
    @HandlesPersonnel
    public void changeContract(EmploymentContract contract) {
        contractForm = ContractForm.of(contract);
        choices();
    }

    @HandlesPersonnel
    public void saveContract() {
        Contracts control = contracts.get();
        long employee = shown.getId();
        if (contractForm.isNew()) {
            control.create(employee, contractForm.data());
            texts.inform("contracts.created");
        } else {
            control.change(employee, contractForm.getContractId(), contractForm.version, contractForm.data());
            texts.inform("contracts.changed");
        }
        contractForm = new ContractForm();
        shownContracts = control.of(employee);
    }

    /** Asks for the last day of a contract. */
    public void askEnd(EmploymentContract contract) {
        ending = contract;
        endDate = contract.getEndDate();
    }

    /** Ends the contract asked about on its last day, with the version its row was read with. */
    @HandlesPersonnel
    public void endContract() {
        Contracts control = contracts.get();
        control.end(shown.getId(), ending.getId(), ending.getVersion(), endDate);
        texts.inform("contracts.ended", endDate);
        ending = null;
        shownContracts = control.of(shown.getId());
    }

    /** Links the employee shown to the member with the username given (org-admin only). */
    @AdministersOrganisation
    public void link() {
        linkedUser = links.get().link(shown.getId(), username);
        texts.inform("employees.linked", linkedUser);
    }

    /** Ends the link of the employee shown: their user reads none of their payslips from now on (org-admin only). */
    @AdministersOrganisation
    public void unlink() {
        links.get().unlink(shown.getId());
        texts.inform("employees.unlinked", linkedUser);
        linkedUser = null;
        username = null;
    }

    private void choices() {
        centres = workCentres.get().all();
        contractTypes = tables.get().contractTypes().values().stream().sorted(Comparator.comparing(ContractType::code))
                .toList();
        exemptSubkeys = List.copyOf(tables.get().exemptSubkeys().values());
    }

    /** Whether the caller may link the employee to a user: the organisation's administrators decide. */
    public boolean isLinking() {
        return tenant.may(AdministersOrganisation.class);
    }

    public ContractForm getContractForm() {
        return contractForm;
    }

    public EmploymentContract getEnding() {
        return ending;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public List<WorkCentre> getCentres() {
        return centres;
    }

    public List<ContractType> getContractTypes() {
        return contractTypes;
    }

    /** The subkeys of key L of modelo 190 an untaxed salary item is declared under. */
    public List<ExemptSubkey> getExemptSubkeys() {
        return exemptSubkeys;
    }

    public List<SalaryItem.Kind> getItemKinds() {
        return List.of(SalaryItem.Kind.values());
    }

    /** The months an extra payment may be paid in, by number, named in the page's language. */
    public List<SelectItem> getPayMonths() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Arrays.stream(Month.values())
                .map(m -> new SelectItem(m.getValue(), m.getDisplayName(TextStyle.FULL_STANDALONE, locale))).toList();
    }

    public String getLinkedUser() {
        return linkedUser;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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
