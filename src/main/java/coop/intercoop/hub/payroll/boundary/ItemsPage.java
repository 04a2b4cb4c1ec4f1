package coop.intercoop.hub.payroll.boundary;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.payroll.control.Employees;
import coop.intercoop.hub.payroll.control.PayrollItems;
import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.control.RunInputs;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.ExemptSubkey;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * A month's items of the organisation's employees ({@code /org/payroll/items.xhtml}), for those who handle its
 * personnel: the month's items (overtime, variable pay, absences, sick leave, advances, a part-time contract's hours),
 * one added with the fields of its kind, one deleted, through the same control and checks as the API
 * ({@code …/payroll/items}) and the import: a month whose regular run is approved takes no change, a refusal is shown
 * next to its field. Reading the month's items is audited as through the API.
 */
@Named
@ViewScoped
public class ItemsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<PayrollItems> items;

    @Inject
    Instance<Employees> employees;

    @Inject
    Instance<PayrollTables> tables;

    @Inject
    Texts texts;

    private String month = YearMonth.now().toString();
    private List<PayrollItem> list = List.of();
    private Map<Long, String> names = Map.of();
    private ItemForm form;
    private List<ExemptSubkey> exemptSubkeys = List.of();

    @HandlesPersonnel
    public void load() {
        List<Employee> all = employees.get().all();
        names = all.stream().collect(Collectors.toMap(Employee::getId, RunInputs::name));
        exemptSubkeys = List.copyOf(tables.get().exemptSubkeys().values());
        show();
    }

    /** The items of the month typed. */
    @HandlesPersonnel
    public void show() {
        list = items.get().of(PayrollItem.month(month));
        form = null;
    }

    /** A new item of the month shown. */
    public void add() {
        form = new ItemForm(PayrollItem.month(month).toString());
    }

    @HandlesPersonnel
    public void save() {
        PayrollItem created = items.get().create(form.data());
        texts.inform("items.added", name(created.getEmployeeId()), created.getMonth().toString());
        show();
    }

    @HandlesPersonnel
    public void delete(PayrollItem item) {
        items.get().delete(item.getId());
        texts.inform("items.deleted", name(item.getEmployeeId()), item.getMonth().toString());
        show();
    }

    public void cancel() {
        form = null;
    }

    /** The employee as the payslip names them. */
    public String name(long employee) {
        return names.getOrDefault(employee, String.valueOf(employee));
    }

    public List<Map.Entry<Long, String>> getEmployees() {
        return names.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    }

    /** The subkeys of key L of modelo 190 an untaxed variable item is declared under. */
    public List<ExemptSubkey> getExemptSubkeys() {
        return exemptSubkeys;
    }

    public List<String> getKinds() {
        return Arrays.stream(PayrollItem.Kind.values()).map(PayrollItem.Kind::code).toList();
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public List<PayrollItem> getList() {
        return list;
    }

    public ItemForm getForm() {
        return form;
    }
}
