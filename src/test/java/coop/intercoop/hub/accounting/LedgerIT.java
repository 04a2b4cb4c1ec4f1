package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * Posting through the API: numbering, the refusals that name the problem, reversal, drafts, analytic shares, the
 * integrity check, maintained balances and year-end closing.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    private static void assertProblem(int status, String field, String words, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(field, reply.json().getString("field", null), reply.body());
        assertTrue(reply.json().getString("detail").contains(words), reply.body());
    }

    @Test
    void postedEntriesAreNumberedFromOneAndChained() {
        Books b = Books.open(base);
        JsonObject first = b.postEntry("2025-01-15", "629", "570", "120.50").json();
        JsonObject second = b.postEntry("2025-01-16", "570", "721", "300").json();
        assertEquals(1, first.getInt("number"));
        assertEquals(2, second.getInt("number"));
        assertEquals(2025, second.getInt("fiscalYear"));
        assertEquals(64, first.getString("hash").length());
        JsonObject read = b.expect(200, b.get("/entries/" + second.getJsonNumber("id").longValue())).json();
        assertEquals("570", read.getJsonArray("lines").getJsonObject(0).getString("account"));
        assertEquals("300.00", read.getJsonArray("lines").getJsonObject(0).getJsonNumber("debit").toString());
        assertEquals(2, b.expect(200, b.get("/entries")).json().getInt("total"));
        assertNotEquals(first.getString("hash"), second.getString("hash"));
    }

    /**
     * The ledger's refusals reach an API caller who asks for Spanish in Spanish, with Spanish numbers and dates: never
     * the English sentence, never "1794.01" or an ISO date.
     */
    @Test
    void postingRefusalsSpeakTheCallersLanguageWithItsNumbersAndDates() {
        Books b = Books.open(base);
        String unbalanced = "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\",\"lines\":["
                + "{\"account\":\"629\",\"debit\":1794.01},{\"account\":\"570\",\"credit\":1794.00}]}";
        Reply spanish = b.client().raw("POST", b.path() + "/entries", b.token(),
                unbalanced.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", "es-ES,es;q=0.9");
        assertProblem(400, "lines",
                "El asiento no cuadra: debe 1.794,01, haber 1.794,00, diferencia de 0,01 en el debe.", spanish);
        assertEquals("Petición no válida", spanish.json().getString("title"));
        assertProblem(400, "lines", "The entry is unbalanced: debit 1,794.01, credit 1,794.00, difference 0.01",
                b.post("/entries", unbalanced));

        b.expect(200, b.put("/locks", "{\"hardLock\":\"2025-03-31\",\"version\":0}"));
        String locked = Books.entry("2025-03-15", "629", "570", "10.00");
        Reply lockedSpanish = b.client().raw("POST", b.path() + "/entries", b.token(),
                locked.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", "es");
        assertProblem(409, "date", "bloqueada hasta el 31/03/2025 (bloqueo definitivo); ya no se puede contabilizar, "
                + "anular ni importar nada del 15/03/2025", lockedSpanish);
    }

    /**
     * A request without the body it needs, and a reversal without its date, are refused by what the resource declares
     * ({@code @NotNull}), with the API's own sentence in the caller's language, and nothing is written.
     */
    @Test
    void aMissingBodyOrReversalDateIsRefusedInTheCallersLanguage() {
        Books b = Books.open(base);
        long id = b.expect(201, b.postEntry("2025-02-01", "629", "570", "10.00")).json().getJsonNumber("id")
                .longValue();
        Reply english = b.client().post(b.path() + "/entries", b.token(), null);
        assertProblem(400, null, "This request needs a JSON body.", english);
        assertEquals("This request needs a JSON body.", english.json().getString("detail"));
        Reply spanish = b.client().raw("POST", b.path() + "/entries/" + id + "/reversal", b.token(), null,
                "Accept-Language", "es");
        assertEquals("Esta petición necesita un cuerpo JSON.", spanish.json().getString("detail"), spanish.body());
        assertEquals("Petición no válida", spanish.json().getString("title"));

        Reply noDate = b.post("/entries/" + id + "/reversal", "{\"description\":\"x\"}");
        assertProblem(400, "date", "The date 'date' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31.", noDate);
        Reply noDateSpanish = b.client().raw("POST", b.path() + "/entries/" + id + "/reversal", b.token(),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", "es");
        assertProblem(400, "date", "Falta la fecha 'date'; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                noDateSpanish);
        assertEquals(1, b.expect(200, b.get("/entries")).json().getInt("total"));
    }

    @Test
    void postingRefusesNamingTheProblem() {
        Books b = Books.open(base);
        assertProblem(400, "lines", "difference 0.01 on the debit side",
                b.post("/entries", "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\",\"lines\":["
                        + "{\"account\":\"629\",\"debit\":10.01},{\"account\":\"570\",\"credit\":10.00}]}"));
        assertProblem(400, "lines", "at least 2 lines",
                b.post("/entries", "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\",\"lines\":["
                        + "{\"account\":\"629\",\"debit\":10}]}"));
        assertProblem(400, "lines[1].debit", "both",
                b.post("/entries", "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\",\"lines\":["
                        + "{\"account\":\"629\",\"debit\":10},{\"account\":\"570\",\"debit\":5,\"credit\":5}]}"));
        assertProblem(400, "lines[1].debit", "neither",
                b.post("/entries", "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\",\"lines\":["
                        + "{\"account\":\"629\",\"debit\":10},{\"account\":\"570\"}]}"));
        assertProblem(400, "lines[0].account", "heading account",
                b.post("/entries", Books.entry("2025-02-01", "400", "570", "10")));
        assertProblem(400, "lines[0].account", "does not exist",
                b.post("/entries", Books.entry("2025-02-01", "6299999", "570", "10")));
        assertProblem(400, "date", "No open fiscal year",
                b.post("/entries", Books.entry("2024-12-31", "629", "570", "10")));
        assertEquals(0, b.expect(200, b.get("/entries")).json().getInt("total"));
    }

    /**
     * Issue 17: an entry's refusals are gathered, not just the first: the problem names the first in its detail and
     * field, and lists every one with its field, the books' rules (date, accounts) as the entry's own (cents).
     */
    @Test
    void everyProblemOfAnEntryIsReportedAtOnce() {
        Books b = Books.open(base);
        b.expect(200, b.put("/locks", "{\"hardLock\":\"2025-03-31\",\"version\":0}"));
        Reply books = b.post("/entries", Books.entry("2025-03-15", "6299999", "400", "10"));
        assertProblem(409, "date", "hard lock", books);
        List<String> fields = books.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertEquals(List.of("date", "lines[0].account", "lines[1].account"), fields, books.body());
        assertTrue(books.json().getString("detail").contains("6299999")
                && books.json().getString("detail").contains("heading account"), books.body());

        Reply own = b.post("/entries", Books.entry("2025-04-15", "629", "570", "10.005"));
        assertProblem(400, "lines[0].debit", "more than two decimals", own);
        assertEquals(List.of("lines[0].debit", "lines[1].credit"),
                own.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList(),
                own.body());
        assertEquals(0, b.expect(200, b.get("/entries")).json().getInt("total"));
    }

    @Test
    void locksRefusePostingAndReversalAndTheSoftLockNeedsAnOverride() {
        Books b = Books.open(base);
        long id = b.postEntry("2025-03-10", "629", "570", "50").json().getJsonNumber("id").longValue();
        b.expect(200, b.put("/locks", "{\"softLock\":\"2025-03-31\",\"hardLock\":\"2025-02-28\",\"version\":0}"));
        assertProblem(409, "date", "soft lock", b.post("/entries", Books.entry("2025-03-15", "629", "570", "1")));
        assertProblem(400, "overrideReason", "reason", b.post("/entries",
                Books.entry("2025-03-15", "629", "570", "1").replaceFirst("\\{", "{\"overrideSoftLock\":true,")));
        b.expect(201, b.post("/entries", Books.entry("2025-03-15", "629", "570", "1").replaceFirst("\\{",
                "{\"overrideSoftLock\":true,\"overrideReason\":\"Late invoice\",")));
        assertProblem(409, "date", "hard lock", b.post("/entries", Books.entry("2025-02-28", "629", "570", "1")));
        assertProblem(409, "date", "hard lock", b.post("/entries/" + id + "/reversal", "{\"date\":\"2025-02-10\"}"));
        JsonObject reversal = b.expect(201, b.post("/entries/" + id + "/reversal", "{\"date\":\"2025-04-01\"}")).json();
        assertEquals(3, reversal.getInt("number"));
        assertProblem(409, null, "already been reversed",
                b.post("/entries/" + id + "/reversal", "{\"date\":\"2025-04-02\"}"));
        JsonObject reversed = b.expect(200, b.get("/entries/" + reversal.getJsonNumber("id").longValue())).json();
        assertEquals("570", reversed.getJsonArray("lines").getJsonObject(1).getString("account"));
        assertEquals("50.00", reversed.getJsonArray("lines").getJsonObject(1).getJsonNumber("debit").toString());
    }

    /**
     * A reversal's description is checked as any entry's: one too long is refused, never cut; the default one, written
     * by the hub from the original's, is shortened to fit.
     */
    @Test
    void aReversalDescriptionTooLongIsRefusedNotCut() {
        Books b = Books.open(base);
        String longText = "x".repeat(490);
        long id = b
                .expect(201,
                        b.post("/entries",
                                Books.entry("2025-03-10", "629", "570", "50").replaceFirst("\"description\":\"[^\"]*\"",
                                        "\"description\":\"" + longText + "\"")))
                .json().getJsonNumber("id").longValue();
        assertProblem(400, "description", "at most 500", b.post("/entries/" + id + "/reversal",
                "{\"date\":\"2025-04-01\",\"description\":\"" + "y".repeat(5000) + "\"}"));
        assertEquals(1, b.expect(200, b.get("/entries")).json().getInt("total"), "nothing was posted");
        JsonObject reversal = b.expect(201, b.post("/entries/" + id + "/reversal", "{\"date\":\"2025-04-01\"}")).json();
        String described = b.expect(200, b.get("/entries/" + reversal.getJsonNumber("id").longValue())).json()
                .getString("description");
        assertEquals(500, described.length(), described);
        assertTrue(described.startsWith("Anulación del asiento 1/2025: xxx") && described.endsWith("…"), described);
    }

    @Test
    void draftsAreSavedChangedAndPostedWithEveryCheck() {
        Books b = Books.open(base);
        String unbalanced = "{\"date\":\"2025-05-02\",\"journal\":\"CASH\",\"description\":\"Petty cash\",\"lines\":["
                + "{\"account\":\"629\",\"debit\":12.40},{\"account\":\"570\",\"credit\":12.00}]}";
        JsonObject draft = b.expect(201, b.post("/drafts", unbalanced)).json();
        long id = draft.getJsonNumber("id").longValue();
        assertEquals("CASH", draft.getJsonObject("entry").getString("journal"));
        assertProblem(400, "lines", "difference 0.40", b.post("/drafts/" + id + "/posting", "{}"));
        assertProblem(409, null, "changed",
                b.put("/drafts/" + id, unbalanced.replace("12.00", "12.40").replaceFirst("\\{", "{\"version\":5,")));
        int read = draft.getInt("version");
        b.expect(200, b.put("/drafts/" + id,
                unbalanced.replace("12.00", "12.40").replaceFirst("\\{", "{\"version\":" + read + ",")));
        JsonObject posted = b.expect(201, b.post("/drafts/" + id + "/posting", "{}")).json();
        assertEquals(1, posted.getInt("number"));
        assertEquals(404, b.get("/drafts/" + id).status());
        assertEquals(0, b.expect(200, b.get("/drafts")).array().size());
    }

    @Test
    void linesSplitAcrossProjectsGrantsAndActivitiesByPercentage() {
        Books b = Books.open(base);
        b.expect(201, b.post("/projects", "{\"code\":\"p-1\",\"name\":\"Huerto social\"}"));
        b.expect(201, b.post("/projects", "{\"code\":\"P-2\",\"name\":\"Comedor\"}"));
        assertProblem(409, "code", "already has a project", b.post("/projects", "{\"code\":\"P-1\",\"name\":\"x\"}"));
        b.expect(201,
                b.post("/grants", "{\"code\":\"G-25\",\"name\":\"Empleo 2025\",\"funder\":\"Ayuntamiento\","
                        + "\"awarded\":10000,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\","
                        + "\"budget\":[{\"account\":\"64\",\"amount\":8000},{\"account\":\"62\",\"amount\":2000}]}"));
        assertEquals("64", b.expect(200, b.get("/grants/g-25")).json().getJsonArray("budget").getJsonObject(1)
                .getString("account"));
        String split = "{\"date\":\"2025-06-30\",\"journal\":\"PAYROLL\",\"description\":\"Nómina junio\",\"lines\":["
                + "{\"account\":\"640\",\"debit\":1000.01,\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":\"P-1\","
                + "\"percent\":33.3333},{\"dimension\":\"PROJECT\",\"code\":\"P-2\",\"percent\":66.6667},"
                + "{\"dimension\":\"GRANT\",\"code\":\"G-25\"},{\"dimension\":\"ACTIVITY\",\"code\":\"OWN\"}]},"
                + "{\"account\":\"572\",\"credit\":1000.01}]}";
        long id = b.expect(201, b.post("/entries", split)).json().getJsonNumber("id").longValue();
        var shares = b.expect(200, b.get("/entries/" + id)).json().getJsonArray("lines").getJsonObject(0)
                .getJsonArray("analytic");
        assertEquals(4, shares.size());
        assertEquals("333.34", shares.getJsonObject(0).getJsonNumber("amount").toString());
        assertEquals("666.67", shares.getJsonObject(1).getJsonNumber("amount").toString());
        assertEquals("1000.01", shares.getJsonObject(2).getJsonNumber("amount").toString());
        assertEquals("33.3333", shares.getJsonObject(0).getJsonNumber("percent").toString());
        assertEquals("100", shares.getJsonObject(2).getJsonNumber("percent").toString(), "never 1E+2");
        assertProblem(400, "lines[0].analytic", "total 90 %", b.post("/entries", split.replace("66.6667", "56.6667")));
        assertProblem(400, "lines[0].analytic[2].code", "no grant G-99",
                b.post("/entries", split.replace("G-25", "G-99")));
        assertTrue(b.expect(200, b.post("/balances/verification", "")).json().getBoolean("consistent"));
    }

    /**
     * Issue 17: a work centre's share names the centre by its CCC, which the ledger resolves among the organisation's
     * own work centres through tenancy (another organisation's CCC is refused), and an entry reads back with that CCC
     * and the username of who posted it, alone and in the list.
     */
    @Test
    void aWorkCentresShareIsPostedByItsCccAmongTheOrganisationsOwnAndReadBackWithWhoPostedIt() {
        Books b = Books.open(base);
        Books other = Books.open(base);
        String ccc = b.client().createWorkCentre(b.token(), b.orgId(), "Taller").getString("ccc");
        String foreign = other.client().createWorkCentre(other.token(), other.orgId(), "Almacén").getString("ccc");
        String split = "{\"date\":\"2025-06-30\",\"journal\":\"PAYROLL\",\"description\":\"Nómina junio\","
                + "\"lines\":[{\"account\":\"640\",\"debit\":900,\"analytic\":[{\"dimension\":\"WORK_CENTRE\","
                + "\"code\":\"" + ccc + "\"},{\"dimension\":\"PROJECT\",\"code\":\"P-1\"}]},"
                + "{\"account\":\"572\",\"credit\":900}]}";
        b.expect(201, b.post("/projects", "{\"code\":\"P-1\",\"name\":\"Huerto social\"}"));
        assertProblem(400, "lines[0].analytic[0].code", "no work centre " + foreign,
                b.post("/entries", split.replace(ccc, foreign)));
        long id = b.expect(201, b.post("/entries", split)).json().getJsonNumber("id").longValue();
        JsonObject entry = b.expect(200, b.get("/entries/" + id)).json();
        var shares = entry.getJsonArray("lines").getJsonObject(0).getJsonArray("analytic");
        assertEquals(List.of("PROJECT P-1 900.00", "WORK_CENTRE " + ccc + " 900.00"),
                shares.stream().map(JsonValue::asJsonObject).map(share -> share.getString("dimension") + " "
                        + share.getString("code") + " " + share.getJsonNumber("amount")).sorted().toList());
        assertTrue(entry.getString("postedBy").startsWith("accountant-"), entry.toString());
        assertEquals(entry.getString("postedBy"),
                b.expect(200, b.get("/entries")).json().getJsonArray("entries").getJsonObject(0).getString("postedBy"));
        assertEquals(0, other.expect(200, other.get("/entries")).json().getInt("total"));
    }

    @Test
    void theIntegrityCheckNamesAnEntryWhoseAmountWasAlteredBehindTheHubsBack() throws Exception {
        Books b = Books.open(base);
        b.postEntry("2025-01-10", "629", "570", "10");
        JsonObject second = b.postEntry("2025-01-11", "629", "570", "20").json();
        b.postEntry("2025-01-12", "629", "570", "30");
        JsonObject intact = b.expect(200, b.get("/integrity")).json();
        assertTrue(intact.getBoolean("intact"), intact.toString());
        assertEquals(3, intact.getInt("entriesChecked"));
        long id = second.getJsonNumber("id").longValue();
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE journal_line SET debit = 2000 WHERE org_id = " + b.orgId()
                            + " AND entry_id = " + id + " AND line_no = 1"));
            assertTrue(refused.getMessage().contains("cannot be changed"), refused.getMessage());
            // someone with the rights to drop the trigger alters the amount and puts the trigger back
            s.execute("DROP TRIGGER journal_line_immutable_update");
            try {
                s.executeUpdate("UPDATE journal_line SET debit = 2000 WHERE org_id = " + b.orgId() + " AND entry_id = "
                        + id + " AND line_no = 1");
            } finally {
                s.execute("CREATE TRIGGER journal_line_immutable_update BEFORE UPDATE ON journal_line FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A line of a posted journal entry cannot be "
                        + "changed.'");
            }
        }
        JsonObject broken = b.expect(200, b.get("/integrity")).json();
        assertFalse(broken.getBoolean("intact"));
        assertEquals(1, broken.getInt("entriesChecked"));
        assertEquals(id, broken.getJsonObject("firstBroken").getJsonNumber("id").longValue());
        assertTrue(broken.getJsonObject("firstBroken").getString("reason").contains("Entry 2/2025"), broken.toString());
        JsonObject verification = b.expect(200, b.post("/balances/verification", "")).json();
        assertFalse(verification.getBoolean("consistent"));
        JsonObject rebuilt = b.expect(200, b.post("/balances/rebuild", "")).json();
        assertTrue(rebuilt.getBoolean("consistent"), rebuilt.toString());
    }

    /**
     * An account with postings in an open year keeps taking postings: a subaccount that would make it a heading is
     * refused, so the year can still be closed and its entries reversed. Once the year is closed, an account whose
     * balance did not reach the next year may be divided; one carried into it by the opening entry may not.
     */
    @Test
    void aSubaccountCannotTurnAnAccountPostedInAnOpenYearIntoAHeading() {
        Books b = Books.open(base);
        long id = b.postEntry("2025-03-10", "629", "572", "80").json().getJsonNumber("id").longValue();
        assertProblem(409, "code", "carries postings in the fiscal year 2025",
                b.post("/accounts", "{\"code\":\"6290001\",\"name\":\"Otros servicios\"}"));
        assertEquals("POSTING", b.expect(200, b.get("/accounts/629")).json().getString("kind"));
        b.expect(201, b.post("/entries/" + id + "/reversal", "{\"date\":\"2025-03-11\"}"));
        b.postEntry("2025-04-10", "629", "572", "80");
        b.expect(201, b.post("/fiscal-years/2025/closing", "{}"));
        b.expect(201, b.post("/accounts", "{\"code\":\"6290001\",\"name\":\"Otros servicios\"}"));
        assertEquals("HEADING", b.expect(200, b.get("/accounts/629")).json().getString("kind"));
        assertProblem(409, "code", "carries postings in the fiscal year 2026",
                b.post("/accounts", "{\"code\":\"5720001\",\"name\":\"Banco 1\"}"));
    }

    @Test
    void yearEndClosingRegularisesClosesAndOpensTheNextYear() {
        Books b = Books.open(base);
        b.postEntry("2025-01-10", "572", "100", "5000");
        b.postEntry("2025-03-10", "629", "572", "800");
        b.postEntry("2025-04-10", "572", "721", "1300");
        b.expect(200, b.put("/locks", "{\"softLock\":\"2025-12-31\",\"version\":0}"));
        assertProblem(409, "date", "soft lock", b.post("/fiscal-years/2025/closing", "{}"));
        b.expect(200, b.put("/locks", "{\"version\":1}"));
        JsonObject closing = b.expect(201, b.post("/fiscal-years/2025/closing", "{}")).json();
        assertEquals(4, closing.getJsonObject("regularisation").getInt("number"));
        assertEquals("1300.00", closing.getJsonObject("regularisation").getJsonNumber("total").toString());
        assertEquals(5, closing.getJsonObject("closing").getInt("number"));
        assertEquals(1, closing.getJsonObject("opening").getInt("number"));
        assertEquals(2026, closing.getJsonObject("opening").getInt("fiscalYear"));
        JsonObject opening = b
                .expect(200, b.get("/entries/" + closing.getJsonObject("opening").getJsonNumber("id").longValue()))
                .json();
        // 572 5500 debit; 100 5000 and 129 500 credit
        assertEquals("100", opening.getJsonArray("lines").getJsonObject(0).getString("account"));
        assertEquals("5000.00", opening.getJsonArray("lines").getJsonObject(0).getJsonNumber("credit").toString());
        assertEquals("129", opening.getJsonArray("lines").getJsonObject(1).getString("account"));
        assertEquals("500.00", opening.getJsonArray("lines").getJsonObject(1).getJsonNumber("credit").toString());
        assertEquals("5500.00", opening.getJsonArray("lines").getJsonObject(2).getJsonNumber("debit").toString());
        assertProblem(409, "date", "is closed", b.post("/entries", Books.entry("2025-12-31", "629", "570", "1")));
        assertProblem(409, "year", "already closed", b.post("/fiscal-years/2025/closing", "{}"));
        assertTrue(b.expect(200, b.get("/fiscal-years")).array().getJsonObject(0).getBoolean("closed"));
        assertTrue(b.expect(200, b.get("/integrity")).json().getBoolean("intact"));

        Books locked = Books.open(base);
        locked.postEntry("2025-03-10", "629", "572", "800");
        locked.expect(200, locked.put("/locks", "{\"hardLock\":\"2025-12-31\",\"version\":0}"));
        assertProblem(409, "date", "hard lock", locked.post("/fiscal-years/2025/closing", "{}"));
        assertFalse(locked.expect(200, locked.get("/fiscal-years")).array().getJsonObject(0).getBoolean("closed"));
        assertEquals(1, locked.expect(200, locked.get("/entries")).json().getInt("total"));
    }

    /**
     * Issue 16: posting order is not date order, and the opening entry is posted months into the year. Renumbering
     * numbers the year by date — within a date the opening entry first, the closing journal last — as a sealed
     * numbering the integrity check verifies; a later posting makes it outdated; legalising makes the numbers final and
     * the year refuses postings, reversals and renumbering.
     */
    @Test
    void renumberingNumbersTheYearByDateAndLegalisingMakesTheNumbersFinal() {
        Books b = Books.open(base);
        b.postEntry("2025-04-10", "572", "721", "1300");
        b.expect(201, b.post("/fiscal-years", "{\"year\":2026}"));
        b.postEntry("2026-01-01", "629", "572", "10");
        b.expect(201, b.post("/entries", Books.entry("2026-12-31", "629", "572", "20").replace("GENERAL", "CLOSING")));
        b.postEntry("2026-12-31", "629", "572", "30");
        long january = b.postEntry("2026-01-15", "629", "572", "40").json().getJsonNumber("id").longValue();
        JsonObject opening = b.expect(201, b.post("/fiscal-years/2025/closing", "{}")).json().getJsonObject("opening");
        assertEquals(5, opening.getInt("number"));
        // the journal by date: opening, 1 January, 15 January, 31 December, then the closing journal's entry
        assertEquals(List.of(5, 1, 4, 3, 2), journalNumbers(b, 2026));

        JsonObject numbering = b.expect(201, b.post("/fiscal-years/2026/renumbering", "")).json();
        assertEquals(1, numbering.getInt("version"));
        assertEquals(5, numbering.getInt("entries"));
        assertEquals(List.of(1, 2, 3, 4, 5), journalNumbers(b, 2026));
        assertEquals(1,
                b.expect(200, b.get("/entries/" + opening.getJsonNumber("id").longValue())).json().getInt("number"));
        assertEquals(3, b.expect(200, b.get("/entries/" + january)).json().getInt("number"));
        assertTrue(b.expect(200, b.get("/integrity")).json().getBoolean("intact"));

        b.postEntry("2026-03-01", "629", "572", "50");
        assertEquals(List.of(5, 1, 4, 6, 3, 2), journalNumbers(b, 2026), "an outdated numbering is not shown");
        assertProblem(409, "year", "renumber it by date", b.post("/fiscal-years/2026/legalisation", ""));
        assertEquals(2, b.expect(201, b.post("/fiscal-years/2026/renumbering", "")).json().getInt("version"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), journalNumbers(b, 2026));

        JsonObject legalised = b.expect(200, b.post("/fiscal-years/2026/legalisation", "")).json();
        assertEquals(6, legalised.getInt("entries"), legalised.toString());
        assertEquals(2, legalised.getInt("numbering"), legalised.toString());
        assertTrue(b.expect(200, b.get("/fiscal-years")).array().getJsonObject(1).getBoolean("legalised"));
        assertProblem(409, "year", "is legalised", b.post("/fiscal-years/2026/renumbering", ""));
        assertProblem(409, "year", "is legalised", b.post("/fiscal-years/2026/legalisation", ""));
        assertProblem(409, "date", "is legalised", b.post("/entries", Books.entry("2026-05-01", "629", "572", "1")));
        assertProblem(409, "date", "is legalised",
                b.post("/entries/" + january + "/reversal", "{\"date\":\"2026-05-01\"}"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), journalNumbers(b, 2026));
        assertTrue(b.expect(200, b.get("/integrity")).json().getBoolean("intact"));
        assertProblem(404, null, "no fiscal year 2030", b.post("/fiscal-years/2030/renumbering", ""));
    }

    private static List<Integer> journalNumbers(Books b, int year) {
        return b.expect(200, b.get("/reports/journal?from=" + year + "-01-01&to=" + year + "-12-31")).json()
                .getJsonArray("entries").stream().map(e -> e.asJsonObject().getInt("number")).toList();
    }
}
