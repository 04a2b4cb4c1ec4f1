package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;

/** The accounting API end to end: chart templates, subaccounts, fiscal years and lock dates. */
@ExtendWith(ArquillianExtension.class)
class AccountingIT {

    private static final String PASSWORD = "a-long-enough-password";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** A fresh organisation with an accountant; answers the accountant's token and the accounting path. */
    private record Books(HubClient client, String token, String path, String auditorToken) {
    }

    private Books books() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Books"));
        String accountant = HubClient.unique("accountant");
        String auditor = HubClient.unique("auditor");
        client.createUser(admin, accountant, PASSWORD);
        client.createUser(admin, auditor, PASSWORD);
        client.grant(admin, org, accountant, "accountant");
        client.grant(admin, org, auditor, "auditor");
        return new Books(client, client.token(accountant, PASSWORD), "api/v1/orgs/" + org + "/accounting",
                client.token(auditor, PASSWORD));
    }

    private static Books withChart(Books b) {
        Reply applied = b.client().post(b.path() + "/chart", b.token(), "{\"template\":\"pgc-esfl\"}");
        assertEquals(201, applied.status(), applied.body());
        return b;
    }

    private static void assertProblem(int status, String field, String words, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(field, reply.json().getString("field"), reply.body());
        assertTrue(reply.json().getString("detail").contains(words), reply.body());
    }

    @Test
    void applyingATemplateBuildsTheChartOnce() {
        Books b = books();
        assertEquals(404, b.client().get(b.path() + "/chart", b.token()).status());
        Reply applied = b.client().post(b.path() + "/chart", b.token(), "{\"template\":\"pgc-esfl\"}");
        assertEquals(201, applied.status(), applied.body());
        assertTrue(applied.json().getInt("accounts") >= 300, applied.body());
        JsonArray accounts = b.client().get(b.path() + "/accounts", b.token()).array();
        assertEquals(applied.json().getInt("accounts"), accounts.size());
        JsonObject foundational = b.client().get(b.path() + "/accounts/100", b.token()).json();
        assertEquals("Dotación fundacional", foundational.getString("name"));
        assertEquals("EQUITY", foundational.getString("nature"));
        assertEquals("POSTING", foundational.getString("kind"));
        assertEquals("10", foundational.getString("parentCode"));
        assertEquals(1, foundational.getInt("group"));

        assertProblem(409, "template", "already built from the template pgc-esfl",
                b.client().post(b.path() + "/chart", b.token(), "{\"template\":\"pgc-pymesfl\"}"));
        assertEquals(accounts.size(), b.client().get(b.path() + "/accounts", b.token()).array().size());
        assertEquals("pgc-esfl", b.client().get(b.path() + "/chart", b.auditorToken()).json().getString("template"));
    }

    @Test
    void anUnknownTemplateIsRefusedNamingTheKnownOnes() {
        Books b = books();
        assertProblem(400, "template", "pgc-cooperativas, pgc-esfl, pgc-pymes-2007, pgc-pymesfl",
                b.client().post(b.path() + "/chart", b.token(), "{\"template\":\"pgc-normal\"}"));
        assertEquals(404, b.client().get(b.path() + "/chart", b.token()).status());
        assertEquals(0, b.client().get(b.path() + "/accounts", b.token()).array().size());
    }

    @Test
    void aSubaccountExtendsAnAccountOfTheChart() {
        Books b = withChart(books());
        Reply created = b.client().post(b.path() + "/accounts", b.token(),
                "{\"code\":\"5720001\",\"name\":\"Banco Uno, cuenta corriente\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("572", created.json().getString("parentCode"));
        assertEquals("ASSET", created.json().getString("nature"));
        assertFalse(created.json().getBoolean("fromTemplate"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/accounting/accounts/5720001"));
        assertEquals("HEADING", b.client().get(b.path() + "/accounts/572", b.token()).json().getString("kind"));
        assertEquals("Banco Uno, cuenta corriente",
                b.client().get(b.path() + "/accounts/5720001", b.token()).json().getString("name"));
    }

    @Test
    void anInvalidSubaccountIsRefusedNamingTheProblemAndNothingIsWritten() {
        Books b = withChart(books());
        assertEquals(201, b.client()
                .post(b.path() + "/accounts", b.token(), "{\"code\":\"5720001\",\"name\":\"Banco Uno\"}").status());
        int before = b.client().get(b.path() + "/accounts", b.token()).array().size();
        assertProblem(400, "code", "digits only",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"572.0002\",\"name\":\"Banco\"}"));
        assertProblem(400, "code", "at most 12",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"5720000000002\",\"name\":\"B\"}"));
        assertProblem(400, "code", "itself a subaccount",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"57200011\",\"name\":\"Banco\"}"));
        assertProblem(409, "code", "already exists",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"5720001\",\"name\":\"Otro\"}"));
        assertProblem(400, "name", "must not be blank",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"5720002\",\"name\":\" \"}"));
        assertEquals(before, b.client().get(b.path() + "/accounts", b.token()).array().size());
        assertEquals(404, b.client().get(b.path() + "/accounts/57200011", b.token()).status());
        assertEquals("Banco Uno", b.client().get(b.path() + "/accounts/5720001", b.token()).json().getString("name"));
    }

    /** 9990001 would hang from the subgroup 99, which has no account 999; a 15-digit code is refused, not cut. */
    @Test
    void aSubaccountUnderASubgroupOrLongerThanTheMaximumIsRefusedAndNothingIsWritten() {
        Books b = withChart(books());
        int before = b.client().get(b.path() + "/accounts", b.token()).array().size();
        assertProblem(400, "code", "would hang directly from 99,",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"9990001\",\"name\":\"Otros\"}"));
        assertProblem(400, "code", "15 digits; at most 12", b.client().post(b.path() + "/accounts", b.token(),
                "{\"code\":\"572000000000001\",\"name\":\"Banco\"}"));
        assertEquals(before, b.client().get(b.path() + "/accounts", b.token()).array().size());
        assertEquals(404, b.client().get(b.path() + "/accounts/9990001", b.token()).status());
        assertEquals(404, b.client().get(b.path() + "/accounts/572000000000", b.token()).status());
        assertEquals(201, b.client()
                .post(b.path() + "/accounts", b.token(), "{\"code\":\"9910001\",\"name\":\"Grupo A\"}").status());
    }

    @Test
    void aSubaccountNeedsAChart() {
        Books b = books();
        assertProblem(400, "code", "apply a chart template first",
                b.client().post(b.path() + "/accounts", b.token(), "{\"code\":\"5720001\",\"name\":\"Banco\"}"));
    }

    @Test
    void openingAYearCreatesTwelveMonthlyPeriods() {
        Books b = books();
        Reply opened = b.client().post(b.path() + "/fiscal-years", b.token(), "{\"year\":2025}");
        assertEquals(201, opened.status(), opened.body());
        JsonArray periods = opened.json().getJsonArray("periods");
        assertEquals(12, periods.size());
        assertEquals("2025-02-01", periods.getJsonObject(1).getString("startDate"));
        assertEquals("2025-02-28", periods.getJsonObject(1).getString("endDate"));
        assertEquals("2025-12-31", opened.json().getString("endDate"));
        assertEquals(12, b.client().get(b.path() + "/fiscal-years", b.token()).array().getJsonObject(0)
                .getJsonArray("periods").size());

        JsonObject march = b.client().get(b.path() + "/periods?date=2025-03-15", b.token()).json();
        assertEquals(3, march.getInt("number"));
        assertEquals(2025, march.getInt("year"));
        assertProblem(400, "date", "open its fiscal year first",
                b.client().get(b.path() + "/periods?date=2026-01-01", b.token()));
        assertProblem(409, "year", "clashes with the fiscal year 2025",
                b.client().post(b.path() + "/fiscal-years", b.token(), "{\"year\":2025,\"startDate\":\"2025-07-01\"}"));
        assertEquals(1, b.client().get(b.path() + "/fiscal-years", b.token()).array().size());
    }

    @Test
    void aFirstYearMayBeShorterThanTwelveMonths() {
        Books b = books();
        assertProblem(400, "endDate", "last day of a month", b.client().post(b.path() + "/fiscal-years", b.token(),
                "{\"year\":2025,\"startDate\":\"2025-03-17\",\"endDate\":\"2025-12-30\"}"));
        Reply opened = b.client().post(b.path() + "/fiscal-years", b.token(),
                "{\"year\":2025,\"startDate\":\"2025-03-17\"}");
        assertEquals(201, opened.status(), opened.body());
        assertEquals("2025-12-31", opened.json().getString("endDate"));
        assertEquals(10, opened.json().getJsonArray("periods").size());
        assertEquals(1, b.client().get(b.path() + "/periods?date=2025-03-17", b.token()).json().getInt("number"));
        assertProblem(400, "date", "open its fiscal year first",
                b.client().get(b.path() + "/periods?date=2025-03-16", b.token()));
        assertEquals(201, b.client().post(b.path() + "/fiscal-years", b.token(), "{\"year\":2026}").status());
    }

    /** A year wholly on or before the hard lock could never take an entry: opening it is refused, naming the lock. */
    @Test
    void openingAYearWhollyBehindTheHardLockIsRefused() {
        Books b = books();
        assertEquals(200,
                b.client().put(b.path() + "/locks", b.token(), "{\"hardLock\":\"2025-03-31\",\"version\":0}").status());
        assertProblem(409, "year", "lies wholly on or before the hard lock of 31/03/2025",
                b.client().post(b.path() + "/fiscal-years", b.token(), "{\"year\":2024,\"startDate\":\"2024-04-01\"}"));
        assertEquals(0, b.client().get(b.path() + "/fiscal-years", b.token()).array().size());
        // a year the lock only partly covers still opens: its later months take entries
        assertEquals(201, b.client().post(b.path() + "/fiscal-years", b.token(), "{\"year\":2025}").status());
    }

    @Test
    void movingTheHardLockBackIsRefused() {
        Books b = books();
        JsonObject none = b.client().get(b.path() + "/locks", b.token()).json();
        assertEquals(0, none.getInt("version"));
        Reply set = b.client().put(b.path() + "/locks", b.token(),
                "{\"softLock\":\"2025-06-30\",\"hardLock\":\"2025-03-31\",\"version\":0}");
        assertEquals(200, set.status(), set.body());
        int version = set.json().getInt("version");
        assertProblem(409, "hardLock", "can only move forward", b.client().put(b.path() + "/locks", b.token(),
                "{\"hardLock\":\"2025-02-28\",\"version\":" + version + "}"));
        assertProblem(409, "hardLock", "cannot be removed",
                b.client().put(b.path() + "/locks", b.token(), "{\"version\":" + version + "}"));
        JsonObject kept = b.client().get(b.path() + "/locks", b.token()).json();
        assertEquals("2025-03-31", kept.getString("hardLock"));
        assertEquals("2025-06-30", kept.getString("softLock"));
        Reply forward = b.client().put(b.path() + "/locks", b.token(),
                "{\"hardLock\":\"2025-06-30\",\"version\":" + version + "}");
        assertEquals(200, forward.status(), forward.body());
        assertEquals("2025-06-30", forward.json().getString("hardLock"));
        assertTrue(HubClient.isNull(forward.json(), "softLock"), forward.body());
    }

    /**
     * Two overlapping fiscal years opened at the same moment, eight times over: each time one is opened and the other
     * refused naming the year it clashes with, and afterwards every day lies in at most one year.
     */
    @Test
    void overlappingFiscalYearsOpenedAtTheSameMomentAreOneSuccessAndAConflict() throws Exception {
        Books b = books();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                int year = 2060 + 2 * round;
                String straddling = "{\"year\":" + year + ",\"startDate\":\"" + year + "-07-01\",\"endDate\":\""
                        + (year + 1) + "-06-30\"}";
                String calendar = "{\"year\":" + (year + 1) + "}";
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                var first = pool.submit(() -> {
                    start.await();
                    return b.client().post(b.path() + "/fiscal-years", b.token(), straddling);
                });
                var second = pool.submit(() -> {
                    start.await();
                    return b.client().post(b.path() + "/fiscal-years", b.token(), calendar);
                });
                start.countDown();
                java.util.List<Reply> replies = java.util.List.of(first.get(), second.get());
                String seen = replies.stream().map(r -> r.status() + " " + r.body()).toList().toString();
                assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), seen);
                Reply refused = replies.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
                assertProblem(409, "year", "clashes with the fiscal year", refused);
            }
        } finally {
            pool.shutdownNow();
        }
        var years = b.client().get(b.path() + "/fiscal-years", b.token()).array();
        assertEquals(8, years.size(), years.toString());
        for (int i = 1; i < years.size(); i++) {
            java.time.LocalDate previousEnd = java.time.LocalDate
                    .parse(years.getJsonObject(i - 1).getString("endDate"));
            java.time.LocalDate start = java.time.LocalDate.parse(years.getJsonObject(i).getString("startDate"));
            assertTrue(start.isAfter(previousEnd), years.toString());
        }
    }

    /** Concurrent first saves of the lock dates: one wins, the others are told of the concurrent edit, none fails. */
    @Test
    void concurrentFirstSavesOfTheLocksAreOneSuccessAndConflicts() throws Exception {
        Books b = books();
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String hardLock = "2025-0" + (i + 1) + "-15";
            statuses.add(pool.submit(() -> {
                start.await();
                return b.client()
                        .put(b.path() + "/locks", b.token(), "{\"hardLock\":\"" + hardLock + "\",\"version\":0}")
                        .status();
            }));
        }
        start.countDown();
        pool.shutdown();
        java.util.List<Integer> answered = new java.util.ArrayList<>();
        for (var status : statuses) {
            answered.add(status.get());
        }
        assertEquals(1, answered.stream().filter(s -> s == 200).count(), answered.toString());
        assertEquals(writers - 1, answered.stream().filter(s -> s == 409).count(), answered.toString());
        assertEquals(1, b.client().get(b.path() + "/locks", b.token()).json().getInt("version"));
    }

    @Test
    void anAuditorReadsTheBooksButCannotKeepThem() {
        Books b = withChart(books());
        assertEquals(200, b.client().get(b.path() + "/accounts", b.auditorToken()).status());
        assertEquals(200, b.client().get(b.path() + "/locks", b.auditorToken()).status());
        assertEquals(403, b.client()
                .post(b.path() + "/accounts", b.auditorToken(), "{\"code\":\"5720001\",\"name\":\"Banco\"}").status());
        assertEquals(403, b.client().post(b.path() + "/fiscal-years", b.auditorToken(), "{\"year\":2025}").status());
        assertEquals(403,
                b.client()
                        .put(b.path() + "/locks", b.auditorToken(), "{\"hardLock\":\"2025-01-31\"," + "\"version\":0}")
                        .status());
    }

    /**
     * An own subaccount is renamed, and deleted only while nothing refers to it, the refusal naming each use; the
     * template's accounts are neither. When the last subaccount of a template's posting account goes, it takes postings
     * again.
     */
    @Test
    void aSubaccountIsRenamedAndDeletedOnlyWhileNothingRefersToIt() {
        Books b = withChart(books());
        HubClient c = b.client();
        assertEquals(201, c.post(b.path() + "/fiscal-years", b.token(), "{\"year\":2025}").status());
        for (String code : List.of("5720001", "6290001", "6290002")) {
            assertEquals(201, c.post(b.path() + "/accounts", b.token(),
                    "{\"code\":\"" + code + "\",\"name\":\"Cuenta " + code + "\"}").status());
        }
        Reply renamed = c.put(b.path() + "/accounts/5720001", b.token(), "{\"name\":\"Banco Uno\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Banco Uno", c.get(b.path() + "/accounts/5720001", b.token()).json().getString("name"));
        assertProblem(400, "code", "account of the chart's template",
                c.put(b.path() + "/accounts/572", b.token(), "{\"name\":\"Bancos\"}"));
        assertProblem(400, "code", "account of the chart's template", c.delete(b.path() + "/accounts/100", b.token()));
        assertEquals(404, c.delete(b.path() + "/accounts/5729999", b.token()).status());

        assertEquals(201, c.post(b.path() + "/entries", b.token(), entry("5720001", "100", "")).status());
        assertProblem(409, "code", "one line of posted entries", c.delete(b.path() + "/accounts/5720001", b.token()));
        Reply draft = c.post(b.path() + "/drafts", b.token(), entry("6290001", "5720001", ""));
        assertEquals(201, draft.status(), draft.body());
        Reply grant = c.post(b.path() + "/grants", b.token(), grant("G-1", "6290001"));
        assertEquals(201, grant.status(), grant.body());
        assertProblem(409, "code", "one draft, one grant budget line",
                c.delete(b.path() + "/accounts/6290001", b.token()));

        assertEquals(204, c.delete(b.path() + "/accounts/6290002", b.token()).status());
        assertEquals(404, c.get(b.path() + "/accounts/6290002", b.token()).status());
        assertEquals("HEADING", c.get(b.path() + "/accounts/629", b.token()).json().getString("kind"));
        assertEquals(204, c.delete(b.path() + "/drafts/" + draft.json().getJsonNumber("id"), b.token()).status());
        assertEquals(204, c.delete(b.path() + "/grants/G-1", b.token()).status());
        assertEquals(204, c.delete(b.path() + "/accounts/6290001", b.token()).status());
        assertEquals("POSTING", c.get(b.path() + "/accounts/629", b.token()).json().getString("kind"),
                "the template's posting account takes postings again");
        String audit = c.get(b.path().replace("/accounting", "/audit"), b.auditorToken()).body();
        assertTrue(audit.contains("accounting.account-changed") && audit.contains("accounting.account-deleted"), audit);
    }

    /** Projects and grants are renamed or changed keeping their codes, and deleted only while nothing uses them. */
    @Test
    void projectsAndGrantsAreChangedAndDeletedOnlyWhileUnused() {
        Books b = withChart(books());
        HubClient c = b.client();
        assertEquals(201, c.post(b.path() + "/fiscal-years", b.token(), "{\"year\":2025}").status());
        for (String code : List.of("P-1", "P-2")) {
            assertEquals(201, c.post(b.path() + "/projects", b.token(),
                    "{\"code\":\"" + code + "\",\"name\":\"Proyecto " + code + "\"}").status());
        }
        Reply renamed = c.put(b.path() + "/projects/P-1", b.token(), "{\"name\":\"Huertos urbanos\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Huertos urbanos", renamed.json().getString("name"));
        assertProblem(400, "code", "keeps its code",
                c.put(b.path() + "/projects/P-1", b.token(), "{\"code\":\"P-9\",\"name\":\"Otro\"}"));
        assertEquals(404, c.put(b.path() + "/projects/P-404", b.token(), "{\"name\":\"X\"}").status());
        assertEquals(403, c.delete(b.path() + "/projects/P-2", b.auditorToken()).status());

        assertEquals(201, c.post(b.path() + "/grants", b.token(), grant("G-1", "64")).status());
        Reply changed = c.put(b.path() + "/grants/G-1", b.token(),
                "{\"name\":\"Empleo joven\",\"funder\":\"SEPE\",\"awarded\":9000,\"eligibleFrom\":\"2025-01-01\","
                        + "\"eligibleTo\":\"2025-12-31\",\"budget\":[{\"account\":\"64\",\"amount\":7000},"
                        + "{\"account\":\"629\",\"amount\":2000}]}");
        assertEquals(200, changed.status(), changed.body());
        JsonObject read = c.get(b.path() + "/grants/G-1", b.token()).json();
        assertEquals("Empleo joven", read.getString("name"));
        assertEquals(2, read.getJsonArray("budget").size(), read.toString());
        assertProblem(400, "budget[1].account", "starting with 6 or 7",
                c.put(b.path() + "/grants/G-1", b.token(),
                        "{\"name\":\"X\",\"funder\":\"SEPE\",\"awarded\":9000,\"eligibleFrom\":\"2025-01-01\","
                                + "\"eligibleTo\":\"2025-12-31\",\"budget\":[{\"account\":\"64\",\"amount\":1},"
                                + "{\"account\":\"572\",\"amount\":2}]}"));
        assertEquals(2, c.get(b.path() + "/grants/G-1", b.token()).json().getJsonArray("budget").size(),
                "a refused change leaves the budget as it was");

        Reply posted = c.post(b.path() + "/entries", b.token(), entry("629", "572",
                ",\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":\"P-1\"},{\"dimension\":\"GRANT\",\"code\":\"G-1\"}]"));
        assertEquals(201, posted.status(), posted.body());
        assertProblem(409, "code", "one line of posted entries", c.delete(b.path() + "/projects/P-1", b.token()));
        assertProblem(409, "code", "one line of posted entries", c.delete(b.path() + "/grants/G-1", b.token()));
        assertEquals(
                201, c
                        .post(b.path() + "/drafts", b.token(),
                                entry("629", "572", ",\"analytic\":[{\"dimension\":\"project\",\"code\":\"p-2\"}]"))
                        .status());
        assertProblem(409, "code", "one draft", c.delete(b.path() + "/projects/P-2", b.token()));
        assertEquals(201, c.post(b.path() + "/projects", b.token(), "{\"code\":\"P-3\",\"name\":\"Libre\"}").status());
        assertEquals(204, c.delete(b.path() + "/projects/P-3", b.token()).status());
        assertFalse(c.get(b.path() + "/projects", b.token()).body().contains("P-3"));
        String audit = c.get(b.path().replace("/accounting", "/audit"), b.auditorToken()).body();
        assertTrue(audit.contains("accounting.project-changed") && audit.contains("accounting.project-deleted")
                && audit.contains("accounting.grant-changed"), audit);
    }

    /** An entry of 2025 for 100 euros from one account to another, the debit line with {@code analytic} appended. */
    private static String entry(String debit, String credit, String analytic) {
        return "{\"date\":\"2025-03-01\",\"journal\":\"GENERAL\",\"description\":\"Prueba\",\"lines\":["
                + "{\"account\":\"" + debit + "\",\"debit\":100" + analytic + "},{\"account\":\"" + credit
                + "\",\"credit\":100}]}";
    }

    private static String grant(String code, String budgetAccount) {
        return "{\"code\":\"" + code + "\",\"name\":\"Empleo\",\"funder\":\"SEPE\",\"awarded\":8000,"
                + "\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\",\"budget\":[{\"account\":\""
                + budgetAccount + "\",\"amount\":8000}]}";
    }
}
