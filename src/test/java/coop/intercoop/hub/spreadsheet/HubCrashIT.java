package coop.intercoop.hub.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.HubProcess;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * A hub node killed (SIGKILL) while it writes an import: nothing of the import is in the books, the job stays claimed
 * by the dead node, and another node finds the job without a heartbeat, queues it again and runs it to the end, every
 * entry once. The node that dies is started here, outside Arquillian, so that killing it spares the hub the other tests
 * use; that shared hub, whose {@code hub.jobs.stale-seconds} the test run sets short ({@code TestDatabase}), is the
 * other node.
 */
@ExtendWith(ArquillianExtension.class)
class HubCrashIT {

    private static final int ENTRIES = 40_000;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @TempDir
    Path dir;

    @Test
    void aHubKilledMidImportLeavesNothingAndAnotherNodeRunsTheJobCleanly() throws Exception {
        Books books;
        long id;
        try (HubProcess first = HubProcess.start(dir.resolve("first"))) {
            books = Books.open(first.base());
            id = ImportIT
                    .upload(books, "journal-entries", "", ImportIT.twoLineEntries("H", ENTRIES, new BigDecimal("2.50")))
                    .json().getJsonNumber("id").longValue();
            ImportIT.awaitWriting(books, id);
            first.kill();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM journal_entry WHERE org_id = ?", books.orgId()),
                "entries of the interrupted import are in the books");
        assertEquals(1, count("SELECT COUNT(*) FROM job WHERE org_id = ? AND status = 'RUNNING'", books.orgId()),
                "the job is no longer claimed by the dead node");

        Books again = new Books(new HubClient(base), books.orgId(), books.token(), books.auditorToken(), books.path());
        JsonObject done = ImportIT.finished(again, id);
        assertEquals("succeeded", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("attempts"), done.toString());
        assertEquals(ENTRIES * 2L, done.getJsonNumber("rowsWritten").longValue());
        assertEquals(ENTRIES, count("SELECT COUNT(*) FROM journal_entry WHERE org_id = ?", books.orgId()));
        assertEquals(ENTRIES, count("SELECT MAX(entry_no) FROM journal_entry WHERE org_id = ?", books.orgId()),
                "the entries are numbered 1..N without gaps");
        assertTrue(again.expect(200, again.get("/integrity")).json().getBoolean("intact"));
        JsonObject verification = again.expect(200, again.post("/balances/verification", "")).json();
        assertTrue(verification.getBoolean("consistent"), verification.toString());
    }

    private static long count(String sql, long org) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
