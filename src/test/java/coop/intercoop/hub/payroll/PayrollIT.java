package coop.intercoop.hub.payroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * Employees and their contracts through the API: personal data for org-admins and accountants only, reads audited; and
 * the monthly run: calculated as a job, approved (then immutable in the database), posted and printed.
 */
@ExtendWith(ArquillianExtension.class)
class PayrollIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** An organisation with an accountant (and org-admin) and a work centre. */
    private record Payroll(HubClient client, long org, String token, long centre, String ccc) {
        String path() {
            return "api/v1/orgs/" + org + "/payroll/employees";
        }
    }

    private Payroll payroll() {
        Books books = Books.open(base, "pgc-esfl", "Payroll");
        JsonObject centre = books.client().createWorkCentre(books.token(), books.orgId(), "Centro de día");
        return new Payroll(books.client(), books.orgId(), books.token(), centre.getJsonNumber("id").longValue(),
                centre.getString("ccc"));
    }

    private static JsonObjectBuilder employee() {
        return Json.createObjectBuilder().add("nif", "12345678Z").add("naf", "281234567840").add("firstName", "Ana")
                .add("lastName", "García").add("secondLastName", "López").add("birthDate", "1990-05-17")
                .add("address", "Calle Mayor 1").add("postalCode", "28013").add("municipality", "Madrid")
                .add("iban", "ES91 2100 0418 4502 0005 1332").add("familySituation", 2).add("spouseNif", "X1234567L")
                .add("descendants", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("birthYear", 2018).add("byHalves", true)));
    }

    private static JsonObjectBuilder contract(long centre) {
        return Json.createObjectBuilder().add("startDate", "2026-01-01").add("contractType", "502")
                .add("partTimeCoefficient", 0.5).add("contributionGroup", 5).add("activityCode", "8891")
                .add("agreementCode", "99015725012012").add("professionalCategory", "Técnica de integración social")
                .add("workCentreId", centre).add("salaryItems", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Salario base").add("monthlyAmount", 800).add("kind", "BASE")));
    }

    private static Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }

    private static long id(Reply reply) {
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Ana, single with no descendants (family situation 3): one rate of the IRPF's simplest case. */
    private static long single(Payroll p) {
        return id(expect(201, p.client().post(p.path(), p.token(), employee().add("familySituation", 3)
                .addNull("spouseNif").add("descendants", Json.createArrayBuilder()).build().toString())));
    }

    private long createEmployee(Payroll p) {
        return id(expect(201, p.client().post(p.path(), p.token(), employee().build().toString())));
    }

    @Test
    void anEmployeeAndAContractAreCreatedReadChangedAndEnded() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        JsonObject read = expect(200, c.get(p.path() + "/" + employee, p.token())).json();
        assertEquals("ES9121000418450200051332", read.getString("iban"));
        assertEquals("X1234567L", read.getString("spouseNif"));
        assertEquals(2018, read.getJsonArray("descendants").getJsonObject(0).getInt("birthYear"));
        assertFalse(read.getBoolean("disability33"));

        JsonObject listed = expect(200, c.get(p.path(), p.token())).array().getJsonObject(0);
        assertEquals(List.of("firstName", "id", "lastName", "nif", "secondLastName", "version"),
                listed.keySet().stream().sorted().toList(), "the list carries no personal data beyond names and NIF");

        String changed = employee().add("familySituation", 3).addNull("spouseNif").add("disabilityDegree", 65)
                .add("disabilityFrom", "2026-02-01").add("disabilityEvidence", "Resolución 28/1/2026")
                .add("version", read.getInt("version")).build().toString();
        JsonObject afterChange = expect(200, c.put(p.path() + "/" + employee, p.token(), changed)).json();
        assertEquals(3, afterChange.getInt("familySituation"));
        assertTrue(afterChange.getBoolean("disability65"));
        assertEquals(read.getInt("version") + 1, afterChange.getInt("version"));

        String contracts = p.path() + "/" + employee + "/contracts";
        JsonObject created = expect(201, c.post(contracts, p.token(), contract(p.centre()).build().toString())).json();
        assertEquals(p.ccc(), created.getString("workCentreCcc"));
        assertEquals("0.5000", created.getJsonNumber("partTimeCoefficient").bigDecimalValue().toPlainString());
        String contract = contracts + "/" + created.getJsonNumber("id").longValue();
        JsonObject raised = expect(200, c.put(contract, p.token(), contract(p.centre()).add("partTimeCoefficient", 0.75)
                .add("version", created.getInt("version")).build().toString())).json();
        assertEquals("0.7500", raised.getJsonNumber("partTimeCoefficient").bigDecimalValue().toPlainString());
        JsonObject ended = expect(200, c.post(contract + "/end", p.token(),
                "{\"endDate\":\"2026-06-30\",\"version\":" + raised.getInt("version") + "}")).json();
        assertEquals("2026-06-30", ended.getString("endDate"));
        JsonArray all = expect(200, c.get(contracts, p.token())).array();
        assertEquals(1, all.size());
        assertEquals("2026-06-30", all.getJsonObject(0).getString("endDate"));
        assertEquals("Salario base",
                all.getJsonObject(0).getJsonArray("salaryItems").getJsonObject(0).getString("name"));
    }

    @Test
    void aChangeOnAStaleVersionIsAConflict() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        String path = p.path() + "/" + employee;
        int read = c.get(path, p.token()).json().getInt("version");
        expect(200, c.put(path, p.token(),
                employee().add("firstName", "Ana María").add("version", read).build().toString()));
        expect(409,
                c.put(path, p.token(), employee().add("firstName", "Anita").add("version", read).build().toString()));
        assertEquals("Ana María", c.get(path, p.token()).json().getString("firstName"));

        JsonObject created = expect(201,
                c.post(path + "/contracts", p.token(), contract(p.centre()).build().toString())).json();
        String contract = path + "/contracts/" + created.getJsonNumber("id").longValue();
        int contractRead = created.getInt("version");
        expect(200,
                c.post(contract + "/end", p.token(), "{\"endDate\":\"2026-03-31\",\"version\":" + contractRead + "}"));
        expect(409, c.put(contract, p.token(), contract(p.centre()).add("version", contractRead).build().toString()));
        assertEquals("2026-03-31", c.get(contract, p.token()).json().getString("endDate"));
    }

    @Test
    void aSecondEmployeeWithTheSameNifOrNafIsAConflictNamingTheField() {
        Payroll p = payroll();
        HubClient c = p.client();
        createEmployee(p);
        JsonObject nif = expect(409,
                c.post(p.path(), p.token(), employee().add("naf", "280123456742").build().toString())).json();
        assertEquals("nif", nif.getString("field"));
        assertEquals("This organisation already has an employee with the NIF 12345678Z.", nif.getString("detail"));
        JsonObject naf = expect(409, c.post(p.path(), p.token(), employee().add("nif", "00000023T").build().toString()))
                .json();
        assertEquals("naf", naf.getString("field"));
        assertEquals(1, c.get(p.path(), p.token()).array().size());
        Payroll other = payroll();
        expect(201, other.client().post(other.path(), other.token(), employee().build().toString()));
    }

    @Test
    void aStaffMemberReachesNoEmployee() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        String admin = c.adminToken();
        String staff = HubClient.unique("staff");
        c.createUser(admin, staff, Books.PASSWORD);
        c.grant(admin, p.org(), staff, "staff");
        String token = c.token(staff, Books.PASSWORD);
        expect(403, c.get(p.path(), token));
        expect(403, c.get(p.path() + "/" + employee, token));
        expect(403, c.get(p.path() + "/" + employee + "/contracts", token));
        Reply refused = expect(403, c.post(p.path(), token, employee().add("nif", "00000023T").build().toString()));
        assertFalse(refused.body().contains("12345678Z"), refused.body());
        assertEquals(1, c.get(p.path(), p.token()).array().size());
    }

    @Test
    void aWrongNifNafOrIbanIsRefusedNamingTheFieldInEnglishAndSpanishWithNothingWritten() {
        Payroll p = payroll();
        HubClient c = p.client();
        JsonObject nif = expect(400, c.post(p.path(), p.token(), employee().add("nif", "12345678A").build().toString()))
                .json();
        assertEquals("nif", nif.getString("field"));
        assertEquals("12345678A is not a valid NIF or NIE: its control letter should be Z.", nif.getString("detail"));
        Reply spanish = c.raw("POST", p.path(), p.token(),
                employee().add("naf", "281234567841").build().toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Accept-Language", "es-ES,es;q=0.9");
        assertEquals(400, spanish.status(), spanish.body());
        assertEquals("naf", spanish.json().getString("field"));
        assertEquals("281234567841 no es un número de la Seguridad Social (NAF) válido: sus dígitos de control "
                + "deberían ser 40.", spanish.json().getString("detail"));
        JsonObject iban = expect(400,
                c.post(p.path(), p.token(), employee().add("iban", "ES2921000418460200051332").build().toString()))
                        .json();
        assertEquals("iban", iban.getString("field"));
        JsonObject all = expect(400,
                c.post(p.path(), p.token(),
                        employee().add("nif", "B12345674").add("iban", "ES9221000418450200051332").build().toString()))
                                .json();
        assertEquals(List.of("nif", "iban"), all.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, c.get(p.path(), p.token()).array(), "nothing was written");
    }

    @Test
    void aContractAtAnotherOrganisationsWorkCentreIsRefused() {
        Payroll p = payroll();
        Payroll other = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        String contracts = p.path() + "/" + employee + "/contracts";
        JsonObject refused = expect(400, c.post(contracts, p.token(), contract(other.centre()).build().toString()))
                .json();
        assertEquals("workCentreId", refused.getString("field"));
        assertEquals("The work centre " + other.centre() + " is not one of this organisation's.",
                refused.getString("detail"));
        assertEquals(0, c.get(contracts, p.token()).array().size());
    }

    @Test
    void eachReadOfAnEmployeesPersonalDataIsAuditedNamingTheEmployeeNotTheData() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        expect(200, c.get(p.path(), p.token()));
        expect(200, c.get(p.path() + "/" + employee, p.token()));
        expect(200, c.get(p.path() + "/" + employee, p.token()));
        Reply audit = expect(200, c.get("api/v1/orgs/" + p.org() + "/audit?max=200", p.token()));
        List<JsonObject> reads = audit.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("employee.read")).toList();
        assertEquals(2, reads.size(), audit.body());
        for (JsonObject read : reads) {
            assertEquals("employee", read.getString("objectType"));
            assertEquals(String.valueOf(employee), read.getString("objectId"));
        }
        for (String personal : List.of("12345678Z", "281234567840", "ES9121000418450200051332", "García")) {
            assertFalse(audit.body().contains(personal), "the audit log holds no personal data: " + personal);
        }
    }

    /** Open-ended (100), full time, group 5, CNAE 88, base salary 1.500 and a complement of 500: issue 19's example. */
    private static JsonObjectBuilder fullTime(long centre) {
        return Json.createObjectBuilder().add("startDate", "2020-01-01").add("contractType", "100")
                .add("contributionGroup", 5).add("activityCode", "88").add("agreementCode", "99015725012012")
                .add("professionalCategory", "Educadora social").add("workCentreId", centre)
                .add("salaryItems", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 1500)
                                .add("kind", "BASE").add("contributes", true).add("taxed", true))
                        .add(Json.createObjectBuilder().add("name", "Complemento de puesto").add("monthlyAmount", 500)
                                .add("kind", "COMPLEMENT").add("contributes", true).add("taxed", true)));
    }

    private String runs(Payroll p) {
        return "api/v1/orgs/" + p.org() + "/payroll/runs";
    }

    /** The month items' collection of the organisation. */
    private static String items(Payroll p) {
        return "api/v1/orgs/" + p.org() + "/payroll/items";
    }

    /** Two employees' ids. */
    private record Staff(long fullTime, long partTime) {
    }

    /**
     * Ana, full time (contract 100 from 2020, 1.500,00 + 500,00), and Luis, part time (502, 0,5 of a full-time base
     * salary of 800,00, from 2026-01-01).
     */
    private static Staff fullAndPartTime(Payroll p) {
        HubClient c = p.client();
        long fullTime = id(expect(201, c.post(p.path(), p.token(), employee().build().toString())));
        expect(201,
                c.post(p.path() + "/" + fullTime + "/contracts", p.token(), fullTime(p.centre()).build().toString()));
        long partTime = id(expect(201, c.post(p.path(), p.token(), employee().add("nif", "00000023T")
                .add("naf", "280123456742").add("firstName", "Luis").build().toString())));
        expect(201,
                c.post(p.path() + "/" + partTime + "/contracts", p.token(), contract(p.centre()).build().toString()));
        return new Staff(fullTime, partTime);
    }

    /** Starts the run of a month and waits for its job's end. */
    private JsonObject run(Payroll p, String month) {
        Reply started = expect(202, p.client().post(runs(p), p.token(), "{\"month\":\"" + month + "\"}"));
        assertEquals("draft", started.json().getString("state"));
        return p.client().finishedJob(runs(p) + "/" + id(started), p.token());
    }

    /** Approves a calculated run with the version it was read with. */
    private JsonObject approve(Payroll p, JsonObject run) {
        return expect(200, p.client().post(runs(p) + "/" + run.getJsonNumber("id").longValue() + "/approve", p.token(),
                "{\"version\":" + run.getInt("version") + "}")).json();
    }

    private static JsonObject line(JsonObject employee, String kind, String concept) {
        return employee.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("kind").equals(kind) && l.getString("concept").equals(concept)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + kind + " " + concept + " in " + employee));
    }

    private static void assertAmount(String expected, JsonObject json, String field) {
        assertEquals(new BigDecimal(expected).setScale(2), json.getJsonNumber(field).bigDecimalValue().setScale(2),
                field + " of " + json);
    }

    @Test
    void aMarchRunIsCalculatedApprovedImmutablePostedAndPrinted() throws SQLException {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        expect(201,
                c.post(p.path() + "/" + employee + "/contracts", p.token(), fullTime(p.centre()).build().toString()));

        JsonObject calculated = run(p, "2026-03");
        assertEquals("succeeded", calculated.getString("status"), calculated.toString());
        assertEquals("calculated", calculated.getString("state"));
        long run = calculated.getJsonNumber("id").longValue();
        String path = runs(p) + "/" + run;
        JsonObject detail = expect(200, c.get(path, p.token())).json();
        JsonObject paid = detail.getJsonArray("breakdown").getJsonObject(0);
        assertEquals(employee, paid.getJsonNumber("employeeId").longValue());
        assertEquals(p.ccc(), paid.getString("workCentreCcc"));
        assertAmount("2000.00", paid, "gross");
        assertAmount("2000.00", paid, "commonBase");
        // issue 19's first example; Orden PJC/297/2026 (BOE-A-2026-7296) art. 4.a: 23,60 + 4,70 % on 2.000,00
        JsonObject common = line(paid, "employer_contribution", "common");
        assertAmount("2000.00", common, "base");
        assertEquals(0, new BigDecimal("23.60").compareTo(common.getJsonNumber("rate").bigDecimalValue()));
        assertAmount("472.00", common, "amount");
        assertEquals("BOE-A-2026-7296 art. 4.a", common.getString("source"));
        assertAmount("110.00", line(paid, "employer_contribution", "unemployment-open-ended"), "amount");
        assertAmount("4.00", line(paid, "employer_contribution", "fogasa"), "amount");
        assertAmount("12.00", line(paid, "employer_contribution", "training"), "amount");
        assertAmount("15.00", line(paid, "employer_contribution", "mei"), "amount");
        assertAmount("94.00", line(paid, "deduction", "common"), "amount");
        assertAmount("31.00", line(paid, "deduction", "unemployment-open-ended"), "amount");
        assertAmount("2.00", line(paid, "deduction", "training"), "amount");
        assertAmount("3.00", line(paid, "deduction", "mei"), "amount");
        assertAmount("130.00", paid, "employeeContributions");
        // CNAE 88, Cuadro I of LGSS disp. adic. 61: 0,80 + 0,70 % on 2.000,00
        assertAmount("643.00", paid, "employerContributions");
        BigDecimal withheld = paid.getJsonNumber("withheld").bigDecimalValue();
        assertAmount(new BigDecimal("2000.00").subtract(new BigDecimal("130.00")).subtract(withheld).toPlainString(),
                paid, "net");
        expect(409, c.post(runs(p), p.token(), "{\"month\":\"2026-03\"}"));

        int version = detail.getInt("version");
        expect(409, c.post(path + "/post", p.token(), "{\"version\":" + version + "}"));
        JsonObject approved = expect(200, c.post(path + "/approve", p.token(), "{\"version\":" + version + "}")).json();
        assertEquals("approved", approved.getString("state"));
        expect(409, c.post(path + "/recalculate", p.token(), "{\"version\":" + approved.getInt("version") + "}"));

        long org = p.org();
        String runRow = "payroll_run WHERE org_id = " + org + " AND id = " + run;
        String employees = "payroll_run_employee WHERE org_id = " + org + " AND run_id = " + run;
        String lines = "payroll_run_line WHERE org_id = " + org + " AND run_id = " + run;
        try (Connection db = TestDatabase.connect()) {
            List<List<List<String>>> before = List.of(rows(db, runRow), rows(db, employees), rows(db, lines));
            refused(db, "UPDATE " + runRow.replace(" WHERE", " SET gross = gross + 1 WHERE"),
                    "An approved payroll run cannot be changed");
            refused(db, "UPDATE " + runRow.replace(" WHERE", " SET state = 'calculated' WHERE"),
                    "An approved payroll run cannot be changed");
            refused(db, "DELETE FROM " + runRow, "An approved payroll run cannot be deleted");
            refused(db, "UPDATE " + employees.replace(" WHERE", " SET net = 0 WHERE"),
                    "An employee of an approved payroll run cannot be changed");
            refused(db, "DELETE FROM " + employees, "An employee of an approved payroll run cannot be deleted");
            refused(db, "UPDATE " + lines.replace(" WHERE", " SET amount = amount + 1 WHERE"),
                    "A line of an approved payroll run cannot be changed");
            refused(db, "DELETE FROM " + lines, "A line of an approved payroll run cannot be deleted");
            refused(db,
                    "INSERT INTO payroll_run_line (org_id, run_id, employee_id, position, kind, concept, amount,"
                            + " source, source_status) VALUES (" + org + ", " + run + ", " + employee
                            + ", 999, 'SALARY', 'bonus', 100, 'x', 'verified')",
                    "An approved payroll run cannot be given another line");
            assertEquals(before, List.of(rows(db, runRow), rows(db, employees), rows(db, lines)));
        }

        // the books refuse: no year 2026 yet (the ledger's 400), then the month's end soft-locked (409); named
        String step = "{\"version\":" + approved.getInt("version") + "}";
        JsonObject noYear = expect(400, c.post(path + "/post", p.token(), step)).json();
        assertEquals("No open fiscal year of this organisation contains 31/03/2026; open its fiscal year first.",
                noYear.getString("detail"));
        expect(201, c.post("api/v1/orgs/" + org + "/accounting/fiscal-years", p.token(), "{\"year\":2026}"));
        String locks = "api/v1/orgs/" + org + "/accounting/locks";
        JsonObject locked = expect(200, c.put(locks, p.token(), "{\"softLock\":\"2026-03-31\",\"version\":0}")).json();
        JsonObject softLocked = expect(409, c.post(path + "/post", p.token(), step)).json();
        assertTrue(softLocked.getString("detail").contains("31/03/2026"), softLocked.toString());
        assertEquals("approved", expect(200, c.get(path, p.token())).json().getString("state"));
        expect(200, c.put(locks, p.token(), "{\"version\":" + locked.getInt("version") + "}"));
        JsonObject posted = expect(200,
                c.post(path + "/post", p.token(), "{\"version\":" + approved.getInt("version") + "}")).json();
        assertEquals("posted", posted.getString("state"));
        expect(409, c.post(path + "/post", p.token(), "{\"version\":" + posted.getInt("version") + "}"));
        JsonObject entry = expect(200, c.get(
                "api/v1/orgs/" + org + "/accounting/entries/" + posted.getJsonNumber("entryId").longValue(), p.token()))
                        .json();
        assertEquals("2026-03-31", entry.getString("date"));
        assertEquals("PAYROLL", entry.getString("journal"));
        Map<String, BigDecimal> debits = new TreeMap<>();
        Map<String, BigDecimal> credits = new TreeMap<>();
        for (JsonObject l : entry.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            if (amount(l, "debit").signum() != 0) {
                debits.merge(l.getString("account"), l.getJsonNumber("debit").bigDecimalValue(), BigDecimal::add);
                assertEquals(p.ccc(), l.getJsonArray("analytic").getJsonObject(0).getString("code"),
                        "the work centre's share of " + l + " in " + entry);
            }
            if (amount(l, "credit").signum() != 0) {
                credits.merge(l.getString("account"), l.getJsonNumber("credit").bigDecimalValue(), BigDecimal::add);
            }
        }
        assertEquals(List.of("640", "642"), List.copyOf(debits.keySet()));
        assertEquals(0, new BigDecimal("2000.00").compareTo(debits.get("640")));
        assertEquals(0, new BigDecimal("643.00").compareTo(debits.get("642")));
        assertEquals(0, new BigDecimal("773.00").compareTo(credits.get("476")), "643,00 + 130,00");
        assertEquals(0, withheld.compareTo(credits.getOrDefault("4751", BigDecimal.ZERO)));
        assertEquals(0, paid.getJsonNumber("net").bigDecimalValue().compareTo(credits.get("465")));
        assertEquals(0, debits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)), "the entry balances");

        for (String pdf : List.of(path + "/payslips.pdf", path + "/employees/" + employee + "/payslip.pdf")) {
            Reply reply = c.get(pdf, p.token(), Map.of("Accept", "application/pdf"));
            assertEquals(200, reply.status(), reply.body());
            assertEquals("application/pdf", reply.contentType());
            assertTrue(reply.body().startsWith("%PDF"), pdf);
        }
        expect(404, c.get(path + "/employees/" + (employee + 1000000) + "/payslip.pdf", p.token()));
        Payroll other = payroll();
        expect(404, other.client().get(runs(other) + "/" + run, other.token()));
        expect(404, other.client().get(runs(other) + "/" + run + "/payslips.pdf", other.token()));
        expect(404, other.client().post(runs(other) + "/" + run + "/approve", other.token(), "{\"version\":0}"));
    }

    /**
     * Arrears (atrasos): March 2026 is paid while the installed rates are still 2025's MEI (0,67 + 0,13 %, Orden
     * PJC/178/2025, BOE-A-2025-3780, art. 16) and approved under them; then the rules in force (MEI 0,75 + 0,15 %,
     * Orden PJC/297/2026, BOE-A-2026-7296, art. 16, and RDL 3/2026 art. 3.2) are installed and the complement is raised
     * from 500,00 to 550,00 from January. A complementary run paid in April recalculates March and pays the
     * differences, each line with the month earned, the figures paid and due, and their sources; it is approved and
     * posted, and April's regular run regularises the rate because the expected pay changed (RIRPF art. 87.2.3.º).
     */
    @Test
    void aComplementaryRunPaysTheArrearsOfAMonthPaidUnderAnOldRuleFileAndIsPosted() throws Exception {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        String contracts = p.path() + "/" + employee + "/contracts";
        JsonObject contract = expect(201, c.post(contracts, p.token(), fullTime(p.centre()).build().toString())).json();
        // overtime of March: the complementary run reads the month's items as March's run read them, so the overtime
        // makes no difference of its own
        expect(201, c.post(items(p), p.token(), "{\"employeeId\":" + employee
                + ",\"month\":\"2026-03\",\"kind\":\"overtime\",\"hours\":4,\"amount\":80}"));

        Path rates = TestDatabase.payrollRules().resolve("contribution-rates.csv");
        String installed = Files.readString(rates, StandardCharsets.UTF_8);
        String mei2026 = "2026-01-01;;mei;0.75;0.15;verified;BOE-A-2026-7296 art. 16; BOE-A-2026-2548 art. 3.2";
        assertTrue(installed.contains(mei2026), "the installed 2026 MEI row");
        JsonObject march;
        try {
            Files.writeString(rates,
                    installed.replace(mei2026, "2026-01-01;;mei;0.67;0.13;verified;BOE-A-2025-3780 art. 16"),
                    StandardCharsets.UTF_8);
            march = run(p, "2026-03");
            // approved under those rules: approval compares the run with what the rules installed give
            approve(p, march);
        } finally {
            Files.writeString(rates, installed, StandardCharsets.UTF_8);
        }
        assertEquals("succeeded", march.getString("status"), march.toString());
        String marchPath = runs(p) + "/" + march.getJsonNumber("id").longValue();
        JsonObject paidMarch = expect(200, c.get(marchPath, p.token())).json().getJsonArray("breakdown")
                .getJsonObject(0);
        assertAmount("13.40", line(paidMarch, "employer_contribution", "mei"), "amount");
        assertAmount("80.00", line(paidMarch, "salary", "overtime-other"), "amount");
        JsonObject irpf = paidMarch.getJsonObject("irpf");
        assertEquals("first", irpf.getString("reason"));
        BigDecimal rate = irpf.getJsonNumber("rate").bigDecimalValue();
        JsonObject raised = expect(200,
                c.put(contracts + "/" + contract.getJsonNumber("id").longValue(), p.token(), fullTime(p.centre())
                        .add("salaryItems", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 1500)
                                        .add("kind", "BASE").add("contributes", true).add("taxed", true))
                                .add(Json.createObjectBuilder().add("name", "Complemento de puesto")
                                        .add("monthlyAmount", 550).add("kind", "COMPLEMENT").add("contributes", true)
                                        .add("taxed", true)))
                        .add("version", contract.getInt("version")).build().toString())).json();

        // refused, naming the field, nothing started: a month without an approved regular run, a kind, two years
        JsonObject unapproved = expect(409,
                c.post(runs(p), p.token(),
                        "{\"month\":\"2026-04\",\"kind\":\"complementary\",\"from\":\"2026-02\",\"to\":\"2026-03\"}"))
                                .json();
        assertEquals("2026-02 has no approved regular payroll run: calculate and approve it before recalculating it.",
                unapproved.getString("detail"));
        assertEquals("kind", expect(400, c.post(runs(p), p.token(), "{\"month\":\"2026-04\",\"kind\":\"extra\"}"))
                .json().getString("field"));
        assertEquals("to",
                expect(400, c.post(runs(p), p.token(),
                        "{\"month\":\"2026-04\",\"kind\":\"complementary\",\"from\":\"2025-12\",\"to\":\"2026-03\"}"))
                                .json().getString("field"));
        assertEquals(1, expect(200, c.get(runs(p), p.token())).array().size());

        Reply started = expect(202, c.post(runs(p), p.token(),
                "{\"month\":\"2026-04\",\"kind\":\"complementary\",\"from\":\"2026-03\",\"to\":\"2026-03\"}"));
        assertEquals("complementary", started.json().getString("kind"));
        String path = runs(p) + "/" + id(started);
        JsonObject arrears = c.finishedJob(path, p.token());
        assertEquals("succeeded", arrears.getString("status"), arrears.toString());
        JsonObject detail = expect(200, c.get(path, p.token())).json();
        assertEquals("2026-03", detail.getString("from"));
        JsonObject paid = detail.getJsonArray("breakdown").getJsonObject(0);
        // the complement's difference: 550,00 due, 500,00 paid
        assertTrue(paid.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .noneMatch(l -> l.getString("concept").startsWith("overtime")), paid.toString());
        JsonObject complement = line(paid, "salary", "Complemento de puesto");
        assertEquals("2026-03", complement.getString("accrued"));
        assertAmount("50.00", complement, "amount");
        assertAmount("500.00", complement.getJsonObject("previous"), "amount");
        // MEI on 2.050,00 at 0,75 % = 15,38 due, on 2.000,00 at 0,67 % = 13,40 paid: each with its source
        JsonObject mei = line(paid, "employer_contribution", "mei");
        assertAmount("1.98", mei, "amount");
        assertAmount("2050.00", mei, "base");
        assertEquals(0, new BigDecimal("0.75").compareTo(mei.getJsonNumber("rate").bigDecimalValue()));
        assertEquals("BOE-A-2026-7296 art. 16; BOE-A-2026-2548 art. 3.2", mei.getString("source"));
        JsonObject meiPaid = mei.getJsonObject("previous");
        assertAmount("2000.00", meiPaid, "base");
        assertEquals(0, new BigDecimal("0.67").compareTo(meiPaid.getJsonNumber("rate").bigDecimalValue()));
        assertAmount("13.40", meiPaid, "amount");
        assertEquals("BOE-A-2025-3780 art. 16", meiPaid.getString("source"));
        // employer: common 483,80 - 472,00, unemployment 112,75 - 110,00, FOGASA 4,10 - 4,00, training 12,30 - 12,00,
        // MEI 15,38 - 13,40, AT/EP 16,40 + 14,35 - 30,00 = 17,68; employee: common 96,35 - 94,00, unemployment
        // 31,78 - 31,00, training 2,05 - 2,00, MEI 3,08 - 2,60 = 3,66 (order arts. 4, 16, 33, 34, 35)
        JsonObject accrual = paid.getJsonArray("accruals").getJsonObject(0);
        assertEquals("2026-03", accrual.getString("month"));
        assertAmount("2000.00", accrual, "previousCommonBase");
        assertAmount("2050.00", accrual, "commonBase");
        assertAmount("17.68", accrual, "employerContributions");
        assertAmount("3.66", accrual, "employeeContributions");
        assertAmount("50.00", paid, "gross");
        assertAmount("17.68", paid, "employerContributions");
        // RIRPF art. 82: withheld at the rate of the month paid
        BigDecimal withheld = new BigDecimal("50.00").multiply(rate).movePointLeft(2).setScale(2,
                java.math.RoundingMode.HALF_UP);
        assertAmount(withheld.toPlainString(), paid, "withheld");
        assertAmount(new BigDecimal("46.34").subtract(withheld).toPlainString(), paid, "net");

        // a second run of the same month before this one is approved would pay the same differences again
        expect(409,
                c.post(runs(p), p.token(), "{\"month\":\"2026-04\",\"kind\":\"complementary\",\"from\":\"2026-03\"}"));
        JsonObject approved = expect(200,
                c.post(path + "/approve", p.token(), "{\"version\":" + detail.getInt("version") + "}")).json();
        try (Connection db = TestDatabase.connect()) {
            refused(db, "UPDATE payroll_run_accrual SET common_base = 0 WHERE org_id = " + p.org() + " AND run_id = "
                    + id(started), "An accrual of an approved payroll run cannot be changed");
            refused(db, "UPDATE payroll_run SET arrears_to = arrears_from WHERE org_id = " + p.org() + " AND id = "
                    + id(started), "An approved payroll run cannot be changed");
        }
        expect(201, c.post("api/v1/orgs/" + p.org() + "/accounting/fiscal-years", p.token(), "{\"year\":2026}"));
        JsonObject posted = expect(200,
                c.post(path + "/post", p.token(), "{\"version\":" + approved.getInt("version") + "}")).json();
        JsonObject entry = expect(200,
                c.get("api/v1/orgs/" + p.org() + "/accounting/entries/" + posted.getJsonNumber("entryId").longValue(),
                        p.token())).json();
        assertEquals("2026-04-30", entry.getString("date"));
        Map<String, BigDecimal> debits = new TreeMap<>();
        Map<String, BigDecimal> credits = new TreeMap<>();
        for (JsonObject l : entry.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            debits.merge(l.getString("account"), amount(l, "debit"), BigDecimal::add);
            credits.merge(l.getString("account"), amount(l, "credit"), BigDecimal::add);
        }
        assertEquals(0, new BigDecimal("50.00").compareTo(debits.get("640")));
        assertEquals(0, new BigDecimal("17.68").compareTo(debits.get("642")));
        assertEquals(0, new BigDecimal("21.34").compareTo(credits.get("476")), "17,68 + 3,66");
        Reply pdf = c.get(path + "/payslips.pdf", p.token(), Map.of("Accept", "application/pdf"));
        assertEquals(200, pdf.status(), pdf.body());

        // April: the arrears paid change the year's expected pay, so the rate is regularised and says why
        JsonObject april = run(p, "2026-04");
        JsonObject aprilPaid = expect(200, c.get(runs(p) + "/" + april.getJsonNumber("id").longValue(), p.token()))
                .json().getJsonArray("breakdown").getJsonObject(0);
        assertEquals("pay-changed", aprilPaid.getJsonObject("irpf").getString("reason"));
        assertTrue(line(aprilPaid, "deduction", "irpf").getString("source").contains("art. 87.2.3.º"),
                aprilPaid.toString());

        // the raise taken back: a second complementary run pays March's differences in excess, negative, nothing
        // withheld (RIRPF art. 82 withholds on pay, and this lowers it); approved, posted on the other sides and
        // printed
        expect(200, c.put(contracts + "/" + contract.getJsonNumber("id").longValue(), p.token(),
                fullTime(p.centre()).add("version", raised.getInt("version")).build().toString()));
        Reply excess = expect(202,
                c.post(runs(p), p.token(), "{\"month\":\"2026-04\",\"kind\":\"complementary\",\"from\":\"2026-03\"}"));
        String excessPath = runs(p) + "/" + id(excess);
        assertEquals("succeeded", c.finishedJob(excessPath, p.token()).getString("status"));
        JsonObject excessDetail = expect(200, c.get(excessPath, p.token())).json();
        JsonObject back = excessDetail.getJsonArray("breakdown").getJsonObject(0);
        assertAmount("-50.00", line(back, "salary", "Complemento de puesto"), "amount");
        assertAmount("-50.00", back, "gross");
        assertAmount("0.00", back, "withheld");
        // what is due now (the employee 130,00 and the employer 643,00 on 2.000,00, order arts. 4, 16, 33-35) less what
        // was paid (129,60 + 3,66 and 641,40 + 17,68)
        assertAmount("-3.26", back, "employeeContributions");
        assertAmount("-16.08", back, "employerContributions");
        assertAmount("-46.74", back, "net");
        JsonObject excessApproved = expect(200,
                c.post(excessPath + "/approve", p.token(), "{\"version\":" + excessDetail.getInt("version") + "}"))
                        .json();
        JsonObject excessPosted = expect(200,
                c.post(excessPath + "/post", p.token(), "{\"version\":" + excessApproved.getInt("version") + "}"))
                        .json();
        JsonObject excessEntry = expect(200, c.get(
                "api/v1/orgs/" + p.org() + "/accounting/entries/" + excessPosted.getJsonNumber("entryId").longValue(),
                p.token())).json();
        List<String> sides = excessEntry.getJsonArray("lines").getValuesAs(JsonObject.class).stream().map(
                l -> l.getString("account") + (amount(l, "debit").signum() > 0 ? " D " + amount(l, "debit").setScale(2)
                        : " C " + amount(l, "credit").setScale(2)))
                .toList();
        assertEquals(List.of("640 C 50.00", "642 C 16.08", "476 D 19.34", "465 D 46.74"), sides);
        assertEquals(200, c.get(excessPath + "/payslips.pdf", p.token(), Map.of("Accept", "application/pdf")).status());
    }

    /**
     * A raise from February entered after January was paid, as a second "Salario base" from that month, and the
     * complement raised for every month: February pays the raise and cites the item's months; a complementary run that
     * recalculates January pays the complement's difference only, not the raise, which applies from February.
     */
    @Test
    void aRaiseFromALaterMonthStaysOutOfTheArrearsOfTheMonthsBeforeIt() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        String contracts = p.path() + "/" + employee + "/contracts";
        // two extra payments of 1.500,00 paid whole in June and December (ET art. 31)
        Supplier<JsonObjectBuilder> extra = () -> Json.createObjectBuilder().add("name", "Paga extraordinaria")
                .add("monthlyAmount", 1500).add("kind", "EXTRA_PAYMENT")
                .add("paidIn", Json.createArrayBuilder().add(6).add(12));
        JsonObject contract = expect(201,
                c.post(contracts, p.token(), fullTime(p.centre())
                        .add("salaryItems",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("name", "Salario base")
                                                .add("monthlyAmount", 1500).add("kind", "BASE"))
                                        .add(Json.createObjectBuilder().add("name", "Complemento de puesto")
                                                .add("monthlyAmount", 500).add("kind", "COMPLEMENT"))
                                        .add(extra.get()))
                        .build().toString())).json();
        assertEquals(List.of(6, 12), contract.getJsonArray("salaryItems").getJsonObject(2).getJsonArray("paidIn")
                .getValuesAs(JsonNumber::intValue));
        JsonObject january = run(p, "2026-01");
        // January pays no extra, and its common base carries their twelfth: 2.000,00 + 3.000,00 / 12 = 2.250,00
        // (Orden PJC/297/2026 art. 1.1 segunda), which the payslip prints as the extras' share
        JsonObject paidJanuary = expect(200, c.get(runs(p) + "/" + january.getJsonNumber("id").longValue(), p.token()))
                .json().getJsonArray("breakdown").getJsonObject(0);
        assertAmount("2000.00", paidJanuary, "gross");
        assertAmount("250.00", paidJanuary, "proratedExtras");
        assertAmount("2250.00", paidJanuary, "commonBase");
        approve(p, january);

        String changed = fullTime(p.centre())
                .add("salaryItems",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 1500)
                                        .add("kind", "BASE").add("until", "2026-01"))
                                .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 1600)
                                        .add("kind", "BASE").add("from", "2026-02"))
                                .add(Json.createObjectBuilder().add("name", "Complemento de puesto")
                                        .add("monthlyAmount", 550).add("kind", "COMPLEMENT"))
                                .add(extra.get()))
                .add("version", contract.getInt("version")).build().toString();
        String path = contracts + "/" + contract.getJsonNumber("id").longValue();
        // a raise that shares a month with the item it follows is refused on its first month, nothing changed
        JsonObject overlap = expect(400, c.put(path, p.token(), changed.replace("\"2026-02\"", "\"2026-01\""))).json();
        assertEquals("salaryItems[1].from", overlap.getString("field"));
        JsonObject saved = expect(200, c.put(path, p.token(), changed)).json();
        List<JsonObject> items = saved.getJsonArray("salaryItems").getValuesAs(JsonObject.class);
        assertEquals("2026-01", items.get(0).getString("until"));
        assertFalse(items.get(0).containsKey("from"), items.toString());
        assertEquals("2026-02", items.get(1).getString("from"));

        JsonObject february = run(p, "2026-02");
        JsonObject paid = expect(200, c.get(runs(p) + "/" + february.getJsonNumber("id").longValue(), p.token())).json()
                .getJsonArray("breakdown").getJsonObject(0);
        JsonObject base = line(paid, "salary", "Salario base");
        assertAmount("1600.00", base, "amount");
        assertTrue(base.getString("source").endsWith(", months 2026-02 – …"), base.toString());
        approve(p, february);

        Reply started = expect(202, c.post(runs(p), p.token(),
                "{\"month\":\"2026-02\",\"kind\":\"complementary\",\"from\":\"2026-01\",\"to\":\"2026-01\"}"));
        String arrears = runs(p) + "/" + id(started);
        assertEquals("succeeded", c.finishedJob(arrears, p.token()).getString("status"));
        JsonObject due = expect(200, c.get(arrears, p.token())).json().getJsonArray("breakdown").getJsonObject(0);
        assertAmount("50.00", line(due, "salary", "Complemento de puesto"), "amount");
        assertTrue(due.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .noneMatch(l -> l.getString("concept").equals("Salario base")), due.toString());
        assertAmount("50.00", due, "gross");
    }

    /** The boxes of a modelo 111 by number. */
    private static Map<String, BigDecimal> boxes111(Payroll p, String period) {
        Map<String, BigDecimal> box = new TreeMap<>();
        expect(200,
                p.client().get("api/v1/orgs/" + p.org() + "/payroll/returns/111?year=2026&period=" + period, p.token()))
                        .json().getJsonArray("boxes").getValuesAs(JsonObject.class)
                        .forEach(b -> box.put(b.getString("number"), b.getJsonNumber("value").bigDecimalValue()));
        return box;
    }

    /** The records of a year's modelo 190 file. */
    private static String[] records190(Payroll p, int year) {
        Reply file = expect(200, p.client().get("api/v1/orgs/" + p.org() + "/payroll/returns/190?year=" + year
                + "&contactName=Garcia%20Ana&contactPhone=912345678", p.token()));
        return file.body().split("\r\n");
    }

    /**
     * December 2025, paid and approved, raised afterwards and paid in February 2026 by a complementary run: arrears of
     * an earlier year, withheld at 15 % (Ley 35/2006 art. 101.1, RIRPF art. 80.1.5.º), kept out of 2026's forecast
     * (art. 83.2.1.ª), counted in the 111 of the period they are paid in (art. 78.1), and in 2026's modelo 190 as a
     * record of their own accrued in 2025 (Orden EHA/3127/2009 anexo II, record 2, positions 148-151).
     */
    @Test
    void arrearsOfAnEarlierYearAreWithheldAtTheirOwnRateKeptOutOfTheYearsForecastAndDeclaredAsAccruedThen() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        String contracts = p.path() + "/" + employee + "/contracts";
        JsonObject contract = expect(201, c.post(contracts, p.token(), fullTime(p.centre()).build().toString())).json();
        String contractPath = contracts + "/" + contract.getJsonNumber("id").longValue();
        for (String month : List.of("2025-12", "2026-01")) {
            JsonObject regular = run(p, month);
            assertEquals("succeeded", regular.getString("status"), regular.toString());
            approve(p, regular);
        }
        JsonObject january = expect(200, c.get(runs(p), p.token())).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("month").equals("2026-01")).findFirst().orElseThrow();
        JsonObject januaryPaid = expect(200, c.get(runs(p) + "/" + january.getJsonNumber("id").longValue(), p.token()))
                .json().getJsonArray("breakdown").getJsonObject(0).getJsonObject("irpf");
        // the complement raised from 500,00 to 550,00, as if an agreement signed in 2026 raised December's pay
        JsonObject raised = expect(200, c.put(contractPath, p.token(), fullTime(p.centre())
                .add("salaryItems", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 1500)
                                .add("kind", "BASE").add("contributes", true).add("taxed", true))
                        .add(Json.createObjectBuilder().add("name", "Complemento de puesto").add("monthlyAmount", 550)
                                .add("kind", "COMPLEMENT").add("contributes", true).add("taxed", true)))
                .add("version", contract.getInt("version")).build().toString())).json();

        // a range across two years is refused: each year's arrears are a run of their own
        JsonObject across = expect(400,
                c.post(runs(p), p.token(),
                        "{\"month\":\"2026-02\",\"kind\":\"complementary\",\"from\":\"2025-12\",\"to\":\"2026-01\"}"))
                                .json();
        assertEquals("to", across.getString("field"));
        assertTrue(across.getString("detail").startsWith("A complementary run recalculates the months of one year"),
                across.toString());

        Reply started = expect(202,
                c.post(runs(p), p.token(), "{\"month\":\"2026-02\",\"kind\":\"complementary\",\"from\":\"2025-12\"}"));
        String path = runs(p) + "/" + id(started);
        assertEquals("succeeded", c.finishedJob(path, p.token()).getString("status"));
        JsonObject detail = expect(200, c.get(path, p.token())).json();
        JsonObject paid = detail.getJsonArray("breakdown").getJsonObject(0);
        assertEquals("2025-12", line(paid, "salary", "Complemento de puesto").getString("accrued"));
        assertAmount("50.00", paid, "gross");
        // 2025's employee rates on 2.050,00 less on 2.000,00 (Orden PJC/178/2025): common 4,70 % 96,35 - 94,00,
        // unemployment 1,55 % 31,78 - 31,00, training 0,10 % 2,05 - 2,00, MEI 0,13 % 2,67 - 2,60: 3,25
        assertAmount("3.25", paid, "employeeContributions");
        // 15 % of 50,00, whatever the employee's rate of February
        assertAmount("7.50", paid, "withheld");
        assertAmount("39.25", paid, "net");
        assertEquals("earlier-year", paid.getJsonObject("irpf").getString("reason"));
        JsonObject irpf = line(paid, "deduction", "irpf");
        assertAmount("50.00", irpf, "base");
        assertEquals(0, new BigDecimal("15.00").compareTo(irpf.getJsonNumber("rate").bigDecimalValue()));
        assertTrue(irpf.getString("source").contains("BOE-A-2007-6820 art. 80.1.5.º"), irpf.toString());
        assertEquals("verified", irpf.getString("sourceStatus"));
        expect(200, c.post(path + "/approve", p.token(), "{\"version\":" + detail.getInt("version") + "}"));
        assertEquals(200, c.get(path + "/payslips.pdf", p.token(), Map.of("Accept", "application/pdf")).status());

        // February at January's pay: the arrears of 2025 do not change 2026's forecast, so January's rate holds
        expect(200, c.put(contractPath, p.token(),
                fullTime(p.centre()).add("version", raised.getInt("version")).build().toString()));
        JsonObject february = run(p, "2026-02");
        JsonObject februaryPaid = expect(200,
                c.get(runs(p) + "/" + february.getJsonNumber("id").longValue(), p.token())).json()
                        .getJsonArray("breakdown").getJsonObject(0).getJsonObject("irpf");
        assertEquals("held", februaryPaid.getString("reason"), februaryPaid.toString());
        assertEquals(januaryPaid.getJsonNumber("expectedPay").bigDecimalValue(),
                februaryPaid.getJsonNumber("expectedPay").bigDecimalValue());
        approve(p, february);

        // withheld when paid: February's 111 counts the arrears and their 7,50; the perceptor once
        Map<String, BigDecimal> box = boxes111(p, "02");
        assertEquals(0, box.get("01").compareTo(BigDecimal.ONE));
        assertEquals(0, box.get("02").compareTo(new BigDecimal("2050.00")), box.toString());
        assertEquals(0,
                box.get("03")
                        .compareTo(new BigDecimal("7.50").add(february.getJsonNumber("withheld").bigDecimalValue())),
                box.toString());

        // 2026's modelo 190: the year's pay, accrual year 0000, and the arrears, accrual year 2025
        String[] records = records190(p, 2026);
        assertEquals(3, records.length);
        Map<String, String> byAccrual = new TreeMap<>();
        for (int i = 1; i < records.length; i++) {
            assertEquals(500, records[i].length());
            byAccrual.put(records[i].substring(147, 151), records[i]);
        }
        assertEquals(List.of("0000", "2025"), List.copyOf(byAccrual.keySet()));
        assertEquals("0000000400000", byAccrual.get("0000").substring(81, 94), "January's and February's pay");
        assertEquals("0000000005000", byAccrual.get("2025").substring(81, 94));
        assertEquals("0000000000750", byAccrual.get("2025").substring(94, 107));
        // 2025's modelo 190 declares December as paid then, and nothing of the arrears
        String[] of2025 = records190(p, 2025);
        assertEquals(2, of2025.length);
        assertEquals("0000", of2025[1].substring(147, 151));
        assertEquals("0000000200000", of2025[1].substring(81, 94));
        assertEquals(200, c.get("api/v1/orgs/" + p.org() + "/payroll/returns/certificates/" + employee + "?year=2026",
                p.token(), Map.of("Accept", "application/pdf")).status());
    }

    /**
     * Pay not subject to withholding (Ley 35/2006 art. 7, RIRPF art. 9) names its subkey of key L through the API and
     * is declared under it in modelo 190 (Orden EHA/3127/2009 anexo II, record 2, positions 78-80): a contract's
     * allowance and a month's mileage under 01, summed, beside the employee's key A; modelo 111 counts neither.
     */
    @Test
    void payNotSubjectToWithholdingIsDeclaredUnderKeyLWithTheSubkeyItsItemNames() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        String contracts = p.path() + "/" + employee + "/contracts";
        java.util.function.Supplier<JsonObjectBuilder> allowance = () -> Json.createObjectBuilder()
                .add("name", "Dietas").add("monthlyAmount", 100).add("kind", "OTHER").add("contributes", false)
                .add("taxed", false);
        JsonObject noSubkey = expect(400, c.post(contracts, p.token(), fullTime(p.centre())
                .add("salaryItems",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Salario base")
                                .add("monthlyAmount", 2000).add("kind", "BASE")).add(allowance.get()))
                .build().toString())).json();
        assertEquals("salaryItems[1].exemptSubkey", noSubkey.getString("field"), noSubkey.toString());
        assertTrue(noSubkey.getString("detail").startsWith("Dietas is not subject to withholding"),
                noSubkey.toString());
        JsonObject contract = expect(201, c.post(contracts, p.token(), fullTime(p.centre())
                .add("salaryItems",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("name", "Salario base").add("monthlyAmount", 2000)
                                        .add("kind", "BASE"))
                                .add(allowance.get().add("exemptSubkey", 1)))
                .build().toString())).json();
        assertEquals(1, contract.getJsonArray("salaryItems").getJsonObject(1).getInt("exemptSubkey"));
        String mileage = "{\"employeeId\":" + employee + ",\"month\":\"2026-03\",\"kind\":\"variable\","
                + "\"concept\":\"Kilometraje\",\"amount\":38,\"salary\":false,\"contributes\":false,"
                + "\"taxed\":false";
        assertEquals("exemptSubkey",
                expect(400, c.post(items(p), p.token(), mileage + ",\"exemptSubkey\":40}")).json().getString("field"));
        expect(201, c.post(items(p), p.token(), mileage + ",\"exemptSubkey\":1}"));

        JsonObject march = run(p, "2026-03");
        assertEquals("succeeded", march.getString("status"), march.toString());
        String path = runs(p) + "/" + march.getJsonNumber("id").longValue();
        JsonObject paid = expect(200, c.get(path, p.token())).json().getJsonArray("breakdown").getJsonObject(0);
        assertEquals(1, line(paid, "non_salary", "Dietas").getInt("exemptSubkey"));
        assertEquals(1, line(paid, "non_salary", "Kilometraje").getInt("exemptSubkey"));
        assertTrue(HubClient.isNull(line(paid, "salary", "Salario base"), "exemptSubkey"));
        assertAmount("2000.00", paid, "taxable");
        expect(200, c.post(path + "/approve", p.token(), "{\"version\":" + march.getInt("version") + "}"));

        Map<String, BigDecimal> box = boxes111(p, "1T");
        assertEquals(0, box.get("02").compareTo(new BigDecimal("2000.00")), box.toString());
        String[] records = records190(p, 2026);
        assertEquals(3, records.length);
        Map<String, String> byKey = new TreeMap<>();
        for (int i = 1; i < records.length; i++) {
            byKey.put(records[i].substring(77, 80), records[i]);
        }
        assertEquals(List.of("A00", "L01"), List.copyOf(byKey.keySet()));
        assertEquals("0000000200000", byKey.get("A00").substring(81, 94));
        assertEquals("0000000013800", byKey.get("L01").substring(81, 94), "100,00 + 38,00");
        assertEquals("0000000000000", byKey.get("L01").substring(94, 107), "nothing withheld");
    }

    @Test
    void aRunWithAnEmployeeItCannotCalculateFailsNamingTheEmployeeAndStoresNothing() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = createEmployee(p);
        // part time: the hours worked in the month, which set its minimum base, are not recorded
        String contracts = p.path() + "/" + employee + "/contracts";
        JsonObject contract = expect(201, c.post(contracts, p.token(), contract(p.centre()).build().toString())).json();
        JsonObject failed = run(p, "2026-03");
        assertEquals("failed", failed.getString("status"), failed.toString());
        assertEquals("draft", failed.getString("state"));
        assertTrue(failed.getString("outcome").startsWith("Ana García López: a part-time contract needs the hours"),
                failed.toString());
        JsonObject detail = expect(200, c.get(runs(p) + "/" + failed.getJsonNumber("id").longValue(), p.token()))
                .json();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, detail.getJsonArray("breakdown"), "nothing was stored");
        JsonObject bad = expect(400, c.post(runs(p), p.token(), "{\"month\":\"March\"}")).json();
        assertEquals("month", bad.getString("field"));
        assertEquals("March is not a month: year and month, as 2026-03.", bad.getString("detail"));

        // the contract put right (full time), the same run calculated again, twice: its lines are replaced
        String run = runs(p) + "/" + failed.getJsonNumber("id").longValue();
        expect(200,
                c.put(contracts + "/" + contract.getJsonNumber("id").longValue(), p.token(),
                        contract(p.centre()).add("contractType", "402").addNull("partTimeCoefficient")
                                .add("version", contract.getInt("version")).build().toString()));
        for (int i = 0; i < 2; i++) {
            int version = expect(200, c.get(run, p.token())).json().getInt("version");
            expect(202, c.post(run + "/recalculate", p.token(), "{\"version\":" + version + "}"));
            JsonObject calculated = c.finishedJob(run, p.token());
            assertEquals("succeeded", calculated.getString("status"), calculated.toString());
            assertEquals(1, calculated.getInt("employees"));
        }
        JsonObject paid = expect(200, c.get(run, p.token())).json().getJsonArray("breakdown").getJsonObject(0);
        // Salario base 800,00 (the contract's item) on a fixed-term contract: unemployment 6,70 %, order art. 33.2
        assertAmount("800.00", paid, "gross");
        assertEquals(1, paid.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("concept").equals("Salario base")).count(), "replaced, not added to");
        line(paid, "employer_contribution", "unemployment-fixed-term");

        String admin = c.adminToken();
        String staff = HubClient.unique("staff");
        c.createUser(admin, staff, Books.PASSWORD);
        c.grant(admin, p.org(), staff, "staff");
        String token = c.token(staff, Books.PASSWORD);
        expect(403, c.get(runs(p), token));
        expect(403, c.get(run, token));
        expect(403, c.get(run + "/payslips.pdf", token));
        expect(403, c.delete(run, token));

        // a calculated run is deleted with what it stored, and the month takes a regular run again; an approved run
        // is a record and refuses it, in the caller's language
        expect(204, c.delete(run, p.token()));
        expect(404, c.get(run, p.token()));
        expect(404, c.delete(run, p.token()));
        try (Connection db = TestDatabase.connect();
                var rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM payroll_run_line WHERE org_id = "
                        + p.org() + " AND run_id = " + failed.getJsonNumber("id").longValue())) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the run's lines went with it");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        JsonObject again = run(p, "2026-03");
        assertEquals("calculated", again.getString("state"), again.toString());
        String approvedRun = runs(p) + "/" + again.getJsonNumber("id").longValue();
        expect(200, c.post(approvedRun + "/approve", p.token(), "{\"version\":" + again.getInt("version") + "}"));
        JsonObject kept = expect(409, c.delete(approvedRun, p.token())).json();
        assertEquals(
                "Payroll run " + again.getJsonNumber("id").longValue() + " is approved: only a draft or "
                        + "calculated run is deleted; an approved run is a record, corrected by a complementary run.",
                kept.getString("detail"));
        Reply spanish = c.raw("DELETE", approvedRun, p.token(), null, "Accept-Language", "es");
        assertEquals(409, spanish.status(), spanish.body());
        assertTrue(spanish.json().getString("detail").startsWith("La nómina "), spanish.body());
        assertTrue(expect(200, c.get("api/v1/orgs/" + p.org() + "/audit?max=200", p.token())).json()
                .getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("action").equals("payroll-run.deleted")));
    }

    /**
     * A work accident on 2 March (LGSS art. 173.1): the item says occupational, the day of the baja is paid as salary
     * and the benefit is 75 % from the next day (Decreto 3158/1966 art. 2.1), paid in delegation and recovered (Orden
     * de 25-11-1966 arts. 16.1.b and 20.1): MonthlyPayTest's figures through the API.
     */
    @Test
    void anOccupationalLeaveFromTheApiIsPaidFromTheDayAfterTheBaja() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = id(expect(201, c.post(p.path(), p.token(), employee().build().toString())));
        expect(201,
                c.post(p.path() + "/" + employee + "/contracts", p.token(), fullTime(p.centre()).build().toString()));
        JsonObject item = expect(201, c.post(items(p), p.token(), "{\"employeeId\":" + employee
                + ",\"month\":\"2026-03\",\"kind\":\"sick-leave\",\"firstDay\":\"2026-03-02\","
                + "\"lastDay\":\"2026-03-25\",\"previousBase\":2000.00,\"previousDays\":30,\"occupational\":true}"))
                        .json();
        assertTrue(item.getBoolean("occupational"));
        // the agreement's top-up of the benefit: taxed, out of the bases (LGSS art. 147.2.d)
        expect(201, c.post(items(p), p.token(), "{\"employeeId\":" + employee
                + ",\"month\":\"2026-03\",\"kind\":\"leave-top-up\",\"concept\":\"Complemento IT\",\"amount\":383.27}"));
        JsonObject calculated = run(p, "2026-03");
        assertEquals("succeeded", calculated.getString("status"), calculated.toString());
        JsonObject paid = expect(200, c.get(runs(p) + "/" + calculated.getJsonNumber("id").longValue(), p.token()))
                .json().getJsonArray("breakdown").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("employeeId").longValue() == employee).findFirst().orElseThrow();
        // 1-2 and 26-31 March worked or paid: (1.500,00 + 500,00) x 8 / 30 in the contract's two items
        assertAmount("400.00", line(paid, "salary", "Salario base"), "amount");
        JsonObject benefit = line(paid, "non_salary", "sick-leave-occupational-delegated-2-");
        assertAmount("1150.06", benefit, "amount");
        assertAmount("66.67", benefit, "base");
        assertEquals("SOCIAL_SECURITY_BENEFIT", benefit.getString("heading"));
        assertAmount("1150.06", line(paid, "recovery", "sick-leave-occupational-delegated-2-"), "amount");
        JsonObject topUp = line(paid, "non_salary", "Complemento IT");
        assertAmount("383.27", topUp, "amount");
        assertEquals("OTHER_NON_SALARY", topUp.getString("heading"));
        assertTrue(topUp.getString("source").contains("BOE-A-2015-11724 art. 147.2.d"), topUp.toString());
        // the bases as without it: 533,33 paid (with the day of the baja) and the leave's 22 days at 2.000,00 / 30
        assertAmount("2000.00", paid, "commonBase");
    }

    /**
     * ET (BOE-A-2015-11430) arts. 35.2 and 12.4.c as warnings, never refusals: 85 hours of overtime in March for a
     * full-time worker employed the whole year pass the 80 a year; a part-time worker's 2 hours other than force
     * majeure break art. 12.4.c, the hour of force majeure does not (art. 35.3). Both are paid as recorded, the
     * warnings read in the caller's language, and the run approves; once approved its warnings cannot be deleted.
     */
    @Test
    void overtimeAboveTheYearsLimitAndAPartTimeWorkersOvertimeAreWarnedPaidAndApproved() throws SQLException {
        Payroll p = payroll();
        HubClient c = p.client();
        Staff staff = fullAndPartTime(p);
        long fullTime = staff.fullTime();
        long partTime = staff.partTime();
        String items = items(p);
        for (String item : List.of(
                "{\"employeeId\":" + fullTime
                        + ",\"month\":\"2026-03\",\"kind\":\"overtime\",\"hours\":85,\"amount\":1700}",
                "{\"employeeId\":" + partTime + ",\"month\":\"2026-03\",\"kind\":\"hours-worked\",\"hours\":60}",
                "{\"employeeId\":" + partTime
                        + ",\"month\":\"2026-03\",\"kind\":\"overtime\",\"hours\":2,\"amount\":30}",
                "{\"employeeId\":" + partTime + ",\"month\":\"2026-03\",\"kind\":\"overtime\",\"hours\":1,"
                        + "\"amount\":15,\"forceMajeure\":true}")) {
            expect(201, c.post(items, p.token(), item));
        }

        JsonObject calculated = run(p, "2026-03");
        assertEquals("succeeded", calculated.getString("status"), calculated.toString());
        long run = calculated.getJsonNumber("id").longValue();
        String path = runs(p) + "/" + run;
        Map<Long, JsonObject> paid = new TreeMap<>();
        for (JsonObject e : expect(200, c.get(path, p.token())).json().getJsonArray("breakdown")
                .getValuesAs(JsonObject.class)) {
            paid.put(e.getJsonNumber("employeeId").longValue(), e);
        }
        assertAmount("1700.00", line(paid.get(fullTime), "salary", "overtime-other"), "amount");
        JsonArray limit = paid.get(fullTime).getJsonArray("warnings");
        assertEquals(1, limit.size(), limit.toString());
        assertEquals("overtime.limit", limit.getJsonObject(0).getString("key"));
        assertEquals("85 hours of overtime in the year up to 2026-03 (force majeure left out), above the 80 hours "
                + "allowed: 80 hours a year (BOE-A-2015-11430 art. 35.2), in proportion to the contract's days in the "
                + "year when it does not cover the whole year. They are paid as recorded.",
                limit.getJsonObject(0).getString("message"));
        assertAmount("30.00", line(paid.get(partTime), "salary", "overtime-other"), "amount");
        JsonArray partTimeWarnings = paid.get(partTime).getJsonArray("warnings");
        assertEquals(List.of("overtime.part-time"),
                partTimeWarnings.getValuesAs(JsonObject.class).stream().map(w -> w.getString("key")).toList());

        Reply spanish = c.raw("GET", path, p.token(), null, "Accept-Language", "es-ES,es;q=0.9");
        assertEquals(200, spanish.status(), spanish.body());
        JsonObject luis = spanish.json().getJsonArray("breakdown").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("employeeId").longValue() == partTime).findFirst().orElseThrow();
        assertEquals("ET art. 12.4.c: quien trabaja a tiempo parcial no puede hacer horas extraordinarias salvo las "
                + "del art. 35.3 (fuerza mayor), y constan 2 horas de otras horas extraordinarias en 2026-03. Se pagan "
                + "como constan; revise el contrato o las partidas.",
                luis.getJsonArray("warnings").getJsonObject(0).getString("message"));

        // approval compares the warnings too, as stored and as calculated again: they round-trip, and the run approves
        expect(200, c.post(path + "/approve", p.token(),
                "{\"version\":" + expect(200, c.get(path, p.token())).json().getInt("version") + "}"));
        try (Connection db = TestDatabase.connect()) {
            refused(db, "DELETE FROM payroll_run_warning WHERE org_id = " + p.org() + " AND run_id = " + run,
                    "A warning of an approved payroll run cannot be deleted");
        }
    }

    /**
     * A month's items recorded through the API and the payroll-items import reach the run: a part-time employee runs
     * with the hours worked, a full-time one has overtime, sick leave under delegated payment and an advance as lines;
     * once the month's run is approved its items are refused.
     */
    @Test
    void aMonthsItemsFromTheApiAndAnImportAreLinesOfTheRunAndFrozenOnceItIsApproved() throws java.io.IOException {
        Payroll p = payroll();
        HubClient c = p.client();
        Staff staff = fullAndPartTime(p);
        long fullTime = staff.fullTime();
        long partTime = staff.partTime();
        String items = items(p);

        JsonObject hours = expect(201, c.post(items, p.token(),
                "{\"employeeId\":" + partTime + ",\"month\":\"2026-03\",\"kind\":\"hours-worked\",\"hours\":60}"))
                        .json();
        assertEquals("hours-worked", hours.getString("kind"));
        expect(201, c.post(items, p.token(), "{\"employeeId\":" + fullTime + ",\"month\":\"2026-03\",\"kind\":"
                + "\"sick-leave\",\"firstDay\":\"2026-03-11\",\"previousBase\":2000.00,\"previousDays\":30}"));
        JsonObject noAmount = expect(400,
                c.post(items, p.token(),
                        "{\"employeeId\":" + fullTime + ",\"month\":\"2026-03\",\"kind\":\"overtime\",\"hours\":2}"))
                                .json();
        assertEquals("amount", noAmount.getString("field"));
        assertEquals(400, c
                .post(items, p.token(),
                        "{\"employeeId\":" + fullTime
                                + ",\"month\":\"March\",\"kind\":\"advance\",\"concept\":\"x\",\"amount\":1}")
                .status());
        JsonObject twice = expect(409, c.post(items, p.token(),
                "{\"employeeId\":" + partTime + ",\"month\":\"2026-03\",\"kind\":\"hours-worked\",\"hours\":70}"))
                        .json();
        assertEquals("The employee's month 2026-03 has its hours-worked item already; delete it before adding another.",
                twice.getString("detail"));
        long mistaken = id(expect(201, c.post(items, p.token(), "{\"employeeId\":" + fullTime
                + ",\"month\":\"2026-03\",\"kind\":\"variable\",\"concept\":\"Bonus\",\"amount\":99}")));
        expect(204, c.delete(items + "/" + mistaken, p.token()));

        // overtime and an advance by the import, the employee by NIF, the month any date of it
        byte[] sheet = coop.intercoop.hub.testing.Workbooks.of(
                List.of("NIF trabajador", "Mes", "Tipo de partida", "Concepto", "Horas", "Importe"),
                List.<Object[]> of(
                        new Object[] { "12345678Z", java.time.LocalDate.of(2026, 3, 1), "overtime", null, 4, 80 },
                        new Object[] { "12345678Z", java.time.LocalDate.of(2026, 3, 15), "advance", "Anticipo de marzo",
                                null, 300 }));
        Reply upload = c.upload("api/v1/orgs/" + p.org() + "/imports/payroll-items", p.token(), sheet,
                coop.intercoop.hub.testing.Workbooks.XLSX);
        assertEquals(202, upload.status(), upload.body());
        JsonObject imported = c.finishedJob("api/v1/orgs/" + p.org() + "/imports/" + id(upload), p.token());
        assertEquals("succeeded", imported.getString("status"), imported.toString());
        JsonArray month = expect(200, c.get(items + "?month=2026-03", p.token())).array();
        assertEquals(List.of("advance", "hours-worked", "overtime", "sick-leave"),
                month.getValuesAs(JsonObject.class).stream().map(i -> i.getString("kind")).sorted().toList());

        JsonObject calculated = run(p, "2026-03");
        assertEquals("succeeded", calculated.getString("status"), calculated.toString());
        String path = runs(p) + "/" + calculated.getJsonNumber("id").longValue();
        JsonObject detail = expect(200, c.get(path, p.token())).json();
        Map<Long, JsonObject> paid = new TreeMap<>();
        for (JsonObject e : detail.getJsonArray("breakdown").getValuesAs(JsonObject.class)) {
            paid.put(e.getJsonNumber("employeeId").longValue(), e);
        }
        // ET art. 12.4.d: 800,00 x 0,5; order PJC/297/2026 (BOE-A-2026-7296) art. 39.1: group 5's minimum 8,58 an hour
        // worked, 60 hours 514,80
        JsonObject half = paid.get(partTime);
        assertAmount("400.00", line(half, "salary", "Salario base"), "amount");
        assertAmount("514.80", half, "commonBase");
        JsonObject whole = paid.get(fullTime);
        JsonObject overtime = line(whole, "salary", "overtime-other");
        assertAmount("80.00", overtime, "amount");
        assertAmount("4.00", overtime, "units");
        // order art. 5: overtime 23,60 % at the employer's charge
        assertAmount("18.88", line(whole, "employer_contribution", "overtime-other"), "amount");
        // ten days of salary, then the leave: daily base 2.000,00 / 30 = 66,67; days 16-20 (26-30 March) at 60 %
        // delegated (LGSS art. 173.1), recovered from the contributions (art. 170.2)
        assertAmount("500.00", line(whole, "salary", "Salario base"), "amount");
        JsonObject delegated = line(whole, "non_salary", "sick-leave-delegated-16-20");
        assertAmount("200.01", delegated, "amount");
        assertAmount("66.67", delegated, "base");
        assertEquals("SOCIAL_SECURITY_BENEFIT", delegated.getString("heading"));
        line(whole, "recovery", "sick-leave-delegated-16-20");
        assertAmount("250.01", whole, "benefitAdvanced");
        assertAmount("300.00", line(whole, "deduction", "Anticipo de marzo"), "amount");
        assertAmount("300.00", whole, "advances");

        // an item added after the calculation: the run is no longer what its data give, and is not approved, naming
        // the employee, in the caller's language; taken back, the run is approvable as calculated
        int version = detail.getInt("version");
        long late = id(expect(201, c.post(items, p.token(), "{\"employeeId\":" + fullTime
                + ",\"month\":\"2026-03\",\"kind\":\"variable\",\"concept\":\"Bonus\",\"amount\":99}")));
        String run = calculated.getJsonNumber("id").toString();
        JsonObject stale = expect(409, c.post(path + "/approve", p.token(), "{\"version\":" + version + "}")).json();
        assertEquals("state", stale.getString("field"));
        assertEquals("Payroll run " + run + " of 2026-03 is no longer what its data and rules give: the month of Ana "
                + "García López changed after it was calculated (one employee in all). Calculate it again before "
                + "approving it.", stale.getString("detail"));
        Reply spanish = c.raw("POST", path + "/approve", p.token(),
                ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", "es-ES,es;q=0.9");
        assertEquals(409, spanish.status(), spanish.body());
        assertEquals("La nómina " + run + " de 2026-03 ya no es lo que dan sus datos y reglas: el mes de Ana García "
                + "López cambió después de calcularla (un empleado en total). Calcúlela de nuevo antes de aprobarla.",
                spanish.json().getString("detail"));
        assertEquals("calculated", expect(200, c.get(path, p.token())).json().getString("state"));
        // nor while the rules in force cannot be read: a conflict saying so, not a failure of the hub
        Path rates = TestDatabase.payrollRules().resolve("contribution-rates.csv");
        String installed = Files.readString(rates, StandardCharsets.UTF_8);
        JsonObject unreadable;
        try {
            Files.writeString(rates, installed + "2026-01-01;;mei;not-a-rate\n", StandardCharsets.UTF_8);
            unreadable = expect(409, c.post(path + "/approve", p.token(), "{\"version\":" + version + "}")).json();
        } finally {
            Files.writeString(rates, installed, StandardCharsets.UTF_8);
        }
        assertEquals("The payroll rules in force in 2026-03 are not installed (config/payroll); no employee is "
                + "calculated.", unreadable.getString("detail"));
        expect(204, c.delete(items + "/" + late, p.token()));
        expect(200, c.post(path + "/approve", p.token(), "{\"version\":" + version + "}"));
        JsonObject closed = expect(409,
                c.post(items, p.token(),
                        "{\"employeeId\":" + fullTime
                                + ",\"month\":\"2026-03\",\"kind\":\"variable\",\"concept\":\"Bonus\",\"amount\":99}"))
                                        .json();
        assertEquals("month", closed.getString("field"));
        assertEquals(
                "The regular payroll run of 2026-03 is approved (run " + calculated.getJsonNumber("id").longValue()
                        + "): the month's items cannot change; a correction is a complementary run.",
                closed.getString("detail"));
        expect(409, c.delete(items + "/" + hours.getJsonNumber("id").longValue(), p.token()));
        assertEquals(4, expect(200, c.get(items + "?month=2026-03", p.token())).array().size());

        Reply audit = expect(200, c.get("api/v1/orgs/" + p.org() + "/audit?max=200", p.token()));
        assertTrue(audit.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("action").equals("payroll-items.read")), audit.body());
        Payroll other = payroll();
        expect(404, other.client().get("api/v1/orgs/" + p.org() + "/payroll/items?month=2026-03", other.token()));
        expect(404,
                other.client().delete(
                        "api/v1/orgs/" + other.org() + "/payroll/items/" + hours.getJsonNumber("id").longValue(),
                        other.token()));
    }

    /**
     * Issue 19 item 5: the org-admin links a staff member to an employee; that member then reads their own payslips of
     * approved runs and nothing else of payroll, another member and an unlinked one are refused, and unlinking ends the
     * access at once.
     */
    @Test
    void aStaffMemberLinkedToAnEmployeeReadsOnlyTheirOwnPayslipsOfApprovedRunsUntilUnlinked() {
        Payroll p = payroll();
        HubClient c = p.client();
        long employee = single(p);
        expect(201,
                c.post(p.path() + "/" + employee + "/contracts", p.token(), fullTime(p.centre()).build().toString()));
        long unpaid = id(expect(201,
                c.post(p.path(), p.token(),
                        employee().add("nif", "00000023T").add("naf", "281234567941").add("familySituation", 3)
                                .addNull("spouseNif").add("descendants", Json.createArrayBuilder()).build()
                                .toString())));
        JsonObject calculated = run(p, "2026-03");
        assertEquals("calculated", calculated.getString("state"), calculated.toString());
        long run = calculated.getJsonNumber("id").longValue();

        String admin = c.adminToken();
        String staff = HubClient.unique("staff");
        String other = HubClient.unique("other-staff");
        String outsider = HubClient.unique("outsider");
        String accountant = HubClient.unique("accountant");
        for (String user : List.of(staff, other, outsider, accountant)) {
            c.createUser(admin, user, Books.PASSWORD);
        }
        c.grant(admin, p.org(), staff, "staff");
        c.grant(admin, p.org(), other, "staff");
        c.grant(admin, p.org(), accountant, "accountant");
        String staffToken = c.token(staff, Books.PASSWORD);
        String otherToken = c.token(other, Books.PASSWORD);
        String link = p.path() + "/" + employee + "/user";
        String mine = "api/v1/orgs/" + p.org() + "/payroll/my/payslips";
        String myPdf = mine + "/" + run + ".pdf";

        // not linked yet: refused, saying why; and a staff member reaches nothing else of payroll
        JsonObject unlinked = expect(403, c.get(mine, staffToken)).json();
        assertTrue(unlinked.getString("detail").contains("not linked you to any of its employees"),
                unlinked.toString());
        expect(403, c.get(runs(p), staffToken));
        expect(403, c.get(runs(p) + "/" + run + "/employees/" + employee + "/payslip.pdf", staffToken));

        // the org-admin decides: an accountant may not link; only a member can be linked, whether the user exists or
        // not
        String body = "{\"username\":\"" + staff + "\"}";
        expect(403, c.put(link, c.token(accountant, Books.PASSWORD), body));
        for (String stranger : List.of(outsider, HubClient.unique("nobody"))) {
            JsonObject refused = expect(400, c.put(link, p.token(), "{\"username\":\"" + stranger + "\"}")).json();
            assertEquals(
                    stranger + " is not a member of this organisation: only a member can be linked to an employee.",
                    refused.getString("detail"));
        }
        assertEquals(staff, expect(200, c.put(link, p.token(), body)).json().getString("username"));
        assertEquals(staff, expect(200, c.get(link, p.token())).json().getString("username"));
        // one employee per user
        JsonObject taken = expect(409, c.put(p.path() + "/" + unpaid + "/user", p.token(), body)).json();
        assertTrue(taken.getString("detail").contains("already linked to another employee"), taken.toString());

        // linked: a calculated run is not yet theirs to read; an approved one is
        assertEquals(0, expect(200, c.get(mine, staffToken)).array().size());
        expect(404, c.get(myPdf, staffToken, Map.of("Accept", "application/pdf")));
        expect(200, c.post(runs(p) + "/" + run + "/approve", p.token(),
                "{\"version\":" + calculated.getInt("version") + "}"));
        JsonArray own = expect(200, c.get(mine, staffToken)).array();
        assertEquals(1, own.size(), own.toString());
        assertEquals(run, own.getJsonObject(0).getJsonNumber("runId").longValue());
        assertEquals("2026-03", own.getJsonObject(0).getString("month"));
        assertAmount("2000.00", own.getJsonObject(0), "gross");
        Reply pdf = c.get(myPdf, staffToken, Map.of("Accept", "application/pdf"));
        assertEquals(200, pdf.status(), pdf.body());
        assertTrue(pdf.body().startsWith("%PDF"));
        // still nothing else of payroll, and nothing in another organisation
        expect(403, c.get(runs(p) + "/" + run, staffToken));
        expect(403, c.get(p.path() + "/" + employee, staffToken));
        Payroll elsewhere = payroll();
        expect(404, c.get("api/v1/orgs/" + elsewhere.org() + "/payroll/my/payslips", staffToken));

        // another member, unlinked, is refused; linked to an employee the run does not pay, finds no payslip of it
        expect(403, c.get(myPdf, otherToken, Map.of("Accept", "application/pdf")));
        expect(200, c.put(p.path() + "/" + unpaid + "/user", p.token(), "{\"username\":\"" + other + "\"}"));
        assertEquals(0, expect(200, c.get(mine, otherToken)).array().size());
        expect(404, c.get(myPdf, otherToken, Map.of("Accept", "application/pdf")));

        String audit = c.get("api/v1/orgs/" + p.org() + "/audit?max=100", p.token()).body();
        assertTrue(audit.contains("\"employee.user.linked\"") && audit.contains("\"employee.payslips.read\""), audit);

        // unlinked: the access ends at once
        expect(204, c.delete(link, p.token()));
        assertTrue(HubClient.isNull(expect(200, c.get(link, p.token())).json(), "username"));
        expect(403, c.get(mine, staffToken));
        expect(403, c.get(myPdf, staffToken, Map.of("Accept", "application/pdf")));
        assertTrue(c.get("api/v1/orgs/" + p.org() + "/audit?max=100", p.token()).body()
                .contains("\"employee.user.unlinked\""));
    }

    /**
     * Issue 19 items 4 and 7 from an approved run: the month's summary, the cost by work centre and project (JSON and
     * xlsx) and modelo 111's boxes equal the run's totals; the modelo 190 file's records are 500 characters and its
     * totals the sums (Orden EHA/3127/2009 anexo II, record 1 positions 136-175); the certificate is a PDF (RIRPF art.
     * 108.3); a contract's project (V21) splits the run's entry; a draft or calculated run is in no return.
     */
    @Test
    void anApprovedRunGivesTheSummaryCostModelo111Modelo190AndCertificatesAndItsProjectSplitsTheEntry()
            throws Exception {
        Payroll p = payroll();
        HubClient c = p.client();
        String accounting = "api/v1/orgs/" + p.org() + "/accounting";
        expect(201, c.post(accounting + "/projects", p.token(), "{\"code\":\"P1\",\"name\":\"Centro de día\"}"));
        long ana = single(p);
        long luis = id(expect(201,
                c.post(p.path(), p.token(),
                        employee().add("nif", "87654321X").add("naf", "281234567941").add("firstName", "Luis")
                                .add("familySituation", 3).addNull("spouseNif")
                                .add("descendants", Json.createArrayBuilder()).build().toString())));
        JsonObject unknown = expect(400, c.post(p.path() + "/" + ana + "/contracts", p.token(),
                fullTime(p.centre()).add("project", "NOPE").build().toString())).json();
        assertEquals("project", unknown.getString("field"));
        assertEquals("The project NOPE is not one of this organisation's analytic projects.",
                unknown.getString("detail"));
        JsonObject charged = expect(201, c.post(p.path() + "/" + ana + "/contracts", p.token(),
                fullTime(p.centre()).add("project", "p1").build().toString())).json();
        assertEquals("P1", charged.getString("project"));
        expect(201, c.post(p.path() + "/" + luis + "/contracts", p.token(), fullTime(p.centre()).build().toString()));

        String returns = "api/v1/orgs/" + p.org() + "/payroll/returns";
        JsonObject calculated = run(p, "2026-03");
        assertEquals("calculated", calculated.getString("state"), calculated.toString());
        // a calculated run is not pay yet: no return counts it
        assertEquals(0,
                expect(200, c.get(returns + "/summary?month=2026-03", p.token())).json().getJsonArray("runs").size());
        long run = calculated.getJsonNumber("id").longValue();
        String path = runs(p) + "/" + run;
        JsonObject approved = expect(200,
                c.post(path + "/approve", p.token(), "{\"version\":" + calculated.getInt("version") + "}")).json();

        JsonObject summary = expect(200, c.get(returns + "/summary?month=2026-03", p.token())).json();
        JsonObject month = summary.getJsonArray("runs").getJsonObject(0);
        assertEquals(run, month.getJsonNumber("id").longValue());
        assertEquals("approved", month.getString("state"));
        for (String total : List.of("gross", "withheld", "net", "employeeContributions", "employerContributions",
                "employerCost")) {
            assertAmount(approved.getJsonNumber(total).bigDecimalValue().toPlainString(),
                    summary.getJsonObject("totals"), total);
        }
        assertEquals(2, summary.getJsonObject("totals").getInt("employees"));
        Map<Long, JsonObject> byEmployee = new TreeMap<>();
        month.getJsonArray("employees").getValuesAs(JsonObject.class)
                .forEach(e -> byEmployee.put(e.getJsonNumber("employeeId").longValue(), e));
        assertEquals("P1", byEmployee.get(ana).getString("project"));
        assertTrue(HubClient.isNull(byEmployee.get(luis), "project"));
        Reply workbook = c.get(returns + "/summary?month=2026-03", p.token(), Map.of("Accept", Workbooks.XLSX));
        assertEquals(200, workbook.status());
        assertEquals(Workbooks.XLSX, workbook.contentType());
        assertTrue(workbook.headers().firstValue("Content-Disposition").orElseThrow()
                .contains("resumen-nominas-" + p.org() + "-2026-03.xlsx"));

        JsonObject cost = expect(200, c.get(returns + "/cost?from=2026-01&to=2026-03", p.token())).json();
        assertEquals(3, cost.getJsonArray("months").size());
        assertAmount(approved.getJsonNumber("employerCost").bigDecimalValue().toPlainString(),
                cost.getJsonObject("total"), "employerCost");
        List<String> rows = cost.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("month") + " " + r.getString("workCentreCcc") + " "
                        + (HubClient.isNull(r, "project") ? "-" : r.getString("project")) + " " + r.getInt("employees"))
                .toList();
        assertEquals(List.of("2026-03 " + p.ccc() + " - 1", "2026-03 " + p.ccc() + " P1 1"), rows);
        try (XSSFWorkbook sheet = new XSSFWorkbook(new ByteArrayInputStream(
                c.download(returns + "/cost?from=2026-01&to=2026-03&format=xlsx", p.token())))) {
            List<String> projects = new ArrayList<>();
            sheet.getSheetAt(0)
                    .forEach(row -> projects.add(row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue()));
            assertTrue(projects.contains("P1"), projects.toString());
        }
        expect(400, c.get(returns + "/cost?from=2026-04&to=2026-01", p.token()));

        JsonObject boxes = expect(200, c.get(returns + "/111?year=2026&period=1T", p.token())).json();
        Map<String, BigDecimal> box = new TreeMap<>();
        boxes.getJsonArray("boxes").getValuesAs(JsonObject.class)
                .forEach(b -> box.put(b.getString("number"), b.getJsonNumber("value").bigDecimalValue()));
        assertEquals(0, box.get("01").compareTo(BigDecimal.valueOf(2)));
        assertEquals(0, box.get("02").compareTo(new BigDecimal("4000.00")), "both months' pay, all taxed");
        assertEquals(0, box.get("03").compareTo(approved.getJsonNumber("withheld").bigDecimalValue()));
        assertEquals(0, box.get("30").compareTo(approved.getJsonNumber("withheld").bigDecimalValue()));
        assertEquals("period",
                expect(400, c.get(returns + "/111?year=2026&period=5T", p.token())).json().getString("field"));

        JsonObject noContact = expect(400, c.get(returns + "/190?year=2026", p.token())).json();
        assertEquals("contactName", noContact.getString("field"));
        Reply file = expect(200,
                c.get(returns + "/190?year=2026&contactName=Garcia%20Ana&contactPhone=912345678", p.token()));
        assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        String[] records = file.body().split("\r\n");
        assertEquals(3, records.length);
        for (String record : records) {
            assertEquals(500, record.length(), record);
        }
        BigDecimal pay = BigDecimal.ZERO;
        BigDecimal withheld = BigDecimal.ZERO;
        for (int i = 1; i < records.length; i++) {
            pay = pay.add(new BigDecimal(records[i].substring(81, 94)).movePointLeft(2));
            withheld = withheld.add(new BigDecimal(records[i].substring(94, 107)).movePointLeft(2));
        }
        assertEquals(0, pay.compareTo(new BigDecimal(records[0].substring(145, 160)).movePointLeft(2)));
        assertEquals(0, withheld.compareTo(new BigDecimal(records[0].substring(160, 175)).movePointLeft(2)));
        assertEquals(0, withheld.compareTo(approved.getJsonNumber("withheld").bigDecimalValue()));
        assertEquals("000000002", records[0].substring(135, 144));

        Reply certificate = c.get(returns + "/certificates/" + ana + "?year=2026", p.token(),
                Map.of("Accept", "application/pdf"));
        assertEquals(200, certificate.status(), certificate.body());
        assertEquals("application/pdf", certificate.contentType());
        assertTrue(certificate.body().startsWith("%PDF"));
        expect(400, c.get(returns + "/certificates/" + ana + "?year=2025", p.token()));
        List<JsonObject> audited = expect(200, c.get("api/v1/orgs/" + p.org() + "/audit?max=200", p.token())).json()
                .getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("payroll-returns.read")).toList();
        assertTrue(audited.stream().anyMatch(e -> e.getString("objectId").equals(String.valueOf(ana))), "certificate");
        assertTrue(audited.size() >= 7, audited.toString());

        expect(201, c.post(accounting + "/fiscal-years", p.token(), "{\"year\":2026}"));
        JsonObject posted = expect(200,
                c.post(path + "/post", p.token(), "{\"version\":" + approved.getInt("version") + "}")).json();
        JsonObject entry = expect(200,
                c.get(accounting + "/entries/" + posted.getJsonNumber("entryId").longValue(), p.token())).json();
        List<String> shares = entry.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("account").equals("640"))
                .map(l -> l.getJsonArray("analytic").getValuesAs(JsonObject.class).stream()
                        .map(a -> a.getString("code")).sorted().toList().toString())
                .sorted().toList();
        assertEquals(List.of("[" + p.ccc() + ", P1]", "[" + p.ccc() + "]").stream().sorted().toList(), shares);
        assertEquals("posted", expect(200, c.get(returns + "/summary?month=2026-03", p.token())).json()
                .getJsonArray("runs").getJsonObject(0).getString("state"));

        Payroll other = payroll();
        String otherReturns = "api/v1/orgs/" + other.org() + "/payroll/returns";
        expect(404, other.client().get(returns + "/summary?month=2026-03", other.token()));
        expect(404, other.client().get(otherReturns + "/certificates/" + ana + "?year=2026", other.token()));
        assertEquals(0, expect(200, other.client().get(otherReturns + "/summary?month=2026-03", other.token())).json()
                .getJsonArray("runs").size());
    }

    private static BigDecimal amount(JsonObject line, String field) {
        return line.containsKey(field) && !line.isNull(field) ? line.getJsonNumber(field).bigDecimalValue()
                : BigDecimal.ZERO;
    }

    private static void refused(Connection db, String sql, String message) {
        SQLException refusal = assertThrows(SQLException.class, () -> {
            try (Statement s = db.createStatement()) {
                s.executeUpdate(sql);
            }
        }, sql);
        assertEquals("45000", refusal.getSQLState(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(message), refusal.getMessage());
    }

    /** Every column of the rows, as text, in key order. */
    private static List<List<String>> rows(Connection db, String from) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM " + from + " ORDER BY 1, 2, 3");
                ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
