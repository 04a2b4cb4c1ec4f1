package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollItemData;
import coop.intercoop.hub.payroll.entity.PersonalNif;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.spreadsheet.control.Values;
import coop.intercoop.hub.spreadsheet.control.XlsxReader;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The month's variable items from a workbook (overtime, absences, bonuses, sick leave, advances, part-time hours): one
 * row per employee, month and item, the employee named by NIF among the organisation's. The month is any date in it.
 * Each row is checked by {@link PayrollItem}'s own rules and {@link PayrollItems}' (a month whose regular run is
 * approved, a kind the month has already), as the API checks a body, each refusal written on the column of the field it
 * names in the job's language; a kind that is once a month twice in the sheet is an error of the later row. The rows
 * are added through {@link PayrollItems}, as from the API.
 */
@Dependent
public class PayrollItemsImport implements Importer {

    public static final String KIND = "payroll-items";

    /** The column keys are the fields of {@link PayrollItemData}, so that a refusal's field names its column. */
    private static final List<Column> COLUMNS = List.of(
            Column.required("employeeNif", "nif", "nif trabajador", "nif empleado", "employee nif"),
            Column.required("month", "mes", "periodo", "período", "month").dates(),
            Column.required("kind", "tipo", "tipo de partida", "kind", "item kind"),
            Column.optional("concept", "concepto", "concept"), Column.optional("hours", "horas", "hours").amounts(),
            Column.optional("days", "días", "dias", "days"), Column.optional("amount", "importe", "amount").amounts(),
            Column.optional("forceMajeure", "fuerza mayor", "force majeure"),
            Column.optional("salary", "salarial", "salary"), Column.optional("contributes", "cotiza", "contributes"),
            Column.optional("taxed", "tributa irpf", "tributa", "taxed"),
            Column.optional("exemptSubkey", "subclave 190", "subclave exenta", "subclave l", "clave l",
                    "exempt subkey"),
            Column.optional("firstDay", "inicio de la baja", "leave first day", "first day").dates(),
            Column.optional("lastDay", "fin de la baja", "leave last day", "last day").dates(),
            Column.optional("previousBase", "base del mes anterior", "previous month base", "previous base").amounts(),
            Column.optional("previousDays", "días del mes anterior", "dias del mes anterior", "previous month days",
                    "previous days"),
            Column.optional("occupational", "contingencia profesional", "accidente de trabajo", "occupational"));

    @Inject
    Tenant tenant;

    @Inject
    OrganisationAccess access;

    @Inject
    Employees employees;

    @Inject
    PayrollItems items;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String texts() {
        return EmployeesImport.TEXTS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ORG_ADMIN, Role.ACCOUNTANT);
    }

    @Override
    public Template template(Locale language) {
        LocalDate month = YearMonth.now().atDay(1);
        Map<String, Object> overtime = new LinkedHashMap<>();
        overtime.put("employeeNif", "12345678Z");
        overtime.put("month", month);
        overtime.put("kind", PayrollItem.Kind.OVERTIME.code());
        overtime.put("hours", new BigDecimal("4.00"));
        overtime.put("amount", new BigDecimal("80.00"));
        Map<String, Object> bonus = new LinkedHashMap<>();
        bonus.put("employeeNif", "12345678Z");
        bonus.put("month", month);
        bonus.put("kind", PayrollItem.Kind.VARIABLE.code());
        bonus.put("concept", "Plus de productividad");
        bonus.put("amount", new BigDecimal("150.00"));
        return new Template(
                Map.of("kind", Arrays.stream(PayrollItem.Kind.values()).map(PayrollItem.Kind::code).toList()),
                List.of(overtime, bonus));
    }

    @Override
    public Run start(ImportReport report) {
        // the row of each kind that is once a month, by employee, month and kind
        Map<String, Integer> once = new HashMap<>();
        return new Run() {
            private Map<String, Employees.Named> byNif;
            private final Flushes<PayrollItem> kept = new Flushes<>(items::createChecked);
            private PayrollItems.Checks checks;

            @Override
            public void check(ImportRow row) {
                if (byNif == null) {
                    access.enter(tenant.id());
                    byNif = employees.byNif();
                    checks = items.checks(byNif.values());
                }
                Row item = item(row, byNif);
                if (item == null) {
                    return;
                }
                PayrollItem checked;
                try {
                    checked = checks.check(item.data());
                } catch (HubException refused) {
                    refused.all().forEach(r -> row.error(column(r.field()), r));
                    return;
                }
                if (checked.getKind().once()) {
                    Integer earlier = once.putIfAbsent(
                            checked.getEmployeeId() + " " + checked.getMonth() + " " + checked.getKind(), row.number());
                    if (earlier != null) {
                        row.error("kind", "item.repeated", item.nif(), checked.getKind().code(),
                                checked.getMonth().toString(), earlier);
                    }
                }
            }

            @Override
            public void prepareWrite() {
                access.enter(tenant.id());
                byNif = employees.byNif();
            }

            @Override
            public void write(ImportRow row) {
                kept.add(checks.check(item(row, byNif).data()));
            }

            @Override
            public void finish() {
                kept.flush();
            }
        };
    }

    record Row(String nif, PayrollItemData data) {
    }

    /** The row as the API's body, with its employee's NIF; null when a cell is wrong. */
    Row item(ImportRow row, Map<String, Employees.Named> byNif) {
        String nifText = row.requiredText("employeeNif", 20);
        String nif = null;
        PayrollItemData data = new PayrollItemData();
        if (nifText != null) {
            try {
                nif = PersonalNif.of("employeeNif", nifText).value();
                Employees.Named employee = byNif.get(nif);
                if (employee == null) {
                    row.error("employeeNif", "employee.unknown", nif);
                } else {
                    data.employeeId = employee.id();
                }
            } catch (HubException refused) {
                row.error("employeeNif", refused);
            }
        }
        LocalDate day = row.requiredDate("month");
        data.month = day == null ? null : YearMonth.from(day).toString();
        data.kind = row.requiredText("kind", 20);
        data.concept = row.text("concept", 100);
        data.hours = row.number("hours");
        data.days = EmployeesImport.whole(row, "days", false);
        data.amount = row.number("amount");
        data.forceMajeure = yesNo(row, "forceMajeure", false);
        data.salary = yesNo(row, "salary", true);
        data.contributes = yesNo(row, "contributes", true);
        data.taxed = yesNo(row, "taxed", true);
        data.exemptSubkey = EmployeesImport.whole(row, "exemptSubkey", false);
        data.firstDay = row.has("firstDay") ? row.requiredDate("firstDay") : null;
        data.lastDay = row.has("lastDay") ? row.requiredDate("lastDay") : null;
        data.previousBase = row.number("previousBase");
        data.previousDays = EmployeesImport.whole(row, "previousDays", false);
        data.occupational = yesNo(row, "occupational", false);
        return row.failed() ? null : new Row(nif, data);
    }

    /** Sí or no, as {@link Values#bool} reads them (yes or no, true or false, 1 or 0); an empty cell is the default. */
    static boolean yesNo(ImportRow row, String key, boolean empty) {
        String text = row.text(key, 20);
        if (text == null) {
            return empty;
        }
        try {
            return Values.bool(new XlsxReader.CellValue(XlsxReader.CellValue.Kind.TEXT, text, false));
        } catch (Values.ValueException e) {
            row.error(key, "value.yesNo", text);
            return false;
        }
    }

    /** The column of a refusal's field: the body's field names, but the employee by NIF. */
    private static String column(String field) {
        return field == null || field.equals("employeeId") ? "employeeNif" : field;
    }
}
