package coop.intercoop.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

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
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * A stored payroll run against its baseline (benchmark part e): an organisation of {@code bench.payroll-employees}
 * employees (10,000 by default), each with an open-ended or fixed-term contract in one of the eleven contribution
 * groups and a salary from the minimum to above the maximum base, imported through the hub's own employees and
 * contracts imports; then its monthly runs, through the API, each timed from the request that starts it to the moment
 * the run reads calculated: the job reads every employee and contract, calculates each month on the installed rules and
 * stores the employees and every line in its transaction. One whole run of February first warms the hub, not measured;
 * the measure is the median of three, the runs of March, April and May. The hub logs each run's two halves (read and
 * calculated, rows stored). The baseline stores the same rows with plain JDBC batches into the same tables, in the same
 * run of the benchmark: the run's rows are read, deleted and inserted again in one transaction. Issue 19's targets: the
 * whole run of 10,000 employees in 15 s at most, and its rows stored at 60 % of the plain JDBC rate or more; the ratio
 * reported is the whole run's (reading and calculating included) against the baseline's storing alone, so the storing
 * alone is at least as fast. Then a month's overtime item of every employee is imported through the payroll-items
 * import against the same rows inserted with plain JDBC, and the February run is approved, which calculates it again
 * and compares it with what was stored (timed as a request). Not part of the test run:
 * {@code mvn -Pbench verify -Dit.test=PayrollRunBench}.
 */
@ExtendWith(ArquillianExtension.class)
class PayrollRunBench {

    private static final Logger LOG = Logger.getLogger(PayrollRunBench.class.getName());
    private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final List<String> EMPLOYEES_HEADER = List.of("NIF", "NAF", "Nombre", "Primer apellido",
            "Fecha de nacimiento", "Domicilio", "Código postal", "Municipio", "IBAN", "Situación familiar");
    private static final List<String> CONTRACTS_HEADER = List.of("NIF trabajador", "Fecha de alta", "Tipo de contrato",
            "Coeficiente de parcialidad", "Grupo de cotización", "CNAE", "Categoría profesional", "CCC",
            "Salario base");
    private static final List<String> TABLES = List.of("payroll_run_employee", "payroll_run_line");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void aStoredRunOfTenThousandEmployeesAgainstItsBaseline() throws Exception {
        int employees = Integer.getInteger("bench.payroll-employees", 10_000);
        Books books = Books.open(base);
        seed(books, employees);

        JsonObject february = run(books, "2026-02");
        assertEquals(employees, february.getInt("employees"), february.toString());
        double[] seconds = new double[3];
        long run = 0;
        for (int i = 0; i < seconds.length; i++) {
            JsonObject month = run(books, "2026-0" + (3 + i));
            seconds[i] = month.getJsonNumber("seconds").doubleValue();
            run = month.getJsonNumber("id").longValue();
        }
        long rows = rows(run);
        long stored = run;
        Arrays.sort(seconds);
        LOG.info(() -> String.format("A run of %,d employees (%,d rows) calculated and stored in %.2f / %.2f / %.2f s",
                employees, rows, seconds[0], seconds[1], seconds[2]));

        double[] baseline = new double[3];
        for (int i = 0; i < baseline.length; i++) {
            TestDatabase.settle();
            baseline[i] = storeRaw(stored);
        }
        Arrays.sort(baseline);
        LOG.info(() -> String.format("The same %,d rows stored with plain JDBC in %.2f / %.2f / %.2f s", rows,
                baseline[0], baseline[1], baseline[2]));
        assertEquals(rows, rows(stored));

        // approval calculates the run again and compares it with what was stored: February's, the run not measured
        long approving = System.nanoTime();
        Reply approved = books.client().post(runs(books) + "/" + february.getJsonNumber("id").longValue() + "/approve",
                books.token(), "{\"version\":" + february.getInt("version") + "}");
        double approval = (System.nanoTime() - approving) / 1e9;
        assertEquals(200, approved.status(), approved.body());
        LOG.info(() -> String.format("A run of %,d employees approved (calculated again and compared) in %.2f s",
                employees, approval));

        // a month's items of every employee through the payroll-items import, against the same rows inserted with
        // plain JDBC batches for another month
        TestDatabase.settle();
        double itemsImport = importItems(books, employees, "2026-06");
        TestDatabase.settle();
        double itemsBaseline = insertItems(books.orgId(), LocalDate.of(2026, 7, 1));
        LOG.info(() -> String.format("%,d month items imported in %.2f s; with plain JDBC in %.2f s", employees,
                itemsImport, itemsBaseline));

        BenchResults.Measure plain = BenchResults.Measure.throughput("payroll-run-jdbc-baseline", rows, baseline[1],
                null);
        BenchResults.Measure itemsPlain = BenchResults.Measure.throughput("payroll-items-jdbc-baseline", employees,
                itemsBaseline, null);
        BenchResults.merge(List.of(
                BenchResults.Measure.throughput("payroll-run-stored", rows, seconds[1], null).against(plain), plain,
                BenchResults.Measure.throughput("payroll-run-approved", employees, approval, null), BenchResults.Measure
                        .throughput("payroll-items-import", employees, itemsImport, null).against(itemsPlain),
                itemsPlain));
    }

