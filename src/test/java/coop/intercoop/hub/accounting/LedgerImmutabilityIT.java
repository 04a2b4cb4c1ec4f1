package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;

import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * Posted entries are legal records: even raw SQL that goes around the hub cannot change or delete an entry, its lines
 * or its analytic shares; the database's triggers refuse it and the rows stay as posted. Someone who can take the
 * triggers away (the database's root) and rewrite the rows, but does not hold the hub's integrity key, is caught by the
 * keyed chain and the anchors; the audit log is guarded the same way.
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

    /**
     * The attack of issue 15: as database root, drop the triggers, change a posted amount, recompute the unkeyed
     * SHA-256 chain the published way and rebuild the balances. Without the hub's key the chain cannot be recomputed,
     * so the check names the rewrite.
     */
    @Test
    void anAmountChangedAsDatabaseRootWithThePlainChainRecomputedIsDetected() throws SQLException {
        Books b = Books.open(base);
        b.postEntry("2025-03-01", "629", "572", "100.00");
        long id = b.postEntry("2025-03-02", "629", "572", "200.00").json().getJsonNumber("id").longValue();
        b.postEntry("2025-03-03", "629", "572", "300.00");
        assertTrue(b.expect(200, b.get("/integrity")).json().getBoolean("intact"));

        try (Connection c = TestDatabase.connect()) {
            Tampering.rewriteAmount(c, b.orgId(), id, "2000.00");
        }
        b.expect(200, b.post("/balances/rebuild", "{}"));
        assertEquals("2000.00", b.expect(200, b.get("/entries/" + id)).json().getJsonNumber("total").bigDecimalValue()
                .setScale(2).toPlainString(), "the rewrite took hold in the database");

        JsonObject check = b.expect(200, b.get("/integrity")).json();
        assertFalse(check.getBoolean("intact"), check.toString());
        assertTrue(check.getJsonObject("firstBroken").getString("reason").contains("unkeyed scheme 1"),
                check.toString());
    }

    /**
     * Deleting the newest entry and moving the chain head back leaves a chain that is consistent in itself; only the
     * anchor written outside the database tells that it was longer.
     */
    @Test
    void anEntryRemovedAfterAnAnchorIsDetectedAgainstTheAnchor() throws SQLException {
        Books b = Books.open(base);
        b.postEntry("2025-04-01", "629", "572", "10.00");
        b.postEntry("2025-04-02", "629", "572", "20.00");
        b.postEntry("2025-04-03", "629", "572", "30.00");
        HubClient client = b.client();
        String admin = client.adminToken();
        HubClient.Reply anchored = client.patient(java.time.Duration.ofMinutes(5)).post("api/v1/integrity/anchors",
                admin, "{}");
        assertEquals(200, anchored.status(), anchored.body());
        assertTrue(anchored.json().getInt("written") >= 1, anchored.body());
        JsonObject before = b.expect(200, b.get("/integrity")).json();
        assertTrue(before.getBoolean("intact"), before.toString());
        assertEquals(3, before.getJsonObject("anchored").getInt("position"), before.toString());

        try (Connection c = TestDatabase.connect()) {
            Tampering.removeNewest(c, b.orgId());
        }
        b.expect(200, b.post("/balances/rebuild", "{}"));
        assertEquals(2, b.expect(200, b.get("/entries")).json().getInt("total"));

        JsonObject after = b.expect(200, b.get("/integrity")).json();
        assertFalse(after.getBoolean("intact"), after.toString());
        assertEquals(2, after.getInt("entriesChecked"), after.toString());
        assertTrue(after.getJsonObject("firstBroken").getString("reason").contains("recorded it at position 3"),
                after.toString());
    }

    /**
     * A numbering by date is a record like a posted entry: the triggers refuse changing it, and a legal number moved
     * behind them no longer matches the numbering's seal, which the integrity check names.
     */
    @Test
    void aLegalNumberChangedBehindTheTriggersIsDetected() throws SQLException {
        Books b = Books.open(base);
        long later = b.postEntry("2025-03-02", "629", "572", "20.00").json().getJsonNumber("id").longValue();
        b.postEntry("2025-03-01", "629", "572", "10.00");
        b.expect(201, b.post("/fiscal-years/2025/renumbering", ""));
        assertTrue(b.expect(200, b.get("/integrity")).json().getBoolean("intact"));
        long org = b.orgId();
        try (Connection c = TestDatabase.connect()) {
            String first = " WHERE org_id = " + org + " AND legal_no = 1";
            refused(c, "UPDATE entry_legal_number SET legal_no = 3" + first, "A legal number cannot be changed");
            refused(c, "DELETE FROM entry_legal_number" + first, "A legal number cannot be deleted");
            refused(c, "UPDATE entry_numbering SET entries = 1 WHERE org_id = " + org, "A numbering cannot be changed");
            // number 1 made to name the entry dated later, as if it came first
            Tampering.withoutTriggers(c, new String[] { "entry_legal_number_immutable_update" },
                    x -> Tampering.update(c,
                            "UPDATE entry_legal_number SET entry_id = ? WHERE org_id = ? " + "AND legal_no = 1", later,
                            org));
        }
        JsonObject check = b.expect(200, b.get("/integrity")).json();
        assertFalse(check.getBoolean("intact"), check.toString());
        assertTrue(
                check.getJsonObject("firstBroken").getString("reason").contains("Numbering 1 of the fiscal year 2025"),
                check.toString());
    }

    /** The audit log is append-only like the ledger, and a row changed behind the triggers breaks its chain. */
    @Test
    void anAuditEventCannotBeChangedAndOneChangedBehindTheTriggersIsDetected() throws SQLException {
        Books b = Books.open(base);
        b.postEntry("2025-05-01", "629", "572", "10.00");
        long org = b.orgId();
        assertTrue(b.expect(200, b.get("/integrity")).json().getJsonObject("audit").getBoolean("intact"));
        String newest = "SELECT MAX(id) FROM audit_event WHERE org_id = " + org
                + " AND action = 'accounting.entry-posted'";
        try (Connection c = TestDatabase.connect()) {
            long event;
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(newest)) {
                r.next();
                event = r.getLong(1);
            }
            refused(c, "UPDATE audit_event SET detail = 'nothing happened' WHERE id = " + event,
                    "An audit event cannot be changed.");
            refused(c, "DELETE FROM audit_event WHERE id = " + event, "An audit event cannot be deleted.");
            Tampering.withoutTriggers(c, new String[] { "audit_event_immutable_update" },
                    x -> Tampering.update(c, "UPDATE audit_event SET detail = 'nothing happened' WHERE id = ?", event));
            JsonObject check = b.expect(200, b.get("/integrity")).json();
            assertFalse(check.getBoolean("intact"), check.toString());
            JsonObject audit = check.getJsonObject("audit");
            assertFalse(audit.getBoolean("intact"), check.toString());
            assertEquals(event, audit.getJsonNumber("firstBrokenId").longValue(), check.toString());
            assertTrue(HubClient.isNull(check, "firstBroken"), "the ledger itself is intact: " + check);
        }
    }

    /** After a key rotation new entries carry the new key id and the entries keyed with the old one still verify. */
    @Test
    void entriesKeyedBeforeAKeyRotationStayVerifiable() throws SQLException {
        Books b = Books.open(base);
        long first = b.postEntry("2025-06-01", "629", "572", "10.00").json().getJsonNumber("id").longValue();
        HubClient.Reply rotated = b.client().post("api/v1/integrity/keys", b.client().adminToken(), "{}");
        assertEquals(200, rotated.status(), rotated.body());
        int newKey = rotated.json().getInt("keyId");
        long second = b.postEntry("2025-06-02", "629", "572", "20.00").json().getJsonNumber("id").longValue();

        JsonObject check = b.expect(200, b.get("/integrity")).json();
        assertTrue(check.getBoolean("intact"), check.toString());
        assertEquals(2, check.getInt("entriesChecked"));
        HubClient.Reply hubAudit = b.client().get("api/v1/integrity/audit", b.client().adminToken());
        assertEquals(200, hubAudit.status(), hubAudit.body());
        assertTrue(hubAudit.json().getBoolean("intact"),
                "the hub's own audit log, keyed with both keys: " + hubAudit.body());
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, hash_version, hash_key_id FROM journal_entry WHERE org_id = "
                        + b.orgId() + " ORDER BY chain_seq")) {
            assertTrue(r.next());
            assertEquals(first, r.getLong(1));
            assertEquals(2, r.getInt(2));
            assertEquals(newKey - 1, r.getInt(3));
            assertTrue(r.next());
            assertEquals(second, r.getLong(1));
            assertEquals(newKey, r.getInt(3));
        }
    }

    /**
     * A hub whose key file is gone (a container recreated without its data volume) must not draw a new key over a
     * database of keyed records, which would then all look forged: it keys nothing and says what to restore. Checked on
     * the keys as a hub reads them at its first keyed record, against the run's database, rather than by starting a hub
     * of its own (a start-up of the suite); what a caller is told when the hub cannot key is the API's generic 500.
     */
    @Test
    void aMissingKeyFileIsNotReplacedByANewKeyOverKeyedRecords() throws Exception {
        Books.open(base);
        Path keyFile = TestDatabase.hubDataDir().resolveSibling("hub-without-key").resolve("integrity.keys");
        Files.deleteIfExists(keyFile);
        MariaDbDataSource database = new MariaDbDataSource(TestDatabase.url());
        database.setUser(TestDatabase.user());
        database.setPassword(TestDatabase.password());
        IntegrityKeys keys = new IntegrityKeys(keyFile, database);

        IllegalStateException refused = assertThrows(IllegalStateException.class, keys::currentId);

        assertTrue(refused.getMessage().contains("is missing, but the database holds records keyed"),
                refused.getMessage());
        assertFalse(Files.exists(keyFile), "no new key was drawn");
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
