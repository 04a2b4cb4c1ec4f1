package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.InvalidContractException;
import coop.intercoop.hub.payroll.entity.PersonalNif;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.ImportTexts;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Employment contracts from a workbook, one row per contract of an employee the organisation already has, named by NIF:
 * the second sheet of an organisation's move into the hub, after {@link EmployeesImport}'s. The work centre is named by
 * its CCC, looked up among the organisation's own (DESIGN rule 1); the base salary becomes the contract's monthly base
 * salary item, and an extra payment its extra payment item: paid whole in the months written ({@code 6,12}), or
 * prorated, a monthly amount, without them; the project, optional, by its code among the organisation's analytic
 * projects. Each row is checked by {@link EmploymentContract}'s own rules, as the API checks a body, each refusal
 * written on the column of the field it names; the rows are added through {@link Contracts}.
 */
@Dependent
public class ContractsImport implements Importer {

    public static final String KIND = "payroll-contracts";

    private static final List<Column> COLUMNS = List.of(
            Column.required("employeeNif", "nif", "nif trabajador", "nif empleado", "employee nif"),
            Column.required("startDate", "fecha de alta", "alta", "inicio", "start date").dates(),
            Column.optional("endDate", "fecha de baja", "baja", "fin", "end date").dates(),
            Column.required("contractType", "tipo de contrato", "contrato", "contract type"),
            Column.optional("partTimeCoefficient", "coeficiente de parcialidad", "parcialidad",
                    "part-time coefficient"),
            Column.required("contributionGroup", "grupo de cotización", "grupo de cotizacion", "grupo",
                    "contribution group"),
            Column.optional("activityCode", "cnae", "actividad", "activity code"),
            Column.optional("occupationLetter", "ocupación", "ocupacion", "occupation letter"),
            Column.optional("agreementCode", "convenio", "agreement code"),
            Column.optional("professionalCategory", "categoría profesional", "categoria profesional", "categoría",
                    "categoria", "professional category"),
            Column.required("workCentre", "ccc", "centro de trabajo", "work centre"),
            Column.optional("project", "proyecto", "código de proyecto", "codigo de proyecto", "project"),
            Column.required("baseSalary", "salario base", "base salary").amounts(),
            Column.optional("extraPayment", "paga extra", "paga extraordinaria", "pagas extra", "extra payment")
                    .amounts(),
            Column.optional("extraPaymentMonths", "meses paga extra", "meses de la paga extra", "meses pagas extra",
                    "extra payment months"));

    @Inject
    Tenant tenant;

    @Inject
    OrganisationAccess access;

    @Inject
    Employees employees;

    @Inject
    Contracts contracts;

    @Inject
    PayrollTables tables;