    /** The NIF of the {@code n}th employee seeded: a number from 10,000,000 and its control letter. */
    private static String nif(int n) {
        long number = 10_000_000L + n;
        return number + String.valueOf(LETTERS.charAt((int) (number % 23)));
    }

    /** Imports the employees and their contracts through the hub's imports, as an organisation would. */
    private static void seed(Books books, int count) {
        String ccc = books.client().createWorkCentre(books.token(), books.orgId(), "Sede").getString("ccc");
        List<Object[]> people = new ArrayList<>(count);
        List<Object[]> contracts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String nif = nif(n);
            // province 28, an eight-digit number from 10,000,000: the control is the ten digits mod 97
            long naf = 2_810_000_000L + n;
            people.add(new Object[] { nif, String.format("%010d%02d", naf, naf % 97), "Persona " + n, "Apellido",
                    LocalDate.of(1960 + n % 40, 1 + n % 12, 1 + n % 28), "Calle Mayor " + (n % 200 + 1), "28013",
                    "Madrid", "ES9121000418450200051332", 3 });
            int group = n % 11 + 1;
            BigDecimal salary = BigDecimal.valueOf(1_450 + (n * 37L) % 5_200).setScale(2);
            contracts.add(new Object[] { nif, LocalDate.of(2024, 1, 1), n % 10 == 3 ? "402" : "100", null, group,
                    "8891", "Categoría " + group, ccc, salary });
        }
        Instant start = Instant.now();
        imported(books, "payroll-employees", Workbooks.of(EMPLOYEES_HEADER, people));
        imported(books, "payroll-contracts", Workbooks.of(CONTRACTS_HEADER, contracts));
        LOG.info(() -> String.format("Imported %,d employees and their contracts in %.1f s", count,
                Duration.between(start, Instant.now()).toMillis() / 1e3));
    }

    private static void imported(Books books, String kind, byte[] workbook) {
        Reply accepted = books.client().upload("api/v1/orgs/" + books.orgId() + "/imports/" + kind, books.token(),
                workbook, Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        JsonObject job = books.client().finishedJob(
                "api/v1/orgs/" + books.orgId() + "/imports/" + accepted.json().getJsonNumber("id"), books.token());
        assertEquals("succeeded", job.getString("status"), job.toString());
    }

    /**
     * Imports an overtime item of every employee for the month through the hub's import, as a gestoría's sheet would
     * bring them; answers the seconds from the upload to the job's end, as the hub stamps it.
     */
    private static double importItems(Books books, int count, String month) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            rows.add(new Object[] { nif(n), LocalDate.parse(month + "-01"), "overtime", null, 2, 40 });
        }
        byte[] workbook = Workbooks
                .of(List.of("NIF trabajador", "Mes", "Tipo de partida", "Concepto", "Horas", "Importe"), rows);
        Instant start = Instant.now();
        Reply accepted = books.client().upload("api/v1/orgs/" + books.orgId() + "/imports/payroll-items", books.token(),
                workbook, Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        JsonObject job = books.client().finishedJob(
                "api/v1/orgs/" + books.orgId() + "/imports/" + accepted.json().getJsonNumber("id"), books.token());
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(count, job.getJsonNumber("rowsWritten").longValue());
        return Duration.between(start, Instant.parse(job.getString("finishedAt"))).toNanos() / 1e9;
    }

    /** The same items with plain JDBC batches of 1,000, for another month; answers the seconds the inserts took. */
    private static double insertItems(long org, LocalDate month) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            List<Long> ids = new ArrayList<>();
            long user;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM employee WHERE org_id = ? ORDER BY id")) {
                s.setLong(1, org);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM app_user ORDER BY id LIMIT 1");
                    ResultSet r = s.executeQuery()) {
                r.next();
                user = r.getLong(1);
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO payroll_item (org_id, employee_id, month, kind,"
                    + " hours, amount, created_by, created_at) VALUES (?, ?, ?, 'overtime', 2, 40, ?, NOW(3))")) {
                int n = 0;
                for (long id : ids) {
                    s.setLong(1, org);
                    s.setLong(2, id);
                    s.setObject(3, month);
                    s.setLong(4, user);
                    s.addBatch();
                    if (++n % 1_000 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Starts a month's run and follows it until it is calculated; answers the run with the seconds it took. */
    private static JsonObject run(Books books, String month) throws InterruptedException {
        long start = System.nanoTime();
        Reply accepted = books.client().post(runs(books), books.token(), "{\"month\":\"" + month + "\"}");
        assertEquals(202, accepted.status(), accepted.body());
        long id = accepted.json().getJsonNumber("id").longValue();
        JsonObject run = calculated(books, id);
        return jakarta.json.Json.createObjectBuilder(run).add("seconds", (System.nanoTime() - start) / 1e9).build();
    }

    /**
     * Asks for the run every 100 ms until its job has succeeded: the list of runs, not the run with its breakdown, so
     * that the asking costs the hub little.
     */
    private static JsonObject calculated(Books books, long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(until)) {
            Thread.sleep(100);
            JsonObject run = find(books, id);
            String status = run.getString("status");
            if (status.equals("failed")) {
                throw new AssertionError("The payroll run failed: " + run);
            }
            if (status.equals("succeeded")) {
                return run;
            }
        }
        throw new AssertionError("Payroll run " + id + " was not calculated within 5 minutes");
    }

    private static JsonObject find(Books books, long id) {
        return books.expect(200, books.client().get(runs(books), books.token())).array().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private static String runs(Books books) {
        return "api/v1/orgs/" + books.orgId() + "/payroll/runs";
    }

    private static long rows(long run) throws SQLException {
        long rows = 0;
        try (Connection c = TestDatabase.connect()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?")) {
                    s.setLong(1, run);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        rows += r.getLong(1);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The baseline: the run's rows read, deleted, and inserted again with plain JDBC batches in one transaction (the
     * same tables, their keys and the same triggers); answers the seconds the inserts took.
     */
    private static double storeRaw(long run) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            List<List<Object[]>> read = new ArrayList<>();
            List<String> inserts = new ArrayList<>();
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE run_id = ?")) {
                    s.setLong(1, run);
                    try (ResultSet r = s.executeQuery()) {
                        ResultSetMetaData meta = r.getMetaData();
                        List<String> columns = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            columns.add(meta.getColumnName(i));
                        }
                        inserts.add("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")");
                        List<Object[]> rows = new ArrayList<>();
                        while (r.next()) {
                            Object[] row = new Object[columns.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = r.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                        read.add(rows);
                    }
                }
            }
            for (String table : List.of("payroll_run_line", "payroll_run_employee")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    s.setLong(1, run);
                    s.executeUpdate();
                }
            }
            c.commit();
            long start = System.nanoTime();
            for (int t = 0; t < TABLES.size(); t++) {
                try (PreparedStatement s = c.prepareStatement(inserts.get(t))) {
                    int batched = 0;
                    for (Object[] row : read.get(t)) {
                        for (int i = 0; i < row.length; i++) {
                            s.setObject(i + 1, row[i]);
                        }
                        s.addBatch();
                        if (++batched % 5_000 == 0) {
                            s.executeBatch();
                        }
                    }
                    s.executeBatch();
                }
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
