package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.json.JsonObject;

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

/**
 * What the API makes of input that is not exactly what it takes, on a running hub: JSON of the wrong type, after the
 * value, with duplicate keys or bad bytes; parameters that do not convert; the same thing created at the same moment;
 * values beyond what the database holds. Every refusal is a problem naming the field, in the caller's language.
 */
@ExtendWith(ArquillianExtension.class)
class ApiInputIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final int THREADS = 8;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    private static JsonObject problem(Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertEquals(field, problem.containsKey("field") ? problem.getString("field") : null, reply.body());
        assertFalse(reply.body().contains("Exception") || reply.body().contains("jakarta.")
                || reply.body().contains("org.eclipse"), "no Java internals in " + reply.body());
        return problem;
    }

    private String tokenJson(String username, String readOnly) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"name\":\"script\",\"expiresInDays\":7,\"readOnly\":" + readOnly + "}";
    }

    private String user(HubClient client, String admin) {
        String username = HubClient.unique("strict");
        client.createUser(admin, username, PASSWORD);
        return username;
    }

    @Test
    void aReadOnlyFlagThatIsNotTrueOrFalseGivesNoToken() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String username = user(client, admin);
        for (String lenient : List.of("1", "\"yes\"", "\"1\"", "\"true\"")) {
            problem(client.post("api/v1/tokens", null, tokenJson(username, lenient)), 400, "readOnly");
        }
        String token = client.token(username, PASSWORD);
        assertEquals(1, client.get("api/v1/tokens", token).array().size(), "only the token made with valid JSON");
    }

    @Test
    void wrongTypesAreRefusedNamingTheFieldInTheCallersLanguage() {
        Books books = Books.open(base);
        String entry = Books.entry("2025-03-01", "629", "572", "10").replace("\"debit\":10", "\"debit\":[10]");
        JsonObject english = problem(books.post("/entries", entry), 400, "lines[0].debit");
        assertEquals("The field 'lines[0].debit' must be a number, without quotes.", english.getString("detail"));
        Reply spanish = books.client().raw("POST", books.path() + "/entries", books.token(),
                entry.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "Accept-Language",
                "es-ES,es;q=0.9,en;q=0.5");
        assertEquals("El campo 'lines[0].debit' debe ser un número, sin comillas.",
                problem(spanish, 400, "lines[0].debit").getString("detail"));
        HubClient client = books.client();
        String username = user(client, client.adminToken());
        problem(client.post("api/v1/tokens", null, tokenJson(username, "false").replace(":7", ":1.5")), 400,
                "expiresInDays");
        problem(client.post("api/v1/tokens", null, tokenJson(username, "false").replace(":7", ":1e20")), 400,
                "expiresInDays");
        assertEquals(0, books.get("/entries").json().getInt("total"));
    }

    @Test
    void trailingContentDuplicateKeysAndInvalidUtf8AreRefused() {
        Books books = Books.open(base);
        String subaccount = "{\"code\":\"5720001\",\"name\":\"Banco\"}";
        problem(books.post("/accounts", subaccount + " {\"code\":\"5720002\"}"), 400, null);
        problem(books.post("/accounts", "{\"code\":\"5720001\",\"code\":\"5720002\",\"name\":\"Banco\"}"), 400, "code");
        byte[] latin1 = "{\"code\":\"5720001\",\"name\":\"Caja pequeña\"}".getBytes(StandardCharsets.ISO_8859_1);
        problem(books.client().raw("POST", books.path() + "/accounts", books.token(), latin1, "Content-Type",
                "application/json"), 400, null);
        books.expect(404, books.get("/accounts/5720001"));
        books.expect(404, books.get("/accounts/5720002"));
    }

    @Test
    void aQueryParameterThatDoesNotConvertIs400NamingIt() {
        Books books = Books.open(base);
        problem(books.get("/entries?max=abc"), 400, "max");
        problem(books.client().get("api/v1/orgs/" + books.orgId() + "/audit?first=x", books.token()), 400, "first");
    }

    @Test
    void aBodyOnGetOrDeleteIsIgnored() {
        Books books = Books.open(base);
        Reply get = books.client().send("GET", books.path() + "/fiscal-years", books.token(), "{\"year\":1}");
        assertEquals(200, get.status(), get.body());
        String admin = books.client().adminToken();
        long centre = books.client().createWorkCentre(books.token(), books.orgId(), "Taller").getJsonNumber("id")
                .longValue();
        Reply delete = books.client().send("DELETE", "api/v1/orgs/" + books.orgId() + "/work-centres/" + centre,
                books.token(), "{}");
        assertEquals(204, delete.status(), delete.body());
        assertTrue(admin.length() > 0);
    }

    @Test
    void aFileNameLongerThanTheDatabaseHoldsIs400NamingIt() {
        Books books = Books.open(base);
        Reply reply = books.client().upload(
                "api/v1/orgs/" + books.orgId() + "/imports/journal-entries?fileName=" + "a".repeat(256) + ".xlsx",
                books.token(), new byte[] { 'P', 'K' }, "application/octet-stream");
        problem(reply, 400, "fileName");
    }

    @Test
    void anAmountBeyondWhatTheBooksHoldIs400NamingIt() {
        Books books = Books.open(base);
        String grant = "{\"code\":\"G-1\",\"name\":\"Empleo\",\"funder\":\"Ayuntamiento\",\"awarded\":1e20,"
                + "\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\",\"budget\":[]}";
        problem(books.post("/grants", grant), 400, "awarded");
        books.expect(404, books.get("/grants/G-1"));
    }

    @Test
    void aClosingRefusalNamesTheAccountNotALineTheCallerNeverSent() {
        Books books = Books.open(base);
        books.postEntry("2025-01-02", "572", "100", "500.00");
        books.postEntry("2025-03-01", "629", "572", "10.00");
        Reply subaccount = books.post("/accounts", "{\"code\":\"6290001\",\"name\":\"Otros servicios\"}");
        if (subaccount.status() == 201) { // 629 is a heading now, with a balance the closing must move
            String detail = problem(books.post("/fiscal-years/2025/closing", "{}"), 409, "year").getString("detail");
            assertTrue(detail.contains("account 629"), detail);
            assertFalse(detail.contains("Line"), detail);
        } else { // or the hub refuses to make a heading of an account with postings in an open year
            problem(subaccount, 409, "code");
        }
    }

    /** Fires the same request from {@link #THREADS} threads at once; every answer is the creation or a 409. */
    private static void concurrently(String what, String field, Supplier<Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 201) {
                    created++;
                } else {
                    problem(reply, 409, field);
                }
            }
            assertEquals(1, created, what + " created once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameFiscalYearSubaccountProjectAndWorkCentreCreatedAtOnceAre201Once() throws Exception {
        Books books = Books.open(base);
        concurrently("fiscal year", "year", () -> books.post("/fiscal-years", "{\"year\":2031}"));
        concurrently("subaccount", "code",
                () -> books.post("/accounts", "{\"code\":\"5720009\",\"name\":\"Banco Norte\"}"));
        concurrently("project", "code", () -> books.post("/projects", "{\"code\":\"P-9\",\"name\":\"Huerto\"}"));
        String centre = HubClient.workCentreJson("Almacén", HubClient.uniqueCcc());
        concurrently("work centre", "ccc",
                () -> books.client().post("api/v1/orgs/" + books.orgId() + "/work-centres", books.token(), centre));
    }

    @Test
    void theSameUserOrganisationAndMembershipCreatedAtOnceAre201Once() throws Exception {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String username = HubClient.unique("twin");
        concurrently("user", "username", () -> client.post("api/v1/users", admin,
                "{\"username\":\"" + username + "\",\"fullName\":\"Twin\",\"password\":\"" + PASSWORD + "\"}"));
        String taxId = HubClient.uniqueTaxId();
        concurrently("organisation", "taxId", () -> client.post("api/v1/organisations", admin,
                "{\"taxId\":\"" + taxId + "\",\"name\":\"Gemela\",\"type\":\"ASSOCIATION\"}"));
        long org = client.createOrganisation(admin, HubClient.unique("Members"));
        concurrently("membership", "username", () -> client.post("api/v1/organisations/" + org + "/memberships", admin,
                "{\"username\":\"" + username + "\",\"roles\":[\"staff\"]}"));
    }
}
