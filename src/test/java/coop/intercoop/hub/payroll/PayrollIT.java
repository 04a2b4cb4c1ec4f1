package coop.intercoop.hub.payroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

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

/** Employees and their contracts through the API: personal data for org-admins and accountants only, reads audited. */
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
}
