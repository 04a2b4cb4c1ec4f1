package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.spreadsheet.control.Headers.Column;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.PostalCode;

/**
 * The organisation's employees from a workbook, one row per employee: identification, address, IBAN and the modelo 145
 * family situation with the employee's own disability. Each row is checked by {@link Employee}'s own rules and
 * identifiers, as the API checks a body, and each refusal written on the column of the field it names, in the job's
 * language. An employee whose NIF or NAF the organisation already has is refused on its row with the API's refusal (the
 * import adds employees; a change goes through the API or the portal, which carry the version read and the descendants
 * and ascendants a sheet does not). The rows are added through {@link Employees}, as from the API.
 */
@Dependent
public class EmployeesImport implements Importer {

    public static final String KIND = "payroll-employees";

    static final String TEXTS = "coop.intercoop.hub.payroll.control.imports";

    /** The column keys are the fields of {@link EmployeeData}, so that a refusal's field names its column. */
    private static final List<Column> COLUMNS = List.of(Column.required("nif", "nif", "nie", "nif/nie"),
            Column.required("naf", "naf", "nuss", "nº afiliación", "número de afiliación", "affiliation number"),
            Column.required("firstName", "nombre", "first name"),
            Column.required("lastName", "primer apellido", "apellido 1", "last name"),
            Column.optional("secondLastName", "segundo apellido", "apellido 2", "second last name"),
            Column.required("birthDate", "fecha de nacimiento", "nacimiento", "birth date").dates(),
            Column.required("address", "domicilio", "dirección", "direccion", "address"),
            Column.required("postalCode", "código postal", "codigo postal", "cp", "postal code"),
            Column.required("municipality", "municipio", "localidad", "municipality"), Column.required("iban", "iban"),
            Column.required("familySituation", "situación familiar", "situacion familiar", "family situation"),
            Column.optional("spouseNif", "nif cónyuge", "nif conyuge", "spouse nif"),
            Column.optional("disabilityDegree", "grado de discapacidad", "discapacidad", "disability degree"),
            Column.optional("disabilityFrom", "discapacidad desde", "disability from").dates(),
            Column.optional("disabilityEvidence", "acreditación discapacidad", "acreditacion discapacidad",
                    "disability evidence"));

    @Inject
    Tenant tenant;

    @Inject
    OrganisationAccess access;

    @Inject
    Employees employees;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String texts() {
        return TEXTS;
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
        example.put("nif", "12345678Z");
        example.put("naf", "281234567840");
        example.put("firstName", "Lucía");
        example.put("lastName", "García");
        example.put("secondLastName", "Pérez");
        example.put("birthDate", LocalDate.of(1990, 5, 17));
        example.put("address", "Calle Mayor 1, 2º");
        example.put("postalCode", "28013");
        example.put("municipality", "Madrid");
        example.put("iban", "ES9121000418450200051332");
        example.put("familySituation", 3);
        return new Template(Map.of("familySituation", List.of("1", "2", "3")), List.of(example));
    }

    @Override
    public Run start(ImportReport report) {
        LocalDate today = LocalDate.now();
        Map<String, Integer> nifs = new HashMap<>();
        Map<String, Integer> nafs = new HashMap<>();
        return new Run() {
            private Employees.Holders holders;
            private final Flushes<Employee> kept = new Flushes<>(employees::createChecked);

            @Override
            public void check(ImportRow row) {
                if (holders == null) {
                    access.enter(tenant.id());
                    holders = employees.holders();
                }
                EmployeeData data = data(row);
                if (data.nif == null || data.naf == null || data.iban == null || data.familySituation == null) {
                    // an empty or unreadable identifier was reported; the entity would only repeat it
                    return;
                }
                Employee employee;
                try {
                    employee = employees.checkNew(data, today, holders);
                } catch (HubException refused) {
                    refused.all().forEach(r -> row.error(r.field() == null ? "nif" : r.field(), r));
                    return;
                }
                Integer earlier = nifs.putIfAbsent(employee.getNif(), row.number());
                if (earlier != null) {
                    row.error("nif", "employee.repeated.nif", employee.getNif(), earlier);
                }
                earlier = nafs.putIfAbsent(employee.getNaf(), row.number());
                if (earlier != null) {
                    row.error("naf", "employee.repeated.naf", employee.getNaf(), earlier);
                }
            }

            @Override
            public void prepareWrite() {
                // entering the organisation in the write transaction points its persistence context there; an
                // employee registered since the checks is refused as the API refuses it
                access.enter(tenant.id());
                holders = employees.holders();
            }

            @Override
            public void write(ImportRow row) {
                kept.add(employees.checkNew(data(row), today, holders));
            }

            @Override
            public void finish() {
                kept.flush();
            }
        };
    }

    /** The row as the API's body; the lengths are the body's constraints. */
    static EmployeeData data(ImportRow row) {
        EmployeeData data = new EmployeeData();
        data.nif = row.requiredText("nif", 20);
        data.naf = row.requiredText("naf", 20);
        data.firstName = row.requiredText("firstName", 100);
        data.lastName = row.requiredText("lastName", 100);
        data.secondLastName = row.text("secondLastName", 100);
        data.birthDate = row.requiredDate("birthDate");
        data.address = row.requiredText("address", 300);
        data.postalCode = row.requiredText("postalCode", 5);
        if (data.postalCode != null && !PostalCode.valid(data.postalCode)) {
            row.error("postalCode", "employee.postalCode", data.postalCode);
        }
        data.municipality = row.requiredText("municipality", 100);
        data.iban = row.requiredText("iban", 40);
        data.familySituation = whole(row, "familySituation", true);
        data.spouseNif = row.text("spouseNif", 20);
        data.disabilityDegree = whole(row, "disabilityDegree", false);
        data.disabilityFrom = row.has("disabilityFrom") ? row.requiredDate("disabilityFrom") : null;
        data.disabilityEvidence = row.text("disabilityEvidence", 200);
        return data;
    }

    /** A whole number of a column; a fraction is an error of the column. */
    static Integer whole(ImportRow row, String key, boolean required) {
        if (!row.has(key)) {
            if (required) {
                row.requiredText(key, 1);
            }
            return null;
        }
        BigDecimal number = row.number(key);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            row.error(key, "value.whole", number);
            return null;
        }
    }
}
