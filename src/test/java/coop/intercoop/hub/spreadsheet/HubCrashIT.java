package coop.intercoop.hub.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubProcess;
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * A hub node killed (SIGKILL) while it writes an import: nothing of the import is in the books, the job stays claimed
 * by the dead node, and another node — started with a short {@code hub.import.stale-seconds} — finds the job without a
 * heartbeat, queues it again and runs it to the end, every entry once. The nodes are started here, outside Arquillian,
 * so that killing one spares the container the other tests use.
 */
class HubCrashIT {

    private static final int ENTRIES = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHubKilledMidImportLeavesNothingAndAnotherNodeRunsTheJobCleanly() throws Exception {
        Books books;
        long id;
        try (HubProcess first = HubProcess.start(dir.resolve("first"))) {
            books = Books.open(first.base());
            id = ImportIT.upload(books, "journal-entries", "", workbook()).json().getJsonNumber("id").longValue();
            String jobPath = "api/v1/orgs/" + books.orgId() + "/imports/" + id;
            Instant until = Instant.now().plus(Duration.ofMinutes(5));
            JsonObject job = books.client().get(jobPath, books.token()).json();
            while (job.getJsonNumber("rowsWritten").longValue() < 5_000) {
                assertTrue(Instant.now().isBefore(until), "the import did not start writing: " + job);
                assertTrue(job.getString("status").equals("running") || job.getString("status").equals("queued"),
                        job.toString());
                Thread.sleep(100);
                job = books.client().get(jobPath, books.token()).json();
            }
            first.kill();
        }
        assertEquals(0, count("SELECT COUNT(*) FROM journal_entry WHERE org_id = ?", books.orgId()),
                "entries of the interrupted import are in the books");
        assertEquals(1, count("SELECT COUNT(*) FROM import_job WHERE org_id = ? AND status = 'RUNNING'", books.orgId()),
                "the job is no longer claimed by the dead node");

        try (HubProcess second = HubProcess.start(dir.resolve("second"), "-Dhub.import.stale-seconds=5")) {
            Books again = new Books(new HubClient(second.base()), books.orgId(), books.token(), books.auditorToken(),
                    books.path());
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
    }

    /** Two-line entries spread over the year, large enough to be killed while the second pass writes. */
    private static byte[] workbook() {
        return Workbooks.of(ImportIT.JOURNAL_HEADER, () -> new Iterator<Object[]>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < ENTRIES * 2;
            }

            @Override
            public Object[] next() {
                int entry = n / 2;
                boolean debit = n++ % 2 == 0;
                return new Object[] { null, "H" + entry, LocalDate.of(2025, 1 + entry % 12, 1 + entry % 28), "GENERAL",
                        debit ? "629" : "572", "Apunte " + entry, debit ? new BigDecimal("2.50") : null,
                        debit ? null : new BigDecimal("2.50") };
            }
        });
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