    @Inject
    WorkCentres workCentres;

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
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("employeeNif", "12345678Z");
        example.put("startDate", LocalDate.now().withDayOfYear(1));
        example.put("contractType", "100");
        example.put("contributionGroup", 5);
        example.put("activityCode", "8899");
        example.put("agreementCode", "99100165012017");
        example.put("professionalCategory", "Técnico/a de integración social");
        example.put("workCentre", "28123456789");
        example.put("baseSalary", new BigDecimal("1600.00"));
        return new Template(Map.of("contractType", List.copyOf(tables.contractTypes().keySet())), List.of(example));
    }

    @Override
    public Run start(ImportReport report) {
        Map<String, ContractType> known = tables.contractTypes();
        return new Run() {
            private Lookups lookups;
            private final Flushes<EmploymentContract> kept = new Flushes<>(contracts::createChecked);

            @Override
            public void check(ImportRow row) {
                if (lookups == null) {
                    access.enter(tenant.id());
                    lookups = new Lookups(employees.byNif(), new HashMap<>());
                }
                Contract contract = contract(row, lookups);
                if (contract == null) {
                    return;
                }
                try {
                    contracts.refuseUnknownProject(contract.data().project);
                } catch (HubException refused) {
                    row.error("project", refused);
                }
                try {
                    contract.of(known);
                } catch (HubException refused) {
                    refused.all().forEach(r -> row.error(column(r.field()), r));
                }
            }

            @Override
            public void prepareWrite() {
                access.enter(tenant.id());
                lookups = new Lookups(employees.byNif(), new HashMap<>());
            }

            @Override
            public void write(ImportRow row) {
                kept.add(contract(row, lookups).of(known));
            }

            @Override
            public void finish() {
                kept.flush();
            }
        };
    }

    /**
     * What a run looks up, read once rather than per row: the organisation's employees by NIF, and its work centres by
     * CCC as the rows name them (null for a CCC it has not).
     */
    private record Lookups(Map<String, Employees.Named> employees, Map<String, Long> centres) {
    }

    private record Contract(Employees.Named employee, ContractData data) {
        /** The contract, checked by its own rules as the API's body is. */
        EmploymentContract of(Map<String, ContractType> known) {
            return new EmploymentContract(employee.id(), data, Optional.ofNullable(known.get(data.contractType)),
                    employee.birthDate());
        }
    }

    /** The row as the API's body, and the employee it is of; null when a column is wrong. */
    private Contract contract(ImportRow row, Lookups lookups) {
        String nifText = row.requiredText("employeeNif", 20);
        Employees.Named employee = null;
        if (nifText != null) {
            try {
                String nif = PersonalNif.of("employeeNif", nifText).value();
                employee = lookups.employees().get(nif);
                if (employee == null) {
                    row.error("employeeNif", "employee.unknown", nif);
                }
            } catch (HubException refused) {
                row.error("employeeNif", refused);
            }
        }
        ContractData data = new ContractData();
        data.startDate = row.requiredDate("startDate");
        data.endDate = row.has("endDate") ? row.requiredDate("endDate") : null;
        data.contractType = row.requiredText("contractType", 10);
        data.partTimeCoefficient = row.number("partTimeCoefficient");
        data.contributionGroup = EmployeesImport.whole(row, "contributionGroup", true);
        data.activityCode = row.text("activityCode", 10);
        data.occupationLetter = row.text("occupationLetter", 1);
        data.agreementCode = row.text("agreementCode", 20);
        data.professionalCategory = row.text("professionalCategory", 200);
        String ccc = row.requiredText("workCentre", 20);
        if (ccc != null) {
            data.workCentreId = lookups.centres().computeIfAbsent(ccc,
                    c -> workCentres.idsByCcc(tenant.id(), List.of(c)).get(c));
            if (data.workCentreId == null) {
                row.error("workCentre", "workCentre.unknown", ccc);
            }
        }
        data.project = row.text("project", 20);
        BigDecimal salary = row.number("baseSalary");
        if (salary == null && !row.has("baseSalary")) {
            row.requiredText("baseSalary", 1);
        }
        if (salary != null) {
            ContractData.SalaryItemData item = new ContractData.SalaryItemData();
            item.name = ImportTexts.format(EmployeesImport.TEXTS, row.language(), "salary.base");
            item.monthlyAmount = salary;
            item.kind = SalaryItem.Kind.BASE;
            data.salaryItems.add(item);
        }
        BigDecimal extra = row.number("extraPayment");
        String months = row.text("extraPaymentMonths", 40);
        if (extra != null) {
            ContractData.SalaryItemData item = new ContractData.SalaryItemData();
            item.name = ImportTexts.format(EmployeesImport.TEXTS, row.language(), "salary.extra");
            item.monthlyAmount = extra;
            item.kind = SalaryItem.Kind.EXTRA_PAYMENT;
            item.paidIn = months == null ? null : paidIn(row, item.name, months);
            data.salaryItems.add(item);
        } else if (months != null) {
            row.error("extraPaymentMonths", "import.extra.amount");
        }
        return row.failed() ? null : new Contract(employee, data);
    }

    /**
     * The months of an extra payment as the cell writes them, {@code 6,12} or {@code 6 y 12}; null when they do not
     * read.
     */
    private static List<Integer> paidIn(ImportRow row, String name, String text) {
        List<Integer> months = new ArrayList<>();
        for (String month : text.strip().split("\\s*(?:[,;/]|\\s+y\\s+|\\s+and\\s+|\\s)\\s*")) {
            if (!month.matches("\\d{1,2}")) {
                row.error("extraPaymentMonths", new InvalidContractException("salaryItems[1].paidIn",
                        "contract.item.paidIn.months", name, text));
                return null;
            }
            months.add(Integer.valueOf(month));
        }
        return months;
    }

    /**
     * The column of a refusal's field: the body's field names, but the work centre by CCC, the base salary's item and
     * the extra payment's, whose months have their own column.
     */
    private static String column(String field) {
        if (field == null) {
            return "employeeNif";
        }
        if (field.equals("workCentreId")) {
            return "workCentre";
        }
        if (field.startsWith("salaryItems[1]")) {
            return field.endsWith(".paidIn") ? "extraPaymentMonths" : "extraPayment";
        }
        return field.startsWith("salaryItems") ? "baseSalary" : field;
    }
}
