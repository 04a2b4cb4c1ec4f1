package coop.intercoop.hub.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
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
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * The tenant-isolation suite (DESIGN rule 1). Organisations A and B; a member of A only must never read, list, count,
 * change or delete anything of B through any endpoint, and the database refuses a row of A pointing at B. Every new
 * endpoint, query, report, export and import joins this suite.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    private static final String PASSWORD = "a-long-enough-password";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** A and B, each with an org-admin, a work centre and a second (staff) member. */
    record Tenants(HubClient client, String admin, long a, long b, String memberOfA, String memberOfB, String tokenA,
            String tokenB, long centreOfA, long centreOfB, int versionOfCentreB, long membershipOfB, String nameA,
            String nameB) {
    }

    private Tenants tenants() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String nameA = HubClient.unique("TenantA");
        String nameB = HubClient.unique("TenantB");
        long a = client.createOrganisation(admin, nameA);
        long b = client.createOrganisation(admin, nameB);
        String userA = HubClient.unique("a-admin");
        String userB = HubClient.unique("b-admin");
        client.createUser(admin, userA, PASSWORD);
        client.createUser(admin, userB, PASSWORD);
        client.grant(admin, a, userA, "org-admin");
        client.grant(admin, b, userB, "org-admin");
        String tokenA = client.token(userA, PASSWORD);
        String tokenB = client.token(userB, PASSWORD);
        long centreA = client.createWorkCentre(tokenA, a, nameA + " centre").getJsonNumber("id").longValue();
        JsonObject centreOfB = client.createWorkCentre(tokenB, b, nameB + " centre");
        long centreB = centreOfB.getJsonNumber("id").longValue();
        String staffB = HubClient.unique("b-staff");
        client.createUser(admin, staffB, PASSWORD);
        long membershipB = client.grant(admin, b, staffB, "staff");
        return new Tenants(client, admin, a, b, userA, userB, tokenA, tokenB, centreA, centreB,
                centreOfB.getInt("version"), membershipB, nameA, nameB);
    }

    private static void assertNotFound(Reply reply) {
        assertEquals(404, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }

    @Test
    void aMemberOfAReachesNothingOfBThroughBsPaths() {
        Tenants t = tenants();
        HubClient c = t.client();
        String b = "api/v1/orgs/" + t.b();
        String centre = HubClient.workCentreJson("Intruder", HubClient.uniqueCcc());
        String membership = Json.createObjectBuilder().add("username", t.memberOfA())
                .add("roles", Json.createArrayBuilder().add("org-admin")).build().toString();
        String change = Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("org-admin"))
                .add("version", 0).build().toString();
        assertNotFound(c.get(b, t.tokenA()));
        assertNotFound(c.get(b + "/work-centres", t.tokenA()));
        assertNotFound(c.get(b + "/work-centres/" + t.centreOfB(), t.tokenA()));
        assertNotFound(c.post(b + "/work-centres", t.tokenA(), centre));
        assertNotFound(c.put(b + "/work-centres/" + t.centreOfB(), t.tokenA(), centre));
        assertNotFound(c.delete(b + "/work-centres/" + t.centreOfB(), t.tokenA()));
        assertNotFound(c.get(b + "/memberships", t.tokenA()));
        assertNotFound(c.post(b + "/memberships", t.tokenA(), membership));
        assertNotFound(c.put(b + "/memberships/" + t.membershipOfB(), t.tokenA(), change));
        assertNotFound(c.delete(b + "/memberships/" + t.membershipOfB(), t.tokenA()));
        assertNotFound(c.get(b + "/audit", t.tokenA()));
        assertBUnchanged(t);
    }

    @Test
    void aMemberOfAReachesNothingOfBThroughAsPathsWithBsIds() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        String centre = Json.createObjectBuilder(
                Json.createReader(new java.io.StringReader(HubClient.workCentreJson("Hijacked", HubClient.uniqueCcc())))
                        .readObject())
                .add("version", 0).build().toString();
        String change = Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("org-admin"))
                .add("version", 0).build().toString();
        assertNotFound(c.get(a + "/work-centres/" + t.centreOfB(), t.tokenA()));
        assertNotFound(c.put(a + "/work-centres/" + t.centreOfB(), t.tokenA(), centre));
        assertNotFound(c.delete(a + "/work-centres/" + t.centreOfB(), t.tokenA()));
        assertNotFound(c.put(a + "/memberships/" + t.membershipOfB(), t.tokenA(), change));
        assertNotFound(c.delete(a + "/memberships/" + t.membershipOfB(), t.tokenA()));
        String grantWithBsCentre = Json.createObjectBuilder().add("username", t.memberOfB())
                .add("roles", Json.createArrayBuilder().add("staff")).add("workCentreId", t.centreOfB()).build()
                .toString();
        assertNotFound(c.post(a + "/memberships", t.tokenA(), grantWithBsCentre));
        assertBUnchanged(t);
    }

    /**
     * An org-admin invites by name and learns nothing of people outside the organisation: a user of the hub, the admin
     * of another organisation and a name nobody has get the same answer, and nobody is a member until the invited user
     * accepts. Only the invited user sees and answers an invitation; anyone else's id answers 404.
     */
    @Test
    void anInvitationRevealsNoUserAndEnrolsNobodyUntilAccepted() {
        Tenants t = tenants();
        HubClient c = t.client();
        String members = "api/v1/orgs/" + t.a() + "/memberships";
        String outsider = HubClient.unique("outsider");
        c.createUser(t.admin(), outsider, PASSWORD);
        String outsiderToken = c.token(outsider, PASSWORD);
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (String name : List.of(outsider, t.memberOfB(), HubClient.unique("nobody"))) {
            Reply invited = c.post(members, t.tokenA(), Json.createObjectBuilder().add("username", name)
                    .add("roles", Json.createArrayBuilder().add("staff")).build().toString());
            assertEquals(202, invited.status(), invited.body());
            answers.add(invited.body().replace(name, "NAME"));
        }
        assertEquals(1, answers.size(), "the same answer whoever the name is: " + answers);
        assertEquals(1, c.get(members, t.tokenA()).array().size(), "nobody is a member yet");

        var invitations = c.get("api/v1/me/invitations", outsiderToken).array();
        assertEquals(1, invitations.size(), invitations.toString());
        assertEquals(t.nameA(), invitations.getJsonObject(0).getString("organisation"));
        long id = invitations.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(0, c.get("api/v1/me/invitations", t.tokenA()).array().size());
        assertNotFound(c.post("api/v1/me/invitations/" + id + "/acceptance", t.tokenA(), ""));
        assertNotFound(c.post("api/v1/me/invitations/" + id + "/refusal", t.tokenB(), ""));

        Reply accepted = c.post("api/v1/me/invitations/" + id + "/acceptance", outsiderToken, "");
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals("staff", accepted.json().getJsonArray("roles").getString(0));
        var after = c.get(members, t.tokenA()).array();
        assertEquals(2, after.size(), after.toString());
        assertTrue(after.toString().contains(outsider), after.toString());
        assertEquals(0, c.get("api/v1/me/invitations", outsiderToken).array().size());
        assertNotFound(c.post("api/v1/me/invitations/" + id + "/acceptance", outsiderToken, ""));

        var ofB = c.get("api/v1/me/invitations", t.tokenB()).array();
        assertEquals(1, ofB.size(), ofB.toString());
        assertEquals(204,
                c.post("api/v1/me/invitations/" + ofB.getJsonObject(0).getJsonNumber("id") + "/refusal", t.tokenB(), "")
                        .status());
        assertEquals(0, c.get("api/v1/me/invitations", t.tokenB()).array().size());
        assertEquals(2, c.get(members, t.tokenA()).array().size(), "declining makes no member");
        assertBUnchanged(t);
    }

    @Test
    void listsCountsAndTheAuditLogOfAShowOnlyA() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        var centres = c.get(a + "/work-centres", t.tokenA()).array();
        assertEquals(1, centres.size());
        assertEquals(t.centreOfA(), centres.getJsonObject(0).getJsonNumber("id").longValue());
        var members = c.get(a + "/memberships", t.tokenA()).array();
        assertEquals(1, members.size());
        assertEquals(t.memberOfA(), members.getJsonObject(0).getString("username"));
        JsonObject audit = c.get(a + "/audit", t.tokenA()).json();
        String events = audit.toString();
        assertFalse(events.contains(t.nameB()) || events.contains(t.memberOfB()), events);
        assertEquals(audit.getJsonArray("events").size(), audit.getJsonNumber("total").longValue());
        var me = c.get("api/v1/me", t.tokenA()).json().getJsonArray("memberships");
        assertEquals(1, me.size());
        assertEquals(t.a(), me.getJsonObject(0).getJsonNumber("orgId").longValue());
    }

    @Test
    void theDatabaseRefusesARowOfAThatPointsAtAWorkCentreOfB() throws SQLException {
        Tenants t = tenants();
        try (var c = TestDatabase.connect();
                var s = c.createStatement()) {
            long user;
            try (var rs = s.executeQuery("SELECT id FROM app_user WHERE username = '" + t.memberOfB() + "'")) {
                rs.next();
                user = rs.getLong(1);
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO membership (org_id, user_id, roles, work_centre_id) VALUES ("
                            + t.a() + ", " + user + ", 'staff', " + t.centreOfB() + ")"));
            assertTrue(refused.getMessage().contains("foreign key"), refused.getMessage());
        }
    }

    /** 8 threads, each alternating between a member of A and a member of B, 2,000 requests in all. */
    @Test
    void concurrentRequestsOfTwoTenantsNeverSeeEachOthersRows() throws Exception {
        Tenants t = tenants();
        HubClient c = t.client();
        int threads = 8;
        int perThread = 250;
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    boolean asA = i % 2 == 0;
                    long org = asA ? t.a() : t.b();
                    String token = asA ? t.tokenA() : t.tokenB();
                    String own = asA ? t.nameA() : t.nameB();
                    String other = asA ? t.nameB() : t.nameA();
                    String path = "api/v1/orgs/" + org + (i % 4 < 2 ? "/work-centres" : "/memberships");
                    Reply reply = c.get(path, token);
                    assertEquals(200, reply.status(), reply.body());
                    assertFalse(reply.body().contains(other), "saw the other tenant: " + reply.body());
                    if (path.endsWith("/work-centres")) {
                        assertTrue(reply.body().contains(own), reply.body());
                    }
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "the requests finished");
        for (Future<?> future : futures) {
            future.get();
        }
        assertEquals(threads * perThread, requests.get());
    }

    @Test
    void aMemberOfAReachesNoAccountFiscalYearOrLockOfB() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a() + "/accounting";
        String b = "api/v1/orgs/" + t.b() + "/accounting";
        assertEquals(201, c.post(b + "/chart", t.tokenB(), "{\"template\":\"pgc-esfl\"}").status());
        assertEquals(201,
                c.post(b + "/accounts", t.tokenB(), "{\"code\":\"5720099\",\"name\":\"Banco de B\"}").status());
        assertEquals(201, c.post(b + "/fiscal-years", t.tokenB(), "{\"year\":2025}").status());
        assertEquals(200, c.put(b + "/locks", t.tokenB(), "{\"hardLock\":\"2025-01-31\",\"version\":0}").status());
        int accountsOfB = c.get(b + "/accounts", t.tokenB()).array().size();
        assertEquals(201, c.post(a + "/chart", t.tokenA(), "{\"template\":\"pgc-pymesfl\"}").status());

        String intruder = "{\"code\":\"5720098\",\"name\":\"Intruder\"}";
        assertNotFound(c.get(b + "/chart", t.tokenA()));
        assertNotFound(c.post(b + "/chart", t.tokenA(), "{\"template\":\"pgc-esfl\"}"));
        assertNotFound(c.put(b + "/chart/size", t.tokenA(), "{\"size\":\"abbreviated\"}"));
        assertNotFound(c.put(b + "/chart/size", t.tokenA(), "{\"size\":\"normal\"}"));
        assertNotFound(c.get(b + "/accounts", t.tokenA()));
        assertNotFound(c.get(b + "/accounts/5720099", t.tokenA()));
        assertNotFound(c.post(b + "/accounts", t.tokenA(), intruder));
        assertNotFound(c.get(b + "/fiscal-years", t.tokenA()));
        assertNotFound(c.post(b + "/fiscal-years", t.tokenA(), "{\"year\":2026}"));
        assertNotFound(c.get(b + "/periods?date=2025-03-01", t.tokenA()));
        assertNotFound(c.get(b + "/locks", t.tokenA()));
        assertNotFound(c.put(b + "/locks", t.tokenA(), "{\"hardLock\":\"2025-12-31\",\"version\":1}"));

        assertNotFound(c.get(a + "/accounts/5720099", t.tokenA()));
        assertFalse(c.get(a + "/accounts", t.tokenA()).body().contains("5720099"));
        assertEquals(0, c.get(a + "/fiscal-years", t.tokenA()).array().size());
        assertEquals(400, c.get(a + "/periods?date=2025-03-01", t.tokenA()).status());
        JsonObject locksOfA = c.get(a + "/locks", t.tokenA()).json();
        assertTrue(HubClient.isNull(locksOfA, "hardLock"), locksOfA.toString());
        assertEquals(0, locksOfA.getInt("version"));

        String accounts = c.get(b + "/accounts", t.tokenB()).body();
        assertEquals(accountsOfB, c.get(b + "/accounts", t.tokenB()).array().size());
        assertFalse(accounts.contains("Intruder") || accounts.contains("5720098"), accounts);
        assertEquals("pgc-esfl", c.get(b + "/chart", t.tokenB()).json().getString("template"));
        assertEquals(1, c.get(b + "/fiscal-years", t.tokenB()).array().size());
        assertEquals("2025-01-31", c.get(b + "/locks", t.tokenB()).json().getString("hardLock"));
        assertBUnchanged(t);
    }

    @Test
    void aMemberOfAReachesNoEntryDraftProjectGrantOrLedgerCheckOfB() throws SQLException {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a() + "/accounting";
        String b = "api/v1/orgs/" + t.b() + "/accounting";
        for (String[] books : new String[][] { { a, t.tokenA() }, { b, t.tokenB() } }) {
            assertEquals(201, c.post(books[0] + "/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/fiscal-years", books[1], "{\"year\":2025}").status());
        }
        assertEquals(201,
                c.post(b + "/accounts", t.tokenB(), "{\"code\":\"5720099\",\"name\":\"Banco de B\"}").status());
        assertEquals(201, c.post(b + "/projects", t.tokenB(), "{\"code\":\"PB\",\"name\":\"Project of B\"}").status());
        assertEquals(201, c.post(b + "/grants", t.tokenB(), "{\"code\":\"GB\",\"name\":\"Grant of B\","
                + "\"funder\":\"F\",\"awarded\":100,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\"}")
                .status());
        String entryOfB = "{\"date\":\"2025-02-01\",\"journal\":\"BANK\",\"description\":\"B's entry\",\"lines\":["
                + "{\"account\":\"629\",\"debit\":40,\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":\"PB\"}]},"
                + "{\"account\":\"5720099\",\"credit\":40}]}";
        Reply posted = c.post(b + "/entries", t.tokenB(), entryOfB);
        assertEquals(201, posted.status(), posted.body());
        long entryB = posted.json().getJsonNumber("id").longValue();
        Reply draft = c.post(b + "/drafts", t.tokenB(), entryOfB);
        assertEquals(201, draft.status(), draft.body());
        long draftB = draft.json().getJsonNumber("id").longValue();

        // B's paths
        assertNotFound(c.get(b + "/entries", t.tokenA()));
        assertNotFound(c.get(b + "/entries/" + entryB, t.tokenA()));
        assertNotFound(c.post(b + "/entries", t.tokenA(), entryOfB));
        assertNotFound(c.post(b + "/entries/" + entryB + "/reversal", t.tokenA(), "{\"date\":\"2025-03-01\"}"));
        assertNotFound(c.get(b + "/drafts", t.tokenA()));
        assertNotFound(c.get(b + "/drafts/" + draftB, t.tokenA()));
        assertNotFound(c.put(b + "/drafts/" + draftB, t.tokenA(), entryOfB.replaceFirst("\\{", "{\"version\":0,")));
        assertNotFound(c.delete(b + "/drafts/" + draftB, t.tokenA()));
        assertNotFound(c.post(b + "/drafts/" + draftB + "/posting", t.tokenA(), "{}"));
        assertNotFound(c.get(b + "/projects", t.tokenA()));
        assertNotFound(c.post(b + "/projects", t.tokenA(), "{\"code\":\"PX\",\"name\":\"x\"}"));
        assertNotFound(c.get(b + "/grants", t.tokenA()));
        assertNotFound(c.get(b + "/grants/GB", t.tokenA()));
        assertNotFound(c.get(b + "/integrity", t.tokenA()));
        assertNotFound(c.post(b + "/balances/verification", t.tokenA(), ""));
        assertNotFound(c.post(b + "/balances/rebuild", t.tokenA(), ""));
        assertNotFound(c.post(b + "/fiscal-years/2025/closing", t.tokenA(), "{}"));
        assertNotFound(c.post(b + "/fiscal-years/2025/renumbering", t.tokenA(), ""));
        assertNotFound(c.post(b + "/fiscal-years/2025/legalisation", t.tokenA(), ""));

        // B's ids and codes under A's path
        assertNotFound(c.get(a + "/entries/" + entryB, t.tokenA()));
        assertNotFound(c.post(a + "/entries/" + entryB + "/reversal", t.tokenA(), "{\"date\":\"2025-03-01\"}"));
        assertNotFound(c.get(a + "/drafts/" + draftB, t.tokenA()));
        assertNotFound(c.delete(a + "/drafts/" + draftB, t.tokenA()));
        assertNotFound(c.post(a + "/drafts/" + draftB + "/posting", t.tokenA(), "{}"));
        assertNotFound(c.get(a + "/grants/GB", t.tokenA()));
        Reply foreignAccount = c.post(a + "/entries", t.tokenA(), entryOfB.replace("PB", "PA"));
        assertEquals(400, foreignAccount.status(), foreignAccount.body());
        assertTrue(foreignAccount.body().contains("5720099 does not exist"), foreignAccount.body());
        Reply foreignProject = c.post(a + "/entries", t.tokenA(), entryOfB.replace("5720099", "572"));
        assertEquals(400, foreignProject.status(), foreignProject.body());
        assertTrue(foreignProject.body().contains("no project PB"), foreignProject.body());
        assertEquals(0, c.get(a + "/entries", t.tokenA()).json().getInt("total"));
        assertEquals(0, c.get(a + "/drafts", t.tokenA()).array().size());
        assertEquals(0, c.get(a + "/projects", t.tokenA()).array().size());
        assertEquals(0, c.get(a + "/grants", t.tokenA()).array().size());
        assertEquals(0, c.get(a + "/integrity", t.tokenA()).json().getInt("entriesChecked"));
        // A's renumbering numbers A's entries only, and B's year is neither renumbered nor legalised by A
        Reply renumbered = c.post(a + "/fiscal-years/2025/renumbering", t.tokenA(), "");
        assertEquals(201, renumbered.status(), renumbered.body());
        assertEquals(0, renumbered.json().getInt("entries"), renumbered.body());
        assertFalse(c.get(b + "/fiscal-years", t.tokenB()).array().getJsonObject(0).getBoolean("legalised"));
        assertEquals(1, c.get(b + "/entries/" + entryB, t.tokenB()).json().getInt("number"));

        // the database refuses a line of A that points at B's account
        Reply entryOfA = c.post(a + "/entries", t.tokenA(), entryOfB.replace("PB", "PA").replace("5720099", "572")
                .replace(",\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":\"PA\"}]", ""));
        assertEquals(201, entryOfA.status(), entryOfA.body());
        try (Connection db = TestDatabase.connect();
                Statement s = db.createStatement()) {
            long accountOfB;
            try (var r = s.executeQuery("SELECT id FROM account WHERE org_id = " + t.b() + " AND code = '5720099'")) {
                r.next();
                accountOfB = r.getLong(1);
            }
            assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO journal_line (org_id, entry_id, "
                            + "line_no, account_id, entry_date, debit, credit) VALUES (" + t.a() + ", "
                            + entryOfA.json().getJsonNumber("id").longValue() + ", 9, " + accountOfB
                            + ", '2025-02-01', 1, 0)"));
        }

        assertEquals(1, c.get(b + "/entries", t.tokenB()).json().getInt("total"));
        assertEquals(1, c.get(b + "/drafts", t.tokenB()).array().size());
        assertEquals(1, c.get(b + "/projects", t.tokenB()).array().size());
        assertTrue(c.get(b + "/integrity", t.tokenB()).json().getBoolean("intact"));
        assertBUnchanged(t);
    }

    @Test
    void aMemberOfAReadsNoReportOfBAndConsolidatesOnlyItsOwnOrganisations() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a() + "/accounting";
        String b = "api/v1/orgs/" + t.b() + "/accounting";
        for (String[] books : new String[][] { { a, t.tokenA(), "100" }, { b, t.tokenB(), "7000" } }) {
            assertEquals(201, c.post(books[0] + "/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/fiscal-years", books[1], "{\"year\":2025}").status());
            Reply posted = c.post(books[0] + "/entries", books[1],
                    "{\"date\":\"2025-02-01\",\"journal\":\"BANK\",\"description\":\"x\",\"lines\":["
                            + "{\"account\":\"629\",\"debit\":" + books[2] + "},{\"account\":\"572\",\"credit\":"
                            + books[2] + "}]}");
            assertEquals(201, posted.status(), posted.body());
        }
        assertEquals(201, c.post(b + "/grants", t.tokenB(), "{\"code\":\"GB\",\"name\":\"Grant of B\","
                + "\"funder\":\"F\",\"awarded\":100,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\"}")
                .status());
        String[] reports = { "/reports/trial-balance?date=2025-12-31&level=3",
                "/reports/ledger?account=629&from=2025-01-01&to=2025-12-31",
                "/reports/journal?from=2025-01-01&to=2025-12-31", "/reports/balance-sheet?date=2025-12-31",
                "/reports/results?from=2025-01-01&to=2025-12-31", "/reports/grant-execution?grant=GB",
                "/entries?from=2025-01-01&to=2025-12-31&account=572" };
        for (String report : reports) {
            assertNotFound(c.get(b + report, t.tokenA()));
            assertNotFound(c.get(b + report + "&format=xlsx", t.tokenA()));
            assertEquals(200, c.get(b + report, t.tokenB()).status(), report);
        }
        assertNotFound(c.get(a + "/reports/grant-execution?grant=GB", t.tokenA()));
        JsonObject trialOfA = c.get(a + "/reports/trial-balance?date=2025-12-31&level=posting", t.tokenA()).json();
        assertEquals(0,
                new java.math.BigDecimal("100")
                        .compareTo(trialOfA.getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()),
                trialOfA.toString());
        JsonObject ledgerOfA = c.get(a + "/reports/ledger?account=629&from=2025-01-01&to=2025-12-31", t.tokenA())
                .json();
        assertEquals(1, ledgerOfA.getJsonArray("lines").size(), ledgerOfA.toString());
        assertEquals(1, c.get(a + "/reports/journal?from=2025-01-01&to=2025-12-31", t.tokenA()).json().getInt("total"));

        // consolidation: over A and a third organisation of the same member, never over B
        long third = c.createOrganisation(t.admin(), HubClient.unique("TenantC"));
        c.grant(t.admin(), third, t.memberOfA(), "accountant");
        String thirdBooks = "api/v1/orgs/" + third + "/accounting";
        assertEquals(201, c.post(thirdBooks + "/chart", t.tokenA(), "{\"template\":\"pgc-esfl\"}").status());
        assertEquals(201, c.post(thirdBooks + "/fiscal-years", t.tokenA(), "{\"year\":2025}").status());
        String consolidated = "api/v1/accounting/consolidated/trial-balance?date=2025-12-31&level=3&orgs=";
        Reply own = c.get(consolidated + t.a() + "," + third, t.tokenA());
        assertEquals(200, own.status(), own.body());
        assertEquals(0, new java.math.BigDecimal("100")
                .compareTo(own.json().getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()), own.body());
        assertNotFound(c.get(consolidated + t.a() + "," + t.b(), t.tokenA()));
        assertNotFound(c.get(consolidated + t.b(), t.tokenA()));
        assertNotFound(c.get(consolidated + t.a() + "," + t.b() + "&format=xlsx", t.tokenA()));
        assertBUnchanged(t);
    }

    @Test
    void importsActOnlyInTheCallersOrganisations() throws Exception {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        String b = "api/v1/orgs/" + t.b();
        for (String[] books : new String[][] { { a, t.tokenA() }, { b, t.tokenB() } }) {
            assertEquals(201, c.post(books[0] + "/accounting/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/accounting/fiscal-years", books[1], "{\"year\":2025}").status());
        }
        // an account code that exists only in B's chart is unknown to an import into A
        assertEquals(201,
                c.post(b + "/accounting/accounts", t.tokenB(), "{\"code\":\"5720099\",\"name\":\"Banco B\"}").status());
        String taxOfB = c.get(b, t.tokenB()).json().getJsonObject("organisation").getString("taxId");
        byte[] workbook = Workbooks.of(
                List.of("Organización", "Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber"),
                List.<Object[]> of(new Object[] { taxOfB, "1", LocalDate.of(2025, 3, 1), "BANK", "629", "x", 10, null },
                        new Object[] { taxOfB, "1", LocalDate.of(2025, 3, 1), "BANK", "572", "x", null, 10 },
                        new Object[] { null, "2", LocalDate.of(2025, 3, 1), "BANK", "629", "y", 10, null },
                        new Object[] { null, "2", LocalDate.of(2025, 3, 1), "BANK", "5720099", "y", null, 10 }));
        // uploading into B, or reading B's jobs, answers as if B did not exist
        assertNotFound(c.upload(b + "/imports/journal-entries", t.tokenA(), workbook, Workbooks.XLSX));
        Reply accepted = c.upload(a + "/imports/journal-entries", t.tokenA(), workbook, Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        long job = accepted.json().getJsonNumber("id").longValue();
        JsonObject done = c.finishedJob(a + "/imports/" + job, t.tokenA());
        assertEquals("failed", done.getString("status"), done.toString());
        String problems = c.get(a + "/imports/" + job + "/problems", t.tokenA()).body();
        assertTrue(problems.contains("\"row\":2") && problems.contains(taxOfB), problems);
        assertTrue(problems.contains("\"row\":5") && problems.contains("5720099"), problems);
        assertEquals(0, c.get(b + "/accounting/entries", t.tokenB()).json().getInt("total"));
        assertEquals(0, c.get(a + "/accounting/entries", t.tokenA()).json().getInt("total"));
        // B's member cannot see A's job, its report or its workbook, through A's path or B's
        for (String path : new String[] { "", "/problems", "/workbook" }) {
            assertNotFound(c.get(a + "/imports/" + job + path, t.tokenB()));
            assertNotFound(c.get(b + "/imports/" + job + path, t.tokenB()));
        }
        assertNotFound(c.get(b + "/imports", t.tokenA()));
        assertNotFound(c.get(b + "/import-templates/journal-entries", t.tokenA()));
        assertEquals(0, c.get(b + "/imports", t.tokenB()).json().getInt("total"));

        // payroll: an employee is looked up by NIF among the job's organisation's only
        Reply employeeOfB = c.post(b + "/payroll/employees", t.tokenB(),
                Json.createObjectBuilder().add("nif", "12345678Z").add("naf", "281234567840").add("firstName", "Berta")
                        .add("lastName", "B").add("birthDate", "1990-05-17").add("address", "Calle B")
                        .add("postalCode", "28013").add("municipality", "Madrid")
                        .add("iban", "ES9121000418450200051332").add("familySituation", 3).build().toString());
        assertEquals(201, employeeOfB.status(), employeeOfB.body());
        // a month item in A that names B's employee: no employee of A has that id
        assertNotFound(c.post(a + "/payroll/items", t.tokenA(), "{\"employeeId\":" + id(employeeOfB)
                + ",\"month\":\"2025-03\",\"kind\":\"variable\",\"concept\":\"Plus\",\"amount\":5}"));
        byte[] summary = Workbooks.of(
                List.of("Mes", "NIF", "Devengado", "SS empresa", "SS trabajador", "IRPF", "Líquido"),
                List.<Object[]> of(new Object[] { LocalDate.of(2025, 3, 31), "12345678Z", 1000, 300, 65, 100, 835 }));
        assertNotFound(c.upload(b + "/imports/payroll-gestoria-summary", t.tokenA(), summary, Workbooks.XLSX));
        assertNotFound(c.upload(b + "/imports/payroll-employees", t.tokenA(), summary, Workbooks.XLSX));
        assertNotFound(c.upload(b + "/imports/payroll-contracts", t.tokenA(), summary, Workbooks.XLSX));
        Reply intoA = c.upload(a + "/imports/payroll-gestoria-summary", t.tokenA(), summary, Workbooks.XLSX);
        assertEquals(202, intoA.status(), intoA.body());
        long summaryJob = intoA.json().getJsonNumber("id").longValue();
        JsonObject summaryDone = c.finishedJob(a + "/imports/" + summaryJob, t.tokenA());
        assertEquals("failed", summaryDone.getString("status"), summaryDone.toString());
        String summaryProblems = c.get(a + "/imports/" + summaryJob + "/problems", t.tokenA()).body();
        assertTrue(summaryProblems.contains("\"row\":2") && summaryProblems.contains("B (NIF)")
                && summaryProblems.contains("12345678Z"), summaryProblems);
        assertEquals(0, c.get(a + "/accounting/entries", t.tokenA()).json().getInt("total"));
        assertEquals(0, c.get(b + "/accounting/entries", t.tokenB()).json().getInt("total"));
        // the same NIF imported into A is A's own employee; B's stays as it was
        byte[] employees = Workbooks.of(
                List.of("NIF", "NAF", "Nombre", "Primer apellido", "Fecha de nacimiento", "Domicilio", "Código postal",
                        "Municipio", "IBAN", "Situación familiar"),
                List.<Object[]> of(new Object[] { "12345678Z", "281234567840", "Ana", "A", LocalDate.of(1991, 1, 2),
                        "Calle A", "08001", "Barcelona", "ES9121000418450200051332", 3 }));
        Reply employeesIntoA = c.upload(a + "/imports/payroll-employees", t.tokenA(), employees, Workbooks.XLSX);
        assertEquals(202, employeesIntoA.status(), employeesIntoA.body());
        JsonObject employeesDone = c.finishedJob(a + "/imports/" + employeesIntoA.json().getJsonNumber("id"),
                t.tokenA());
        assertEquals("succeeded", employeesDone.getString("status"), employeesDone.toString());
        assertEquals("Ana",
                c.get(a + "/payroll/employees", t.tokenA()).array().getJsonObject(0).getString("firstName"));
        var employeesOfB = c.get(b + "/payroll/employees", t.tokenB()).array();
        assertEquals(1, employeesOfB.size());
        assertEquals("Berta", employeesOfB.getJsonObject(0).getString("firstName"));
        // a gestoría mapping of B is not A's, through either path
        Reply mappingOfB = c.put(b + "/payroll/gestoria-mappings/asesoria", t.tokenB(),
                "{\"accounts\":{\"net-pay\":\"5720099\"}}");
        assertEquals(200, mappingOfB.status(), mappingOfB.body());
        assertNotFound(c.get(b + "/payroll/gestoria-mappings/asesoria", t.tokenA()));
        assertNotFound(
                c.put(b + "/payroll/gestoria-mappings/asesoria", t.tokenA(), "{\"accounts\":{\"net-pay\":\"572\"}}"));
        assertNotFound(c.get(a + "/payroll/gestoria-mappings/asesoria", t.tokenA()));
        assertEquals("5720099", c.get(b + "/payroll/gestoria-mappings/asesoria", t.tokenB()).json()
                .getJsonObject("accounts").getString("net-pay"));
        assertBUnchanged(t);
    }

    @Test
    void aJobOfBThatWroteIntoAShowsAsMembersOnlyWhatItWroteInA() throws Exception {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        String b = "api/v1/orgs/" + t.b();
        for (String[] books : new String[][] { { a, t.tokenA() }, { b, t.tokenB() } }) {
            assertEquals(201, c.post(books[0] + "/accounting/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/accounting/fiscal-years", books[1], "{\"year\":2025}").status());
        }
        // a shared-services accountant keeps both books and imports into both from B
        String shared = HubClient.unique("shared");
        c.createUser(t.admin(), shared, PASSWORD);
        c.grant(t.admin(), t.a(), shared, "accountant");
        c.grant(t.admin(), t.b(), shared, "accountant");
        String tokenShared = c.token(shared, PASSWORD);
        String taxOfA = c.get(a, t.tokenA()).json().getJsonObject("organisation").getString("taxId");
        byte[] workbook = Workbooks.of(
                List.of("Organización", "Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber"),
                List.<Object[]> of(new Object[] { taxOfA, "1", LocalDate.of(2025, 3, 1), "BANK", "629", "x", 10, null },
                        new Object[] { taxOfA, "1", LocalDate.of(2025, 3, 1), "BANK", "572", "x", null, 10 },
                        new Object[] { null, "2", LocalDate.of(2025, 3, 1), "BANK", "629", "y", 10, null },
                        new Object[] { null, "2", LocalDate.of(2025, 3, 1), "BANK", "572", "y", null, 10 },
                        new Object[] { null, "3", LocalDate.of(2025, 3, 1), "BANK", "629", "z", 10, null },
                        new Object[] { null, "3", LocalDate.of(2025, 3, 1), "BANK", "572", "z", null, 10 }));
        Reply accepted = c.upload(b + "/imports/journal-entries?fileName=compartido.xlsx", tokenShared, workbook,
                Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        long job = accepted.json().getJsonNumber("id").longValue();
        JsonObject done = c.finishedJob(b + "/imports/" + job, tokenShared);
        assertEquals("succeeded", done.getString("status"), done.toString());
        assertEquals(6, done.getJsonNumber("rowsWritten").longValue(), done.toString());
        // A's member, not one of B, finds the job among A's imports with the two rows it wrote into A, and nothing of
        // B's rows: no counts of the workbook, no outcome, no report, no workbook, and B's paths are not found
        JsonObject list = c.get(a + "/imports", t.tokenA()).json();
        assertEquals(1, list.getInt("total"), list.toString());
        JsonObject seen = list.getJsonArray("jobs").getJsonObject(0);
        assertEquals(job, seen.getJsonNumber("id").longValue(), seen.toString());
        assertEquals(2, seen.getJsonNumber("rowsWritten").longValue(), seen.toString());
        for (String hidden : List.of("rowsRead", "rowsValidated", "rowsSkipped", "errorCount", "warningCount",
                "outcome", "rowsExpected")) {
            assertTrue(!seen.containsKey(hidden), hidden + " of the whole workbook: " + seen);
        }
        assertEquals(seen, c.get(a + "/imports/" + job, t.tokenA()).json());
        for (String path : new String[] { "/problems", "/workbook" }) {
            assertNotFound(c.get(a + "/imports/" + job + path, t.tokenA()));
        }
        for (String path : new String[] { "", "/problems", "/workbook" }) {
            assertNotFound(c.get(b + "/imports/" + job + path, t.tokenA()));
        }
        assertEquals(1, c.get(a + "/accounting/entries", t.tokenA()).json().getInt("total"));
    }

    @Test
    void aConsortiumOfBAndItsInvitationsAreReachableOnlyThroughTheirMembers() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        String b = "api/v1/orgs/" + t.b();
        long third = c.createOrganisation(t.admin(), HubClient.unique("TenantC"));
        String adminOfC = HubClient.unique("c-admin");
        String staffOfC = HubClient.unique("c-staff");
        c.createUser(t.admin(), adminOfC, PASSWORD);
        c.createUser(t.admin(), staffOfC, PASSWORD);
        c.grant(t.admin(), third, adminOfC, "org-admin");
        c.grant(t.admin(), third, staffOfC, "staff");
        String tokenC = c.token(adminOfC, PASSWORD);
        String cPath = "api/v1/orgs/" + third;
        String taxIdOfA = c.get("api/v1/organisations/" + t.a(), t.admin()).json().getString("taxId");
        String taxIdOfC = c.get("api/v1/organisations/" + third, t.admin()).json().getString("taxId");
        Reply created = c.post(b + "/consortia", t.tokenB(), "{\"name\":\"" + t.nameB() + " UTE\",\"share\":40}");
        assertEquals(201, created.status(), created.body());
        long ofB = created.json().getJsonNumber("id").longValue();
        Reply invitedC = c.post(b + "/consortia/" + ofB + "/invitations", t.tokenB(),
                "{\"taxId\":\"" + taxIdOfC + "\",\"share\":30}");
        assertEquals(201, invitedC.status(), invitedC.body());
        long invitationOfC = c.get(cPath + "/consortium-invitations", tokenC).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        String invite = "{\"taxId\":\"" + taxIdOfA + "\",\"share\":10}";
        String trialBalance = "/trial-balance?date=2025-12-31&level=3";

        // B's consortium under B's path and under A's: as if it did not exist
        assertNotFound(c.get(b + "/consortia", t.tokenA()));
        assertNotFound(c.post(b + "/consortia", t.tokenA(), "{\"name\":\"Intruder\",\"share\":50}"));
        assertNotFound(c.get(b + "/consortia/" + ofB, t.tokenA()));
        assertNotFound(c.post(b + "/consortia/" + ofB + "/invitations", t.tokenA(), invite));
        assertNotFound(c.get(b + "/consortia/" + ofB + trialBalance, t.tokenA()));
        assertNotFound(c.get(b + "/consortium-invitations", t.tokenA()));
        assertNotFound(c.get(a + "/consortia/" + ofB, t.tokenA()));
        assertNotFound(c.post(a + "/consortia/" + ofB + "/invitations", t.tokenA(), invite));
        assertNotFound(c.get(a + "/consortia/" + ofB + trialBalance, t.tokenA()));
        assertNotFound(c.get(a + "/consortia/" + ofB + trialBalance + "&format=xlsx", t.tokenA()));
        assertEquals(0, c.get(a + "/consortia", t.tokenA()).array().size());

        // C's invitation: only C answers it, and only its org-admins or tender-managers
        assertNotFound(c.get(a + "/consortium-invitations/" + invitationOfC, t.tokenA()));
        assertNotFound(c.post(a + "/consortium-invitations/" + invitationOfC + "/acceptance", t.tokenA(), ""));
        assertNotFound(c.post(a + "/consortium-invitations/" + invitationOfC + "/refusal", t.tokenA(), ""));
        assertNotFound(c.post(cPath + "/consortium-invitations/" + invitationOfC + "/acceptance", t.tokenA(), ""));
        assertNotFound(c.post(b + "/consortium-invitations/" + invitationOfC + "/acceptance", t.tokenB(), ""));
        assertEquals(0, c.get(a + "/consortium-invitations", t.tokenA()).array().size());
        Reply byStaff = c.post(cPath + "/consortium-invitations/" + invitationOfC + "/acceptance",
                c.token(staffOfC, PASSWORD), "");
        assertEquals(403, byStaff.status(), byStaff.body());
        // invited but not yet accepted: C sees the invitation, not the consortium
        assertNotFound(c.get(cPath + "/consortia/" + ofB, tokenC));
        assertNotFound(c.get(cPath + "/consortia/" + ofB + trialBalance, tokenC));
        assertEquals("INVITED",
                c.get(cPath + "/consortium-invitations/" + invitationOfC, tokenC).json().getString("status"));

        // once A accepts, A's members see the consortium and sum only A's books, never B's figures
        assertEquals(201, c.post(b + "/consortia/" + ofB + "/invitations", t.tokenB(), invite).status());
        long invitationOfA = c.get(a + "/consortium-invitations", t.tokenA()).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertNotFound(c.post(cPath + "/consortium-invitations/" + invitationOfA + "/acceptance", tokenC, ""));
        assertEquals(200,
                c.post(a + "/consortium-invitations/" + invitationOfA + "/acceptance", t.tokenA(), "").status());
        for (String[] books : new String[][] { { a, t.tokenA(), "100" }, { b, t.tokenB(), "7777" } }) {
            assertEquals(201, c.post(books[0] + "/accounting/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/accounting/fiscal-years", books[1], "{\"year\":2025}").status());
            assertEquals(201, c
                    .post(books[0] + "/accounting/entries", books[1], Books.entry("2025-02-01", "629", "572", books[2]))
                    .status());
        }
        Reply seen = c.get(a + "/consortia/" + ofB, t.tokenA());
        assertEquals(200, seen.status(), seen.body());
        Reply summed = c.get(a + "/consortia/" + ofB + trialBalance, t.tokenA());
        assertEquals(200, summed.status(), summed.body());
        assertFalse(summed.body().contains("7777"), summed.body());
        assertEquals(t.b(), summed.json().getJsonArray("leftOut").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(0, new java.math.BigDecimal("100").compareTo(summed.json().getJsonObject("trialBalance")
                .getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()), summed.body());
        Reply notLead = c.post(a + "/consortia/" + ofB + "/invitations", t.tokenA(),
                "{\"taxId\":\"" + taxIdOfC + "\",\"share\":1}");
        assertEquals(403, notLead.status(), notLead.body());
        assertEquals("INVITED",
                c.get(cPath + "/consortium-invitations/" + invitationOfC, tokenC).json().getString("status"));
        assertBUnchanged(t);
    }

    /**
     * Renaming and deleting subaccounts, projects and grants acts only in the caller's organisation: B's, unused and
     * deletable by B, answer 404 to A through B's paths and A's, and stay as they were.
     */
    @Test
    void aMemberOfARenamesAndDeletesNoSubaccountProjectOrGrantOfB() {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a() + "/accounting";
        String b = "api/v1/orgs/" + t.b() + "/accounting";
        for (String[] books : new String[][] { { a, t.tokenA() }, { b, t.tokenB() } }) {
            assertEquals(201, c.post(books[0] + "/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
        }
        assertEquals(201,
                c.post(b + "/accounts", t.tokenB(), "{\"code\":\"5720099\",\"name\":\"Banco de B\"}").status());
        assertEquals(201, c.post(b + "/projects", t.tokenB(), "{\"code\":\"PB\",\"name\":\"Project of B\"}").status());
        String grant = "{\"name\":\"Grant of B\",\"funder\":\"F\",\"awarded\":100,\"eligibleFrom\":\"2025-01-01\","
                + "\"eligibleTo\":\"2025-12-31\",\"budget\":[{\"account\":\"64\",\"amount\":100}]}";
        assertEquals(201,
                c.post(b + "/grants", t.tokenB(), grant.replace("{\"name", "{\"code\":\"GB\",\"name")).status());

        for (String books : List.of(b, a)) {
            assertNotFound(c.put(books + "/accounts/5720099", t.tokenA(), "{\"name\":\"Hijacked\"}"));
            assertNotFound(c.delete(books + "/accounts/5720099", t.tokenA()));
            assertNotFound(c.put(books + "/projects/PB", t.tokenA(), "{\"name\":\"Hijacked\"}"));
            assertNotFound(c.delete(books + "/projects/PB", t.tokenA()));
            assertNotFound(c.put(books + "/grants/GB", t.tokenA(), grant.replace("Grant of B", "Hijacked")));
            assertNotFound(c.delete(books + "/grants/GB", t.tokenA()));
        }

        assertEquals("Banco de B", c.get(b + "/accounts/5720099", t.tokenB()).json().getString("name"));
        assertEquals("Project of B", c.get(b + "/projects", t.tokenB()).array().getJsonObject(0).getString("name"));
        JsonObject grantOfB = c.get(b + "/grants/GB", t.tokenB()).json();
        assertEquals("Grant of B", grantOfB.getString("name"));
        assertEquals(1, grantOfB.getJsonArray("budget").size());
        assertEquals(204, c.delete(b + "/accounts/5720099", t.tokenB()).status(), "B itself may delete them");
        assertEquals(204, c.delete(b + "/projects/PB", t.tokenB()).status());
        assertEquals(204, c.delete(b + "/grants/GB", t.tokenB()).status());
        assertBUnchanged(t);
    }

    /**
     * An org-admin changes a member's roles with the version read, but the organisation's only org-admin cannot give
     * the role up, neither by changing their own roles nor by ending their own membership; once another member holds
     * it, they can.
     */
    @Test
    void theOnlyOrgAdminCannotGiveUpTheRoleUntilAnotherMemberHoldsIt() {
        Tenants t = tenants();
        HubClient c = t.client();
        String members = "api/v1/orgs/" + t.b() + "/memberships";
        JsonObject own = membershipOf(c.get(members, t.tokenB()).array(), t.memberOfB());
        String ownPath = members + "/" + own.getJsonNumber("id").longValue();

        Reply refused = c.put(ownPath, t.tokenB(), roles(own.getInt("version"), "staff"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("roles", refused.json().getString("field"), refused.body());
        Reply notRevoked = c.delete(ownPath, t.tokenB());
        assertEquals(409, notRevoked.status(), notRevoked.body());
        assertEquals(List.of("org-admin"), rolesOf(membershipOf(c.get(members, t.tokenB()).array(), t.memberOfB())));

        int staffVersion = c.get(members, t.tokenB()).array().stream().map(JsonObject.class::cast)
                .filter(m -> m.getJsonNumber("id").longValue() == t.membershipOfB()).findFirst().orElseThrow()
                .getInt("version");
        Reply promoted = c.put(members + "/" + t.membershipOfB(), t.tokenB(),
                roles(staffVersion, "org-admin", "staff"));
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals(List.of("org-admin", "staff"), rolesOf(promoted.json()));
        Reply stale = c.put(members + "/" + t.membershipOfB(), t.tokenB(), roles(staffVersion, "staff"));
        assertEquals(409, stale.status(), "the version read is stale: " + stale.body());
        Reply givenUp = c.put(ownPath, t.tokenB(), roles(own.getInt("version"), "staff"));
        assertEquals(200, givenUp.status(), givenUp.body());
        assertEquals(List.of("staff"), rolesOf(givenUp.json()));
    }

    private static String roles(int version, String... roles) {
        var array = Json.createArrayBuilder();
        for (String role : roles) {
            array.add(role);
        }
        return Json.createObjectBuilder().add("roles", array).add("version", version).build().toString();
    }

    private static JsonObject membershipOf(jakarta.json.JsonArray memberships, String username) {
        return memberships.stream().map(JsonObject.class::cast).filter(m -> username.equals(m.getString("username")))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not in " + memberships));
    }

    private static List<String> rolesOf(JsonObject membership) {
        return membership.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString);
    }

    /**
     * The sweep: every operation of {@code /openapi} under {@code /orgs/{org}}, whoever wrote it and whenever, aimed by
     * a member of A at B (B's path, B's ids) and at A's path with B's ids and codes. B's path answers 404 as if B did
     * not exist, whatever the method, body or parameters. A's path with an id or code of B answers 404, or 400 when the
     * body is refused before anything is looked up; with B's codes in a query parameter it answers as for a code A does
     * not have. No answer carries any of the strings planted in B, and B's books, members, consortia, imports,
     * employees and audit log read the same before and after. An id parameter whose path names a kind of record B has
     * none of fails the sweep: plant one of B's here and the new endpoint is covered.
     */
    @Test
    void everyOrganisationOperationOfTheOpenApiRefusesAMemberOfAEverythingOfB() throws Exception {
        Tenants t = tenants();
        HubClient c = t.client();
        String a = "api/v1/orgs/" + t.a();
        String b = "api/v1/orgs/" + t.b();
        String planted = HubClient.unique("Planted-in-B");
        for (String[] books : new String[][] { { a, t.tokenA() }, { b, t.tokenB() } }) {
            assertEquals(201, c.post(books[0] + "/accounting/chart", books[1], "{\"template\":\"pgc-esfl\"}").status());
            assertEquals(201, c.post(books[0] + "/accounting/fiscal-years", books[1], "{\"year\":2025}").status());
        }
        String accounting = b + "/accounting";
        assertEquals(201,
                c.post(accounting + "/accounts", t.tokenB(), "{\"code\":\"5720099\",\"name\":\"" + planted + " bank\"}")
                        .status());
        assertEquals(201,
                c.post(accounting + "/projects", t.tokenB(), "{\"code\":\"PB\",\"name\":\"" + planted + " project\"}")
                        .status());
        assertEquals(201,
                c.post(accounting + "/grants", t.tokenB(),
                        "{\"code\":\"GB\",\"name\":\"" + planted + " grant\",\"funder\":\"" + planted
                                + " funder\",\"awarded\":100,\"eligibleFrom\":\"2025-01-01\","
                                + "\"eligibleTo\":\"2025-12-31\"}")
                        .status());
        String entry = "{\"date\":\"2025-02-01\",\"journal\":\"BANK\",\"description\":\"" + planted + " entry\","
                + "\"lines\":[{\"account\":\"629\",\"debit\":40,\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":"
                + "\"PB\"},{\"dimension\":\"GRANT\",\"code\":\"GB\"}]},{\"account\":\"5720099\",\"credit\":40}]}";
        Reply posted = c.post(accounting + "/entries", t.tokenB(), entry);
        assertEquals(201, posted.status(), posted.body());
        Reply draft = c.post(accounting + "/drafts", t.tokenB(), entry.replace(" entry", " draft"));
        assertEquals(201, draft.status(), draft.body());
        Reply consortium = c.post(b + "/consortia", t.tokenB(), "{\"name\":\"" + planted + " UTE\",\"share\":40}");
        assertEquals(201, consortium.status(), consortium.body());
        // B is invited into a consortium of C, so that B has an invitation received
        long third = c.createOrganisation(t.admin(), HubClient.unique("TenantC"));
        String adminOfC = HubClient.unique("c-admin");
        c.createUser(t.admin(), adminOfC, PASSWORD);
        c.grant(t.admin(), third, adminOfC, "org-admin");
        String tokenC = c.token(adminOfC, PASSWORD);
        String taxOfB = c.get(b, t.tokenB()).json().getJsonObject("organisation").getString("taxId");
        long ofC = c
                .post("api/v1/orgs/" + third + "/consortia", tokenC, "{\"name\":\"" + planted + " C\",\"share\":50}")
                .json().getJsonNumber("id").longValue();
        assertEquals(201, c.post("api/v1/orgs/" + third + "/consortia/" + ofC + "/invitations", tokenC,
                "{\"taxId\":\"" + taxOfB + "\",\"share\":20}").status());
        long invitation = c.get(b + "/consortium-invitations", t.tokenB()).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        byte[] workbook = Workbooks.of(List.of("Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber"),
                List.<Object[]> of(new Object[] { "1", LocalDate.of(2025, 3, 1), "BANK", "629", planted, 10, null },
                        new Object[] { "1", LocalDate.of(2025, 3, 1), "BANK", "5720099", planted, null, 10 }));
        Reply upload = c.upload(b + "/imports/journal-entries?fileName=" + planted + ".xlsx", t.tokenB(), workbook,
                Workbooks.XLSX);
        assertEquals(202, upload.status(), upload.body());
        long job = upload.json().getJsonNumber("id").longValue();
        c.finishedJob(b + "/imports/" + job, t.tokenB());
        Reply employee = c.post(b + "/payroll/employees", t.tokenB(),
                Json.createObjectBuilder().add("nif", "12345678Z").add("naf", "281234567840")
                        .add("firstName", planted + " employee").add("lastName", planted).add("birthDate", "1990-05-17")
                        .add("address", planted + " street").add("postalCode", "28013").add("municipality", "Madrid")
                        .add("iban", "ES9121000418450200051332").add("familySituation", 3).build().toString());
        assertEquals(201, employee.status(), employee.body());
        Reply contract = c.post(b + "/payroll/employees/" + id(employee) + "/contracts", t.tokenB(),
                Json.createObjectBuilder().add("startDate", "2025-01-01").add("contractType", "100")
                        .add("contributionGroup", 5).add("activityCode", "8891")
                        .add("professionalCategory", planted + " category").add("workCentreId", t.centreOfB())
                        .add("project", "PB")
                        .add("salaryItems", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("name", planted + " salary").add("monthlyAmount", 1500).add("kind", "BASE")))
                        .build().toString());
        assertEquals(201, contract.status(), contract.body());
        Reply item = c.post(b + "/payroll/items", t.tokenB(),
                Json.createObjectBuilder().add("employeeId", Long.parseLong(id(employee))).add("month", "2025-03")
                        .add("kind", "variable").add("concept", planted + " bonus").add("amount", 50).build()
                        .toString());
        assertEquals(201, item.status(), item.body());
        Reply run = c.post(b + "/payroll/runs", t.tokenB(), "{\"month\":\"2025-03\"}");
        assertEquals(202, run.status(), run.body());
        c.finishedJob(b + "/payroll/runs/" + id(run), t.tokenB());
        // B's run approved, so that the returns (summary, cost, 111, 190, certificates) have B's pay to refuse
        Reply calculatedOfB = c.get(b + "/payroll/runs/" + id(run), t.tokenB());
        assertEquals("calculated", calculatedOfB.json().getString("state"), calculatedOfB.body());
        Reply approvedOfB = c.post(b + "/payroll/runs/" + id(run) + "/approve", t.tokenB(),
                "{\"version\":" + calculatedOfB.json().getInt("version") + "}");
        assertEquals(200, approvedOfB.status(), approvedOfB.body());
        Reply mapping = c.put(b + "/payroll/gestoria-mappings/asesoria-b", t.tokenB(),
                "{\"accounts\":{\"net-pay\":\"5720099\",\"gross-pay\":\"629\"}}");
        assertEquals(200, mapping.status(), mapping.body());
        Reply linked = c.put(b + "/payroll/employees/" + id(employee) + "/user", t.tokenB(),
                "{\"username\":\"" + t.memberOfB() + "\"}");
        assertEquals(200, linked.status(), linked.body());
        // B's read of the tenders' feed (whatever the local feed serves at the time, or nothing)
        Reply feedRead = c.post(b + "/tenders/feed/reads", t.tokenB(), "{\"maxPages\":1}");
        assertEquals(202, feedRead.status(), feedRead.body());
        c.finishedJob(b + "/tenders/feed/reads/" + id(feedRead), t.tokenB());
        Reply watch = c.post(b + "/tenders/watches", t.tokenB(),
                "{\"name\":\"" + planted + " watch\",\"cpv\":[\"8531\"]}");
        assertEquals(201, watch.status(), watch.body());
        // B's consortium bids for a tender of the reference feed, with an item of B's in its checklist
        byte[] feedPage;
        try (java.io.InputStream in = TenantIsolationIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/643-2026-08-05-head-page.atom")) {
            feedPage = in.readAllBytes();
        }
        assertEquals(200, c.upload(b + "/tenders/feed", t.tokenB(), feedPage, "application/atom+xml").status());
        long tender = c.get(b + "/tenders?q=300/2026/01033", t.tokenB()).json().getJsonArray("tenders").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Reply bid = c.put(b + "/consortia/" + id(consortium) + "/bid", t.tokenB(), "{\"tenderId\":" + tender + "}");
        assertEquals(200, bid.status(), bid.body());
        Reply bidItem = c.post(b + "/consortia/" + id(consortium) + "/bid/items", t.tokenB(),
                "{\"envelope\":\"ADMINISTRATIVE\",\"title\":\"" + planted + " declaración\","
                        + "\"ownerOrganisationId\":" + t.b() + ",\"dueDate\":\"2026-09-01\"}");
        assertEquals(201, bidItem.status(), bidItem.body());
        // B prices its bid, and its consortium answers a buyer's ESPD request, and B declares for its own ESPD
        Reply pricing = c.put(b + "/consortia/" + id(consortium) + "/bid/pricing", t.tokenB(),
                "{\"annualHours\":1720,\"overheadRate\":8,\"marginRate\":5,\"employerRate\":31.4,\"lines\":["
                        + "{\"category\":\"" + planted + " auxiliar\",\"hours\":100,\"source\":\"MANUAL\","
                        + "\"hourlyCost\":19.5}]}");
        assertEquals(200, pricing.status(), pricing.body());
        assertEquals(200, c.raw("PUT", b + "/consortia/" + id(consortium) + "/espd/request", t.tokenB(), ESPD_REQUEST,
                "Content-Type", "application/xml").status());
        assertEquals(204,
                c.put(b + "/consortia/" + id(consortium) + "/espd/declaration", t.tokenB(), "{\"size\":\"micro\"}")
                        .status());
        Reply document = c.raw("POST", b + "/consortia/" + id(consortium) + "/bid/documents?envelope=TECHNICAL",
                t.tokenB(), (planted + " memoria").getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type",
                "application/pdf", "X-File-Name", "memoria.pdf");
        assertEquals(201, document.status(), document.body());
        Reply bidPackage = c.post(b + "/consortia/" + id(consortium) + "/bid/packages", t.tokenB(),
                "{\"representative\":\"" + planted + " representante\"}");
        assertEquals(202, bidPackage.status(), bidPackage.body());
        JsonObject builtPackage = c.finishedJob(b + "/consortia/" + id(consortium) + "/bid/packages/" + id(bidPackage),
                t.tokenB());
        assertEquals("succeeded", builtPackage.getString("status"), builtPackage.toString());
        Reply certificate = c.post(b + "/certificates", t.tokenB(),
                "{\"kind\":\"INSURANCE\",\"title\":\"" + planted + " póliza\",\"validFrom\":\"2026-01-01\"}");
        assertEquals(201, certificate.status(), certificate.body());
        assertEquals(200,
                c.raw("PUT", b + "/certificates/" + id(certificate) + "/document", t.tokenB(),
                        (planted + " certificado").getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type",
                        "application/pdf", "X-File-Name", "poliza.pdf").status());
        Reply service = c.post(b + "/services", t.tokenB(),
                "{\"title\":\"" + planted + " vigilancia\"," + "\"recipient\":\"" + planted
                        + " ayuntamiento\",\"recipientPublic\":true,\"cpvs\":[\"79711000\"],"
                        + "\"amount\":1000,\"started\":\"2025-01-01\"}");
        assertEquals(201, service.status(), service.body());
        assertEquals(200,
                c.put(b + "/consortia/" + id(consortium) + "/solvency/consent", t.tokenB(), "{\"services\":[2025]}")
                        .status());
        // B's records by the path segment that names their kind, and B's codes by the parameter that takes them
        Map<String, List<String>> idsOfB = Map.ofEntries(Map.entry("entries", List.of(id(posted))),
                Map.entry("drafts", List.of(id(draft))), Map.entry("consortia", List.of(id(consortium))),
                Map.entry("consortium-invitations", List.of(String.valueOf(invitation))),
                Map.entry("memberships", List.of(String.valueOf(t.membershipOfB()))),
                Map.entry("work-centres", List.of(String.valueOf(t.centreOfB()))),
                Map.entry("imports", List.of(String.valueOf(job))), Map.entry("accounts", List.of("5720099")),
                Map.entry("projects", List.of("PB")), Map.entry("grants", List.of("GB")),
                Map.entry("employees", List.of(id(employee))), Map.entry("contracts", List.of(id(contract))),
                Map.entry("runs", List.of(id(run))), Map.entry("gestoria-mappings", List.of("asesoria-b")),
                Map.entry("items", List.of(id(item), id(bidItem))), Map.entry("payslips", List.of(id(run))),
                Map.entry("certificates", List.of(id(employee), id(certificate))),
                // tenders are public, kept once for the hub: none is B's, and an id the hub does not keep answers 404
                Map.entry("tenders", List.of("999999999")), Map.entry("reads", List.of(id(feedRead))),
                Map.entry("watches", List.of(id(watch))), Map.entry("responses", List.of(String.valueOf(t.b()))),
                Map.entry("documents", List.of(id(document))), Map.entry("packages", List.of(id(bidPackage))),
                Map.entry("services", List.of(id(service))));
        Map<String, String> valuesOfB = Map.of("account", "5720099", "grant", "GB");
        Map<String, String> ordinary = Map.of("date", "2025-12-31", "from", "2025-01-01", "to", "2025-12-31", "year",
                "2025", "kind", "journal-entries", "level", "3", "month", "2025-03", "period", "1T");
        List<String> secrets = List.of(planted, t.nameB(), t.memberOfB(), taxOfB);

        JsonObject paths = Json
                .createReader(
                        new java.io.StringReader(c.get("openapi", null, Map.of("Accept", "application/json")).body()))
                .readObject().getJsonObject("paths");
        Map<String, String> before = snapshotOfB(c, t, paths, ordinary);
        List<String> failures = new ArrayList<>();
        int aimed = 0;
        for (String template : paths.keySet()) {
            if (!template.startsWith("/api/v1/orgs/{org}")) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                JsonObject operation = paths.getJsonObject(template).getJsonObject(method);
                if (operation == null) {
                    continue;
                }
                List<String> queryOfB = new ArrayList<>();
                StringBuilder ordinaryQuery = new StringBuilder();
                for (JsonObject parameter : operation.getJsonArray("parameters") == null ? List.<JsonObject> of()
                        : operation.getJsonArray("parameters").getValuesAs(JsonObject.class)) {
                    String name = parameter.getString("name");
                    if (!"query".equals(parameter.getString("in"))) {
                        continue;
                    }
                    if (valuesOfB.containsKey(name)) {
                        queryOfB.add(name + "=" + valuesOfB.get(name));
                    } else if (ordinary.containsKey(name)) {
                        ordinaryQuery.append(ordinaryQuery.length() == 0 ? "" : "&").append(name).append('=')
                                .append(ordinary.get(name));
                    }
                }
                List<String> bodies = method.equals("post") || method.equals("put") ? List.of("{}", entry) : null;
                // B's path, with B's ids
                for (String path : fill(template.replace("{org}", String.valueOf(t.b())), idsOfB, ordinary, failures)) {
                    String query = join(ordinaryQuery.toString(), String.join("&", queryOfB));
                    for (Reply reply : aim(c, method, path + query, t.tokenA(), bodies, workbook)) {
                        aimed++;
                        expect(failures, method, path + query, reply, 404, secrets);
                    }
                }
                // A's path, with B's ids and codes
                if (template.replaceAll("\\{org}|\\{kind}|\\{year}", "").contains("{")) {
                    for (String path : fill(template.replace("{org}", String.valueOf(t.a())), idsOfB, ordinary,
                            failures)) {
                        String query = ordinaryQuery.length() == 0 ? "" : "?" + ordinaryQuery;
                        for (Reply reply : aim(c, method, path + query, t.tokenA(), bodies, workbook)) {
                            aimed++;
                            expect(failures, method, path + query, reply, bodies == null ? 404 : NOT_FOUND_OR_BAD_BODY,
                                    secrets);
                        }
                    }
                }
                if (!queryOfB.isEmpty()) {
                    String path = template.replace("{org}", String.valueOf(t.a()));
                    for (String codeOfB : queryOfB) {
                        String query = "?" + join(ordinaryQuery.toString(), codeOfB).substring(1);
                        for (Reply reply : aim(c, method, path + query, t.tokenA(), bodies, workbook)) {
                            aimed++;
                            expect(failures, method, path + query, reply, ANY, secrets);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + aimed + " requests:\n" + String.join("\n", failures));
        assertTrue(aimed > 100, "only " + aimed + " requests aimed at B");
        assertEquals(before, snapshotOfB(c, t, paths, ordinary));
        assertBUnchanged(t);
    }

    private static String id(Reply created) {
        return String.valueOf(created.json().getJsonNumber("id").longValue());
    }

    private static String join(String first, String second) {
        String query = first.isEmpty() ? second : second.isEmpty() ? first : first + "&" + second;
        return query.isEmpty() ? "" : "?" + query;
    }

    /**
     * The paths of a template with every id parameter filled with each of B's records of the kind the segment before it
     * names; a kind of which B has no record is a failure.
     */
    private static List<String> fill(String template, Map<String, List<String>> idsOfB, Map<String, String> ordinary,
            List<String> failures) {
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)[^}]*}").matcher(template);
        if (!parameter.find()) {
            return List.of(template);
        }
        String name = parameter.group(1);
        String head = template.substring(0, parameter.start());
        String tail = template.substring(parameter.end());
        List<String> values;
        if (ordinary.containsKey(name)) {
            values = List.of(ordinary.get(name));
        } else {
            String[] segments = head.split("/");
            String kind = segments[segments.length - 1];
            values = idsOfB.get(kind);
            if (values == null) {
                failures.add(template + ": B has no record of the kind '" + kind + "' to aim {" + name + "} at; "
                        + "plant one in this sweep");
                return List.of();
            }
        }
        List<String> paths = new ArrayList<>();
        for (String value : values) {
            for (String rest : fill(tail, idsOfB, ordinary, failures)) {
                paths.add(head + value + rest);
            }
        }
        return paths;
    }

    /** The operation sent with each body (a POST or PUT: an empty object and a whole entry; an upload: a workbook). */
    private static List<Reply> aim(HubClient c, String method, String path, String token, List<String> bodies,
            byte[] workbook) {
        String relative = path.substring(1);
        if (path.matches(".*/imports/[a-z-]+(\\?.*)?") && method.equals("post")) {
            return List.of(c.upload(relative, token, workbook, Workbooks.XLSX));
        }
        if (path.matches(".*/tenders/feed/archives(\\?.*)?") && method.equals("post")) {
            return List.of(c.upload(relative, token, ARCHIVE, "application/zip"));
        }
        if (path.matches(".*/tenders/feed(\\?.*)?") && method.equals("post")) {
            return List.of(c.upload(relative, token, FEED_PAGE, "application/atom+xml"));
        }
        if (path.matches(".*/espd/request(\\?.*)?") && method.equals("put")) {
            return List.of(c.raw("PUT", relative, token, ESPD_REQUEST, "Content-Type", "application/xml"));
        }
        if (bodies == null) {
            return List.of(c.send(method.toUpperCase(java.util.Locale.ROOT), relative, token, null));
        }
        List<Reply> replies = new ArrayList<>();
        for (String body : bodies) {
            replies.add(c.send(method.toUpperCase(java.util.Locale.ROOT), relative, token, body));
        }
        return replies;
    }

    /** A feed page without entries, for the upload of tenders: nothing of B's in it. */
    private static final byte[] FEED_PAGE = ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty page</title>"
            + "</feed>").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A monthly archive of one empty page, for the read of archives: nothing of B's in it. */
    private static final byte[] ARCHIVE = archive();

    private static byte[] archive() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("page.atom"));
            zip.write(FEED_PAGE);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A buyer's ESPD request (the tests' 2.1.1 one), for the consortium's ESPDs. */
    private static final byte[] ESPD_REQUEST = resource("/coop/intercoop/hub/tenders/espd-2.1.1-request.xml");

    private static byte[] resource(String path) {
        try (java.io.InputStream in = TenantIsolationIT.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Expected of a request with a body: 404, or 400 for a body refused before anything is looked up. */
    private static final int NOT_FOUND_OR_BAD_BODY = -1;
    /** Expected of a request that names B's codes only as a filter of A's own records: any answer but a failure. */
    private static final int ANY = -2;

    /** Records a failure when the answer is not the status expected or carries one of B's strings. */
    private static void expect(List<String> failures, String method, String path, Reply reply, int status,
            List<String> secrets) {
        boolean statusOk = switch (status) {
            case NOT_FOUND_OR_BAD_BODY -> reply.status() == 404 || reply.status() == 400;
            case ANY -> reply.status() < 500;
            default -> reply.status() == status;
        };
        if (!statusOk) {
            failures.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " answered " + reply.status() + ": "
                    + abbreviated(reply.body()));
        }
        for (String secret : secrets) {
            if (reply.body().contains(secret)) {
                failures.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " told " + secret + ": "
                        + abbreviated(reply.body()));
            }
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** What B's own org-admin reads through every GET of the OpenAPI that needs only B's id and ordinary values. */
    private static Map<String, String> snapshotOfB(HubClient c, Tenants t, JsonObject paths,
            Map<String, String> ordinary) {
        Map<String, String> seen = new java.util.TreeMap<>();
        for (String template : paths.keySet()) {
            JsonObject get = paths.getJsonObject(template).getJsonObject("get");
            if (!template.startsWith("/api/v1/orgs/{org}") || get == null
                    || template.replaceAll("\\{org}|\\{kind}|\\{year}", "").contains("{")
                    || template.endsWith("/integrity") || template.contains("import-templates")
                    // reading one's own payslips is audited: it would change B's audit log between two snapshots
                    || template.endsWith("/my/payslips")) {
                continue;
            }
            String path = template.replace("{org}", String.valueOf(t.b())).replace("{kind}", ordinary.get("kind"))
                    .substring(1) + "?date=2025-12-31&from=2025-01-01&to=2025-12-31&account=5720099&grant=GB";
            Reply reply = c.get(path, t.tokenB());
            seen.put(template, reply.status() + " " + reply.body());
        }
        return seen;
    }

    private static void assertBUnchanged(Tenants t) {
        HubClient c = t.client();
        String b = "api/v1/orgs/" + t.b();
        var centres = c.get(b + "/work-centres", t.tokenB()).array();
        assertEquals(1, centres.size());
        assertEquals(t.nameB() + " centre", centres.getJsonObject(0).getString("name"));
        assertEquals(t.versionOfCentreB(), centres.getJsonObject(0).getInt("version"));
        var members = c.get(b + "/memberships", t.tokenB()).array();
        assertEquals(2, members.size());
        assertFalse(members.toString().contains(t.memberOfA()));
        assertTrue(members.toString().contains("\"staff\""));
    }
}
