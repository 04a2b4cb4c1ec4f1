package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.accounting.entity.EntryHash;
import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.RefuseMarkedEntries;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * Many clients posting into one organisation at once, some postings rolled back by an observer after the number was
 * taken: the legal numbers stay 1..N without gaps or duplicates, the hash chain stays one unbroken chain, and the
 * maintained balances equal the lines.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerConcurrencyIT {

    private static final Logger LOG = Logger.getLogger(LedgerConcurrencyIT.class.getName());
    private static final int THREADS = 16;
    private static final Duration RUN = Duration.ofSeconds(15);
    private static final List<String[]> ACCOUNTS = List.of(new String[] { "629", "570" }, new String[] { "570", "721" },
            new String[] { "640", "572" }, new String[] { "572", "705" });

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** One post and its answer. */
    record Outcome(String description, boolean marked, BigDecimal total, int status, String body, JsonObject posted) {
    }

    @Test
    void concurrentPostingsWithRollbacksKeepNumbersChainAndBalancesWhole() throws Exception {
        Books b = Books.open(base, "pgc-esfl", RefuseMarkedEntries.ORGANISATION_PREFIX);
        long started = System.nanoTime();
        long deadline = started + RUN.toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Outcome>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> postUntil(b, thread, deadline)));
            }
            for (Future<List<Outcome>> worker : workers) {
                outcomes.addAll(worker.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<Outcome> posted = outcomes.stream().filter(o -> o.status() == 201).toList();
        List<Outcome> marked = outcomes.stream().filter(Outcome::marked).toList();
        List<Outcome> unexpected = outcomes.stream().filter(o -> o.marked() == (o.status() == 201)).toList();
        int n = posted.size();
        LOG.info("Concurrent posting: " + outcomes.size() + " posts by " + THREADS + " threads in " + took.toMillis()
                + " ms, " + n + " posted, " + marked.size() + " marked to roll back, " + unexpected.size()
                + " unexpected answers; statuses " + outcomes.stream()
                        .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting())));

        assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " posts got an unexpected answer, e.g. "
                + unexpected.stream().limit(5).map(o -> o.status() + " " + o.body()).toList());
        assertTrue(n > THREADS, "only " + n + " entries were posted");
        assertTrue(!marked.isEmpty(), "no posting was rolled back");
        for (Outcome refused : marked) {
            assertEquals(500, refused.status(), refused.body());
            assertTrue(refused.body().contains("nothing was changed"), refused.body());
        }
        assertEquals(numbersOneTo(n), posted.stream().map(o -> (long) o.posted().getInt("number")).sorted().toList(),
                "the numbers the API answered");

        Map<Long, Outcome> postedById = new HashMap<>();
        posted.forEach(o -> postedById.put(o.posted().getJsonNumber("id").longValue(), o));
        assertEquals(n, postedById.size(), "distinct ids");

        // through the API, page by page
        List<Long> listed = new ArrayList<>();
        Set<String> listedDescriptions = new HashSet<>();
        for (int first = 0;; first += 500) {
            JsonObject page = b.expect(200, b.get("/entries?from=2025-01-01&to=2025-12-31&first=" + first + "&max=500"))
                    .json();
            assertEquals(n, page.getInt("total"));
            if (page.getJsonArray("entries").isEmpty()) {
                break;
            }
            for (JsonValue value : page.getJsonArray("entries")) {
                JsonObject entry = value.asJsonObject();
                assertEquals(2025, entry.getInt("fiscalYear"));
                listed.add((long) entry.getInt("number"));
                listedDescriptions.add(entry.getString("description"));
                Outcome mine = postedById.get(entry.getJsonNumber("id").longValue());
                assertTrue(mine != null, "an entry nobody posted: " + entry);
                assertEquals(mine.description(), entry.getString("description"));
                assertEquals(mine.posted().getString("hash"), entry.getString("hash"));
                assertEquals(0, mine.total().compareTo(entry.getJsonNumber("total").bigDecimalValue()));
            }
        }
        assertEquals(numbersOneTo(n), listed.stream().sorted().toList(), "the numbers the API lists");
        assertEquals(posted.stream().map(Outcome::description).collect(Collectors.toSet()), listedDescriptions);
        JsonObject integrity = b.expect(200, b.get("/integrity")).json();
        assertTrue(integrity.getBoolean("intact"), integrity.toString());
        assertEquals(n, integrity.getJsonNumber("entriesChecked").longValue(), integrity.toString());
        JsonObject verification = b.expect(200, b.post("/balances/verification", "")).json();
        assertTrue(verification.getBoolean("consistent"), verification.toString());

        // in the database itself
        try (Connection c = TestDatabase.connect()) {
            long org = b.orgId();
            assertEquals(numbersOneTo(n),
                    longs(c, "SELECT e.entry_no FROM journal_entry e JOIN fiscal_year f ON f.org_id = e.org_id "
                            + "AND f.id = e.fiscal_year_id WHERE e.org_id = ? AND f.year = 2025 ORDER BY e.entry_no",
                            org),
                    "journal_entry.entry_no of 2025");
            assertEquals(List.of((long) n),
                    longs(c, "SELECT k.last_number FROM entry_counter k JOIN fiscal_year f ON f.org_id = k.org_id "
                            + "AND f.id = k.fiscal_year_id WHERE k.org_id = ? AND f.year = 2025", org),
                    "entry_counter.last_number");
            assertEquals(List.of((long) n), longs(c, "SELECT last_seq FROM ledger_chain WHERE org_id = ?", org),
                    "ledger_chain.last_seq");
            assertEquals(List.of(0L), longs(c,
                    "SELECT COUNT(*) FROM journal_entry WHERE org_id = ? " + "AND MOD(total * 100, 100) = 13", org),
                    "entries of a rolled-back posting");
            assertEquals(List.of((long) n), longs(c,
                    "SELECT COUNT(*) FROM audit_event WHERE org_id = ? " + "AND action = 'accounting.entry-posted'",
                    org), "audit records of postings");
            assertChainIsWhole(c, org, n);
            assertBalancesEqualTheLines(c, org, posted);
        }
    }

    @Test
    void concurrentReversalsOfOneEntryPostOneAndRefuseTheOthersAsAlreadyReversed() throws Exception {
        Books b = Books.open(base);
        int entries = 6;
        int clients = 8;
        Map<Integer, Long> statuses = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int e = 0; e < entries; e++) {
                long id = b.postEntry("2025-06-10", "629", "570", "75.50").json().getJsonNumber("id").longValue();
                CyclicBarrier together = new CyclicBarrier(clients);
                List<Future<Reply>> replies = new ArrayList<>();
                for (int t = 0; t < clients; t++) {
                    replies.add(pool.submit(() -> {
                        HubClient client = new HubClient(base);
                        together.await();
                        return client.post(b.path() + "/entries/" + id + "/reversal", b.token(),
                                "{\"date\":\"2025-06-11\"}");
                    }));
                }
                int reversed = 0;
                for (Future<Reply> future : replies) {
                    Reply reply = future.get();
                    statuses.merge(reply.status(), 1L, Long::sum);
                    if (reply.status() == 201) {
                        reversed++;
                    } else if (reply.status() != 409 || !reply.body().contains("already been reversed")) {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                }
                assertEquals(1, reversed, "reversals of entry " + id + " that were posted");
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info("Concurrent reversals: " + entries + " entries, " + clients + " clients each; statuses " + statuses);
        assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " of " + entries * (clients - 1)
                + " second reversals were not refused as already reversed, e.g. " + unexpected.get(0));
        assertEquals(numbersOneTo(2 * entries), b.expect(200, b.get("/entries")).json().getJsonArray("entries").stream()
                .map(v -> (long) v.asJsonObject().getInt("number")).sorted().toList());
    }

    private List<Outcome> postUntil(Books b, int thread, long deadline) {
        HubClient client = new HubClient(base);
        List<Outcome> outcomes = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            boolean marked = random.nextInt(10) == 0;
            long cents = random.nextLong(1, 1_000_000) * 100 + (marked ? 13 : randomCentsBut13(random));
            BigDecimal total = BigDecimal.valueOf(cents, 2);
            String description = "Concurrent " + thread + "-" + i;
            String json = entry(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)), description, total, random);
            try {
                Reply reply = client.post(b.path() + "/entries", b.token(), json);
                outcomes.add(new Outcome(description, marked, total, reply.status(), reply.body(),
                        reply.status() == 201 ? reply.json() : null));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(description, marked, total, -1, e.toString(), null));
            }
        }
        return outcomes;
    }

    private static long randomCentsBut13(ThreadLocalRandom random) {
        long cents = random.nextLong(0, 99);
        return cents >= 13 ? cents + 1 : cents;
    }

    /** Two or three lines totalling {@code total} on each side. */
    private static String entry(LocalDate date, String description, BigDecimal total, ThreadLocalRandom random) {
        String[] accounts = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        JsonArrayBuilder lines = Json.createArrayBuilder();
        long cents = total.movePointRight(2).longValueExact();
        if (cents > 1 && random.nextBoolean()) {
            long first = random.nextLong(1, cents);
            lines.add(Json.createObjectBuilder().add("account", accounts[0]).add("debit", BigDecimal.valueOf(first, 2)))
                    .add(Json.createObjectBuilder().add("account", accounts[0]).add("debit",
                            BigDecimal.valueOf(cents - first, 2)));
        } else {
            lines.add(Json.createObjectBuilder().add("account", accounts[0]).add("debit", total));
        }
        lines.add(Json.createObjectBuilder().add("account", accounts[1]).add("credit", total));
        return Json.createObjectBuilder().add("date", date.toString()).add("journal", "GENERAL")
                .add("description", description).add("lines", lines).build().toString();
    }

    private static List<Long> numbersOneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static List<Long> longs(Connection c, String sql, long org) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (r.next()) {
                    values.add(r.getLong(1));
                }
                return values;
            }
        }
    }

    /** chain_seq 1..n; each entry's prev_hash is the previous entry's hash; each hash recomputes from the rows. */
    private static void assertChainIsWhole(Connection c, long org, int n) throws SQLException {
        Map<Long, List<EntryHash.Line>> lines = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, l.line_no, a.code, l.debit, l.credit, "
                + "l.text, l.third_party_nif FROM journal_line l JOIN account a ON a.org_id = l.org_id "
                + "AND a.id = l.account_id WHERE l.org_id = ? ORDER BY l.entry_id, l.line_no")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new EntryHash.Line(r.getInt(2),
                            r.getString(3), r.getBigDecimal(4), r.getBigDecimal(5), r.getString(6), r.getString(7)));
                }
            }
        }
        String previous = null;
        long seq = 0;
        IntegrityKeys keys = TestDatabase.integrityKeys();
        try (PreparedStatement s = c.prepareStatement("SELECT e.id, e.chain_seq, e.prev_hash, e.hash, e.hash_version, "
                + "f.year, e.entry_no, e.entry_date, e.journal, e.description, e.document_ref, e.hash_key_id "
                + "FROM journal_entry e "
                + "JOIN fiscal_year f ON f.org_id = e.org_id AND f.id = e.fiscal_year_id WHERE e.org_id = ? "
                + "ORDER BY e.chain_seq")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seq++;
                    long id = r.getLong(1);
                    assertEquals(seq, r.getLong(2), "chain_seq of entry " + id);
                    if (previous == null) {
                        assertNull(r.getString(3), "prev_hash of the first entry");
                    } else {
                        assertEquals(previous, r.getString(3), "prev_hash of chain_seq " + seq);
                    }
                    assertEquals(EntryHash.KEYED, r.getInt(5), "scheme of chain_seq " + seq);
                    int keyId = r.getInt(12);
                    String recomputed = EntryHash.keyed(keys.mac(keyId).orElseThrow(), keyId, r.getString(3), org,
                            r.getInt(6), r.getInt(7), r.getDate(8).toLocalDate(), Journal.valueOf(r.getString(9)),
                            r.getString(10), r.getString(11), lines.getOrDefault(id, List.of()));
                    assertEquals(recomputed, r.getString(4), "hash of chain_seq " + seq);
                    previous = r.getString(4);
                }
            }
        }
        assertEquals(n, seq, "entries in the chain");
        try (PreparedStatement s = c.prepareStatement("SELECT last_hash FROM ledger_chain WHERE org_id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(previous, r.getString(1), "ledger_chain.last_hash");
            }
        }
    }

    /** period_balance and day_balance equal the sums of journal_line, and debit = credit = what was posted. */
    private static void assertBalancesEqualTheLines(Connection c, long org, List<Outcome> posted) throws SQLException {
        assertEquals(
                sums(c, "SELECT CONCAT(e.period_id, '/', l.account_id), SUM(l.debit), SUM(l.credit) "
                        + "FROM journal_line l JOIN journal_entry e ON e.org_id = l.org_id AND e.id = l.entry_id "
                        + "WHERE l.org_id = ? GROUP BY e.period_id, l.account_id", org),
                sums(c, "SELECT CONCAT(period_id, '/', account_id), debit, credit FROM period_balance WHERE org_id = ?",
                        org),
                "period_balance against journal_line");
        assertEquals(
                sums(c, "SELECT CONCAT(entry_date, '/', account_id), SUM(debit), SUM(credit) FROM journal_line "
                        + "WHERE org_id = ? GROUP BY entry_date, account_id", org),
                sums(c, "SELECT CONCAT(balance_date, '/', account_id), debit, credit FROM day_balance WHERE org_id = ?",
                        org),
                "day_balance against journal_line");
        List<BigDecimal> totals = sums(c, "SELECT 'all', SUM(debit), SUM(credit) FROM period_balance WHERE org_id = ?",
                org).get("all");
        BigDecimal expected = posted.stream().map(Outcome::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, totals.get(0).compareTo(totals.get(1)), "debit " + totals.get(0) + ", credit " + totals.get(1));
        assertEquals(0, totals.get(0).compareTo(expected), "debit " + totals.get(0) + ", posted " + expected);
    }

    private static Map<String, List<BigDecimal>> sums(Connection c, String sql, long org) throws SQLException {
        Map<String, List<BigDecimal>> sums = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getString(1), List.of(r.getBigDecimal(2).setScale(2), r.getBigDecimal(3).setScale(2)));
                }
            }
        }
        return sums;
    }
}
