package coop.intercoop.hub.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.bench.BenchResults.Measure;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * The report queries over a large ledger (benchmark part e): {@code bench.lines} posted lines (10,000,000 by default)
 * in one organisation over two fiscal years, then the trial balance and a ledger page for one account and month asked
 * through the hub's API, each against a raw JDBC baseline run in the same MariaDB: the trial balance summed straight
 * from the lines (what a report without maintained balances does) and the same ledger page read straight from the
 * lines' index. The lines are generated with JDBC batches; the maintained balances are rebuilt through the hub's own
 * rebuild action (timed too). The measures go to {@link BenchResults}. Not part of the test run:
 * {@code mvn -Pbench verify}.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerQueriesBench {

    private static final Logger LOG = Logger.getLogger(LedgerQueriesBench.class.getName());
    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;
    private static final int BASELINE_RUNS = 5;
    private static final long DAYS = 731; // 2024 (a leap year) and 2025

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void reportQueriesOverALargeLedger() throws Exception {
        long lines = Long.getLong("bench.lines", 10_000_000L);
        long entries = lines / 2;
        Books books = Books.open(base);
        books.expect(201, books.post("/fiscal-years", "{\"year\":2024}"));
        List<Measure> measures = new ArrayList<>();
        long started = System.nanoTime();
        List<Account> accounts;
        try (Connection c = TestDatabase.connect()) {
            accounts = generate(c, books.orgId(), entries);
        }
        double generationSeconds = (System.nanoTime() - started) / 1e9;
        LOG.info(() -> String.format("Generated %,d lines in %.1f s", lines, generationSeconds));

        long rebuildStart = System.nanoTime();
        Reply rebuilt = books.expect(200, books.post("/balances/rebuild", ""));
        double rebuild = (System.nanoTime() - rebuildStart) / 1e9;
        assertTrue(rebuilt.json().getBoolean("consistent"), rebuilt.body());
        measures.add(Measure.throughput("balances-rebuild", lines, rebuild, null));

        Random random = new Random(42);
        long account = accounts.get(0).id();
        String accountCode = accounts.get(0).code();
        double[] trial = latencies(i -> {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            books.expect(200, books.get("/reports/trial-balance?level=posting&date=" + date));
        }, MEASURED);
        double[] trialBaseline;
        try (Connection c = TestDatabase.connect()) {
            trialBaseline = latencies(i -> sumLines(c, books.orgId(), LocalDate.of(2025, 6, 15 + i)), BASELINE_RUNS);
        }
        double[] ledger = latencies(i -> {
            LocalDate month = LocalDate.of(2025, 1 + random.nextInt(12), 1);
            books.expect(200, books.get("/reports/ledger?account=" + accountCode + "&first=0&max=100&from=" + month
                    + "&to=" + month.withDayOfMonth(month.lengthOfMonth())));
        }, MEASURED);
        double[] ledgerBaseline;
        try (Connection c = TestDatabase.connect()) {
            ledgerBaseline = latencies(
                    i -> ledgerPage(c, books.orgId(), account, LocalDate.of(2025, 1 + random.nextInt(12), 1)),
                    MEASURED);
        }
        Measure trialScan = Measure.latency("trial-balance-line-scan-p95", lines, p95(trialBaseline));
        Measure ledgerJdbc = Measure.latency("ledger-page-jdbc-p95", lines, p95(ledgerBaseline));
        measures.add(Measure.latency("trial-balance-p95", lines, p95(trial)).against(trialScan));
        measures.add(trialScan);
        measures.add(Measure.latency("ledger-page-p95", lines, p95(ledger)).against(ledgerJdbc));
        measures.add(ledgerJdbc);
        LOG.info(() -> String.format("Ledger of %,d lines generated with JDBC batches in %.1f s", lines,
                generationSeconds));
        BenchResults.merge(measures);
    }

    /** Two lines per entry, over 2024 and 2025, on a few dozen posting accounts; answers the accounts' ids. */
    record Account(long id, String code) {
    }

    private static List<Account> generate(Connection c, long org, long entries) throws SQLException {
        long user;
        long[] years = new long[2];
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id FROM app_user ORDER BY id LIMIT 1")) {
                r.next();
                user = r.getLong(1);
            }
            try (ResultSet r = s
                    .executeQuery("SELECT id FROM fiscal_year WHERE org_id = " + org + " ORDER BY start_date")) {
                r.next();
                years[0] = r.getLong(1);
                r.next();
                years[1] = r.getLong(1);
            }
        }
        List<long[]> periods = new ArrayList<>(); // id, fiscal year id, first day (epoch day), last day
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, fiscal_year_id, start_date, "
                        + "end_date FROM period WHERE org_id = " + org + " ORDER BY start_date")) {
            while (r.next()) {
                periods.add(new long[] { r.getLong(1), r.getLong(2), r.getDate(3).toLocalDate().toEpochDay(),
                        r.getDate(4).toLocalDate().toEpochDay() });
            }
        }
        List<Account> used = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, code FROM account " + "WHERE org_id = " + org
                        + " AND kind = 'POSTING' AND grp IN (5, 6, 7) ORDER BY code LIMIT 40")) {
            while (r.next()) {
                used.add(new Account(r.getLong(1), r.getString(2)));
            }
        }
        long firstId;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry")) {
            r.next();
            firstId = r.getLong(1);
        }
        // multi-row VALUES in JDBC batches: an INSERT ... SELECT into the ledger's tables is refused by MariaDB 11.4
        // ("Column 'org_id' cannot be null") although every value is set
        long firstDay = LocalDate.of(2024, 1, 1).toEpochDay();
        int[] numbers = new int[2];
        int accounts = used.size();
        c.setAutoCommit(false);
        try (PreparedStatement entry = c.prepareStatement("INSERT INTO journal_entry (id, org_id, fiscal_year_id, "
                + "entry_no, entry_date, period_id, journal, description, total, soft_lock_override, posted_at, "
                + "posted_by, chain_seq, hash_version, hash) VALUES (?, ?, ?, ?, ?, ?, 'GENERAL', ?, ?, FALSE, "
                + "NOW(6), ?, ?, 1, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO journal_line (org_id, entry_id, line_no, "
                        + "account_id, entry_date, debit, credit) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int period = 0;
            for (long seq = 1; seq <= entries; seq++) {
                long day = firstDay + (seq - 1) * DAYS / entries;
                while (day > periods.get(period)[3]) {
                    period++;
                }
                long[] p = periods.get(period);
                int year = p[1] == years[0] ? 0 : 1;
                long id = firstId + seq - 1;
                java.sql.Date date = java.sql.Date.valueOf(LocalDate.ofEpochDay(day));
                java.math.BigDecimal amount = java.math.BigDecimal.valueOf((seq * 7919) % 100000 + 100, 2);
                entry.setLong(1, id);
                entry.setLong(2, org);
                entry.setLong(3, p[1]);
                entry.setInt(4, ++numbers[year]);
                entry.setDate(5, date);
                entry.setLong(6, p[0]);
                entry.setString(7, "Bench entry " + seq);
                entry.setBigDecimal(8, amount);
                entry.setLong(9, user);
                entry.setLong(10, seq);
                entry.setString(11, String.format("%064x", seq));
                entry.addBatch();
                int debit = (int) (seq % accounts);
                int credit = (int) ((debit + 1 + seq % (accounts - 1)) % accounts);
                for (int n = 1; n <= 2; n++) {
                    line.setLong(1, org);
                    line.setLong(2, id);
                    line.setInt(3, n);
                    line.setLong(4, used.get(n == 1 ? debit : credit).id());
                    line.setDate(5, date);
                    line.setBigDecimal(6, n == 1 ? amount : java.math.BigDecimal.ZERO);
                    line.setBigDecimal(7, n == 1 ? java.math.BigDecimal.ZERO : amount);
                    line.addBatch();
                }
                if (seq % 5_000 == 0 || seq == entries) {
                    entry.executeBatch();
                    line.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE entry_counter c SET last_number = (SELECT MAX(entry_no) FROM journal_entry e "
                    + "WHERE e.org_id = c.org_id AND e.fiscal_year_id = c.fiscal_year_id) WHERE c.org_id = " + org);
            s.executeUpdate("UPDATE ledger_chain SET last_seq = " + entries + ", last_hash = SHA2(" + entries
                    + ", 256) WHERE org_id = " + org);
            return used;
        }
    }

    private static void sumLines(Connection c, long org, LocalDate date) {
        try (PreparedStatement s = c.prepareStatement("SELECT account_id, SUM(debit), SUM(credit) FROM journal_line "
                + "WHERE org_id = ? AND entry_date BETWEEN '2025-01-01' AND ? GROUP BY account_id")) {
            s.setLong(1, org);
            s.setObject(2, date);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getBigDecimal(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ledgerPage(Connection c, long org, long account, LocalDate month) {
        try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, e.entry_no, l.entry_date, e.journal, "
                + "e.description, l.debit, l.credit FROM journal_line l JOIN journal_entry e ON e.org_id = l.org_id "
                + "AND e.id = l.entry_id WHERE l.org_id = ? AND l.account_id = ? AND l.entry_date BETWEEN ? AND ? "
                + "ORDER BY l.entry_date, l.entry_id, l.line_no LIMIT 100")) {
            s.setLong(1, org);
            s.setLong(2, account);
            s.setObject(3, month);
            s.setObject(4, month.withDayOfMonth(month.lengthOfMonth()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getBigDecimal(6);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds of each of {@code runs} calls, after a warm-up. */
    private static double[] latencies(IntConsumer call, int runs) {
        for (int i = 0; i < Math.min(WARM_UP, runs); i++) {
            call.accept(i);
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.accept(i);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static double p95(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

}
