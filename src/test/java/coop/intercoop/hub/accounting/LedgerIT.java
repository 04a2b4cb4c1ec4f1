package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;

/** Posting through the API: numbering, the refusals that name the problem, reversal. */
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
}
