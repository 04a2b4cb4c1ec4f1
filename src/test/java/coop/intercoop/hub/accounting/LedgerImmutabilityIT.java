package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * Posted entries are legal records: even raw SQL that goes around the hub cannot change or delete an entry, its lines
 * or its analytic shares; the database's triggers refuse it and the rows stay as posted.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerImmutabilityIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void rawSqlCannotChangeOrDeleteAPostedEntryItsLinesOrItsShares() throws SQLException {
        Books b = Books.open(base);
        b.expect(201, b.post("/projects", "{\"code\":\"P1\",\"name\":\"Comedor social\"}"));
        long id = b.expect(201, b.post("/entries", "{\"date\":\"2025-05-20\",\"journal\":\"GENERAL\","
                + "\"description\":\"Compra de alimentos\",\"document\":\"F-2025-77\",\"lines\":["
                + "{\"account\":\"629\",\"debit\":100.01,\"analytic\":[{\"dimension\":\"PROJECT\",\"code\":\"P1\"},"
                + "{\"dimension\":\"ACTIVITY\",\"code\":\"OWN\",\"percent\":60},"
                + "{\"dimension\":\"ACTIVITY\",\"code\":\"COMMERCIAL\",\"percent\":40}]},"
                + "{\"account\":\"572\",\"credit\":100.01}]}")).json().getJsonNumber("id").longValue();
        long org = b.orgId();
        String entry = "journal_entry WHERE org_id = " + org + " AND id = " + id;
        String lines = "journal_line WHERE org_id = " + org + " AND entry_id = " + id;
        String shares = "line_allocation WHERE org_id = " + org + " AND entry_id = " + id;

        try (Connection c = TestDatabase.connect()) {
            List<List<String>> entryRows = rows(c, entry);
            List<List<String>> lineRows = rows(c, lines);
            List<List<String>> shareRows = rows(c, shares);
            assertEquals(1, entryRows.size());
            assertEquals(2, lineRows.size());
            assertEquals(3, shareRows.size(), "P1 100 %, OWN 60 %, COMMERCIAL 40 %");

            refused(c, "UPDATE journal_entry SET description = 'Changed' WHERE org_id = " + org + " AND id = " + id,
                    "A posted journal entry cannot be changed; post a reversal entry instead.");
            refused(c, "UPDATE journal_entry SET total = total + 1 WHERE org_id = " + org + " AND id = " + id,
                    "A posted journal entry cannot be changed; post a reversal entry instead.");
            refused(c, "UPDATE journal_line SET debit = 200.01 WHERE org_id = " + org + " AND entry_id = " + id
                    + " AND line_no = 1", "A line of a posted journal entry cannot be changed.");
            refused(c,
                    "UPDATE journal_line SET account_id = account_id WHERE org_id = " + org + " AND entry_id = " + id,
                    "A line of a posted journal entry cannot be changed.");
            refused(c,
                    "UPDATE line_allocation SET percent = 50 WHERE org_id = " + org + " AND entry_id = " + id
                            + " AND activity IS NOT NULL",
                    "An analytic share of a posted journal entry cannot be changed.");
            refused(c,
                    "UPDATE line_allocation SET debit = 0.01 WHERE org_id = " + org + " AND entry_id = " + id
                            + " AND project_id IS NOT NULL",
                    "An analytic share of a posted journal entry cannot be changed.");
            refused(c, "DELETE FROM " + shares, "An analytic share of a posted journal entry cannot be deleted.");
            refused(c, "DELETE FROM " + lines, "A line of a posted journal entry cannot be deleted.");
            refused(c, "DELETE FROM " + entry,
                    "A posted journal entry cannot be deleted; post a reversal entry instead.");

            assertEquals(entryRows, rows(c, entry));
            assertEquals(lineRows, rows(c, lines));
            assertEquals(shareRows, rows(c, shares));
        }
        assertEquals(1, b.expect(200, b.get("/entries")).json().getInt("total"));
        assertEquals("Compra de alimentos", b.expect(200, b.get("/entries/" + id)).json().getString("description"));
    }

    private static void refused(Connection c, String sql, String message) {
        SQLException refusal = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }, sql);
        assertEquals("45000", refusal.getSQLState(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(message), refusal.getMessage());
    }

    /** Every column of the rows, as text, in key order. */
    private static List<List<String>> rows(Connection c, String from) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + from + " ORDER BY 1, 2, 3, 4");
                ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
