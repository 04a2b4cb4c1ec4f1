package coop.intercoop.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.spreadsheet.control.Values;
import coop.intercoop.hub.spreadsheet.control.XlsxReader;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * The journal import against its baselines (benchmark parts a to c): a workbook of {@code bench.import-lines} journal
 * lines (1,000,000 by default; two lines per entry over 2025) is (a) imported through the hub's real pipeline — upload,
 * job, checks, the ledger — timed from the upload to the job's end; (b) inserted with plain JDBC batches into the same
 * tables for another organisation, the raw baseline, once before (a) and once after it, (a) being compared with their
 * mean; (c) only parsed, with the same streaming reader and value conversions. Each path first runs once on a workbook
 * a fifth of the size, in organisations of its own and not measured, so that what is measured is a running hub's import
 * rather than the JIT compiling it (the warm-up {@code LedgerQueriesBench} does for its queries): with a tenth, the
 * ledger's batch loops had not run often enough to be compiled fully, and compiling them took the hub 4 to 6
 * CPU-seconds during the measure. Then (a) and (b) run once more with InnoDB's adaptive hash index off, to show what
 * the embedded database's setting is worth. Not part of the test run: {@code mvn -Pbench verify}.
 */
@ExtendWith(ArquillianExtension.class)
class ImportBench {

    private static final Logger LOG = Logger.getLogger(ImportBench.class.getName());
    static final List<String> HEADER = List.of("Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber",
            "Documento");
    static final String[] DEBIT = { "629", "640", "621", "628", "622", "623", "625", "626", "627", "631" };
    static final String[] CREDIT = { "572", "570", "705", "721", "740", "476" };

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** Row {@code n} (0-based) of the generated workbook: entry n / 2, debit line then credit line. */
    static Object[] row(long n) {
        long entry = n / 2;
        BigDecimal amount = BigDecimal.valueOf((entry * 7919) % 100_000 + 100, 2);
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(entry * 365 / Math.max(1, ROWS_FOR_DATES.get() / 2));
        boolean debit = n % 2 == 0;
        String account = debit ? DEBIT[(int) (entry % DEBIT.length)] : CREDIT[(int) (entry % CREDIT.length)];
        return new Object[] { "E" + entry, date, "GENERAL", account, "Apunte " + entry, debit ? amount : null,
                debit ? null : amount, "DOC-" + entry };
    }

    private static final AtomicLong ROWS_FOR_DATES = new AtomicLong(1);

    @Test
    void journalImportAgainstItsBaselines() throws Exception {
        long lines = Long.getLong("bench.import-lines", 1_000_000L) / 2 * 2;
        long warmUpLines = Math.max(2, lines / 5 / 2 * 2);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        Path warmUp = generate(dir, warmUpLines);
        Path workbook = generate(dir, lines);

        long warming = System.nanoTime();
        assertEquals(warmUpLines, parse(warmUp));
        JsonObject warmJob = importJob(Books.open(base), Files.readAllBytes(warmUp)).job();
        assertEquals("succeeded", warmJob.getString("status"), warmJob.toString());
        try (Connection c = TestDatabase.connect()) {
            insertRaw(c, Books.open(base).orgId(), warmUpLines);
        }
        Files.deleteIfExists(warmUp);
        LOG.info(() -> String.format("Warmed up the parse, the import and the baseline on %,d lines in %.1f s",
                warmUpLines, (System.nanoTime() - warming) / 1e9));

        // (c) parse only
        long parseStart = System.nanoTime();
        long parsed = parse(workbook);
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        assertEquals(lines, parsed);

        // (b) the raw baseline, first measure: the same rows into the same tables of another organisation
        double baselineBefore = baselineSeconds(lines);

        // (a) the pipeline, with the hub's heap followed over JMX where the run started the hub with it
        Books books = Books.open(base);
        byte[] upload = Files.readAllBytes(workbook);
        TestDatabase.settle();
        HubHeap heap = HubHeap.available() ? HubHeap.connect() : null;
        if (heap != null) {
            heap.reset();
        }
        Imported imported = importJob(books, upload);
        Double peak = heap == null ? null : heap.peakMb();
        if (heap != null) {
            heap.close();
        }
        JsonObject job = imported.job();
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(lines, job.getJsonNumber("rowsWritten").longValue());

        // (b) the raw baseline, second measure; the pipeline is compared with the mean of the two, taken before and
        // after it, so that what drifts in the server over the run (its tables and buffer pool growing, its background
        // flushing) weighs on both sides alike: in one run the same baseline measured 19.2 s at the start and 15.2 s at
        // the end, a spread wider than the difference being measured
        double baselineAfter = baselineSeconds(lines);
        // (d) the raw baseline once more, while the workbook is parsed over and over on another thread, as the import's
        // checking thread parses it while its job writes: what the server's inserts cost when the machine's other core
        // is busy, the import's ceiling on this machine
        double baselineParsing = baselineSecondsParsingAlongside(lines, workbook);
        BenchResults.Measure baseline = BenchResults.Measure.throughput("jdbc-baseline", lines,
                (baselineBefore + baselineAfter) / 2, null);
        BenchResults.Measure pipeline = BenchResults.Measure
                .throughput("journal-import", lines, imported.seconds(), peak).against(baseline);
        List<BenchResults.Measure> measures = new ArrayList<>(List.of(pipeline, baseline,
                BenchResults.Measure.throughput("jdbc-baseline-before", lines, baselineBefore, null).against(baseline),
                BenchResults.Measure.throughput("jdbc-baseline-after", lines, baselineAfter, null).against(baseline),
                BenchResults.Measure.throughput("parse-only", lines, parseSeconds, null),
                BenchResults.Measure.throughput("jdbc-baseline-parsing-alongside", lines, baselineParsing, null)
                        .against(baseline)));
        measures.addAll(withoutAdaptiveHashIndex(upload, lines, pipeline, baseline));
        BenchResults.merge(measures);
        Files.deleteIfExists(workbook);
    }

    /**
     * The import and the baseline again, each in an organisation of its own, with InnoDB's adaptive hash index off as
     * MariaDB ships it (the hub's embedded database turns it on): what that setting is worth, measured in the same run.
     * The server's setting is put back afterwards; a server that already runs without it is measured once only, and
     * {@code -Dbench.adaptive-hash-index-off=false} leaves this comparison out.
     */
    private List<BenchResults.Measure> withoutAdaptiveHashIndex(byte[] upload, long lines,
            BenchResults.Measure pipeline, BenchResults.Measure baseline) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("bench.adaptive-hash-index-off", "true"))) {
            return List.of();
        }
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT @@GLOBAL.innodb_adaptive_hash_index")) {
                r.next();
                if (!r.getBoolean(1)) {
                    LOG.info("The server runs without the adaptive hash index: measured once, as it is");
                    return List.of();
                }
            }
            s.execute("SET GLOBAL innodb_adaptive_hash_index = OFF");
            try {
                TestDatabase.settle();
                Imported imported = importJob(Books.open(base), upload);
                assertEquals("succeeded", imported.job().getString("status"), imported.job().toString());
                double baselineSeconds = baselineSeconds(lines);
                return List.of(
                        BenchResults.Measure.throughput("journal-import-ahi-off", lines, imported.seconds(), null)
                                .against(pipeline),
                        BenchResults.Measure.throughput("jdbc-baseline-ahi-off", lines, baselineSeconds, null)
                                .against(baseline));
            } finally {
                s.execute("SET GLOBAL innodb_adaptive_hash_index = ON");
            }
        }
    }

    /**
     * The raw baseline: the same rows inserted with plain JDBC batches into the same tables of an organisation of its
     * own, once the database has settled; answers the seconds the inserts took.
     */
    private double baselineSeconds(long lines) throws Exception {
        return baselineSeconds(lines, () -> {
        });
    }

    /** The raw baseline, {@code settled} run once the database has settled, just before the inserts. */
    private double baselineSeconds(long lines, Runnable settled) throws Exception {
        Books other = Books.open(base);
        TestDatabase.settle();
        settled.run();
        try (Connection c = TestDatabase.connect()) {
            long start = System.nanoTime();
            insertRaw(c, other.orgId(), lines);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * The raw baseline while another thread of this JVM parses the workbook, again and again, with the import's reader
     * and conversions; answers the seconds the inserts took.
     */
    private double baselineSecondsParsingAlongside(long lines, Path workbook) throws Exception {
        AtomicBoolean inserting = new AtomicBoolean(true);
        AtomicLong parsed = new AtomicLong();
        Thread parser = new Thread(() -> {
            while (inserting.get()) {
                parsed.addAndGet(parse(workbook));
            }
        }, "bench-parse-alongside");
        try {
            return baselineSeconds(lines, parser::start);
        } finally {
            inserting.set(false);
            parser.join();
            LOG.info(() -> String.format("Parsed %,d rows alongside the baseline's inserts", parsed.get()));
        }
    }

    /** Writes a journal workbook of {@code lines} generated lines; answers its path. */
    private static Path generate(Path dir, long lines) throws java.io.IOException {
        ROWS_FOR_DATES.set(lines);
        Path workbook = dir.resolve("journal-" + lines + ".xlsx");
        long generating = System.nanoTime();
        Files.write(workbook, Workbooks.of(HEADER, () -> new Iterator<Object[]>() {
            long n;

            @Override
            public boolean hasNext() {
                return n < lines;
            }

            @Override
            public Object[] next() {
                return row(n++);
            }
        }));
        LOG.info(() -> String.format("Generated a workbook of %,d lines (%,d bytes) in %.1f s", lines,
                workbook.toFile().length(), (System.nanoTime() - generating) / 1e9));
        return workbook;
    }

    /** Reads every row with the pipeline's reader and converts every value as the journal import does. */
    private static long parse(Path file) {
        long[] rows = { 0 };
        try (XlsxReader reader = XlsxReader.open(file,
                new XlsxReader.Limits(Long.MAX_VALUE, 2_000_000, 0.01, 4_000_000_000L, 500_000_000))) {
            boolean date1904 = reader.isDate1904();
            reader.read(0, row -> {
                if (row.number() == 1) {
                    return;
                }
                Values.text(row.at(0));
                Values.date(row.at(1), date1904);
                Values.text(row.at(2));
                Values.text(row.at(3));
                Values.text(row.at(4));
                if (row.at(5) != null) {
                    Values.number(row.at(5), Locale.forLanguageTag("es"));
                }
                if (row.at(6) != null) {
                    Values.number(row.at(6), Locale.forLanguageTag("es"));
                }
                Values.text(row.at(7));
                rows[0]++;
            });
        }
        return rows[0];
    }

    /** An ended job and the seconds from the start of its upload to its end. */
    private record Imported(JsonObject job, double seconds) {
    }

    /**
     * Uploads the workbook and follows the job to its end. The job's end is the time the hub stamps on it as it commits
     * what it wrote, so the job is asked about once a second: asking more often would only spend the hub's CPU on the
     * answers.
     */
    private static Imported importJob(Books books, byte[] workbook) throws InterruptedException {
        Instant start = Instant.now();
        var accepted = books.client().upload("api/v1/orgs/" + books.orgId() + "/imports/journal-entries", books.token(),
                workbook, Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        long id = accepted.json().getJsonNumber("id").longValue();
        while (true) {
            Thread.sleep(1_000);
            JsonObject job = books
                    .expect(200, books.client().get("api/v1/orgs/" + books.orgId() + "/imports/" + id, books.token()))
                    .json();
            if (job.getString("status").equals("succeeded") || job.getString("status").equals("failed")) {
                Instant end = Instant.parse(job.getString("finishedAt"));
                return new Imported(job, Duration.between(start, end).toNanos() / 1e9);
            }
        }
    }

    /** Plain JDBC batches of the same entries and lines, no checks, no balances, no hashes worth the name. */
    private static void insertRaw(Connection c, long org, long lines) throws SQLException {
        long user;
        long year;
        List<long[]> periods = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id FROM app_user ORDER BY id LIMIT 1")) {
                r.next();
                user = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("SELECT id FROM fiscal_year WHERE org_id = " + org)) {
                r.next();
                year = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery(
                    "SELECT id, start_date, end_date FROM period WHERE org_id = " + org + " ORDER BY start_date")) {
                while (r.next()) {
                    periods.add(new long[] { r.getLong(1), r.getDate(2).toLocalDate().toEpochDay(),
                            r.getDate(3).toLocalDate().toEpochDay() });
                }
            }
        }
        java.util.Map<String, Long> accounts = new java.util.HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT code, id FROM account WHERE org_id = " + org)) {
            while (r.next()) {
                accounts.put(r.getString(1), r.getLong(2));
            }
        }
        long firstId;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry")) {
            r.next();
            firstId = r.getLong(1);
        }
        c.setAutoCommit(false);
        try (PreparedStatement entry = c.prepareStatement("INSERT INTO journal_entry (id, org_id, fiscal_year_id, "
                + "entry_no, entry_date, period_id, journal, description, document_ref, total, soft_lock_override, "
                + "posted_at, posted_by, chain_seq, hash_version, hash) VALUES (?, ?, ?, ?, ?, ?, 'GENERAL', ?, ?, ?, "
                + "FALSE, NOW(6), ?, ?, 1, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO journal_line (org_id, entry_id, line_no, "
                        + "account_id, entry_date, debit, credit, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int period = 0;
            for (long n = 0; n < lines; n += 2) {
                Object[] debit = row(n);
                Object[] credit = row(n + 1);
                long seq = n / 2 + 1;
                long id = firstId + seq - 1;
                LocalDate date = (LocalDate) debit[1];
                while (date.toEpochDay() > periods.get(period)[2]) {
                    period++;
                }
                entry.setLong(1, id);
                entry.setLong(2, org);
                entry.setLong(3, year);
                entry.setLong(4, seq);
                entry.setDate(5, java.sql.Date.valueOf(date));
                entry.setLong(6, periods.get(period)[0]);
                entry.setString(7, (String) debit[4]);
                entry.setString(8, (String) debit[7]);
                entry.setBigDecimal(9, (BigDecimal) debit[5]);
                entry.setLong(10, user);
                entry.setLong(11, seq);
                entry.setString(12, String.format("%064x", seq));
                entry.addBatch();
                int number = 1;
                for (Object[] row : List.of(debit, credit)) {
                    line.setLong(1, org);
                    line.setLong(2, id);
                    line.setInt(3, number++);
                    line.setLong(4, accounts.get((String) row[3]));
                    line.setDate(5, java.sql.Date.valueOf(date));
                    line.setBigDecimal(6, row[5] == null ? BigDecimal.ZERO : (BigDecimal) row[5]);
                    line.setBigDecimal(7, row[6] == null ? BigDecimal.ZERO : (BigDecimal) row[6]);
                    line.setString(8, (String) row[4]);
                    line.addBatch();
                }
                if (seq % 1_000 == 0) {
                    entry.executeBatch();
                    line.executeBatch();
                }
            }
            entry.executeBatch();
            line.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
